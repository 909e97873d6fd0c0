/** The shares API: one zod schema per request, and the limits, in one place. */
import { z } from 'zod';
import { ENVELOPE_OVERHEAD, ENVELOPE_VERSION, isBucketSize } from '$lib/crypto/format';

export const SHARE_DEFAULT_DAYS = 7;
export const SHARE_MAX_DAYS = 30;
/** Largest padded plaintext accepted: 128 KiB is far more than a few notes. */
export const SHARE_MAX_PLAINTEXT = 128 * 1024;
export const SHARE_MAX_CIPHERTEXT = SHARE_MAX_PLAINTEXT + ENVELOPE_OVERHEAD;
/** base64url of the largest ciphertext, plus room for the other fields. */
export const SHARE_MAX_BODY = Math.ceil((SHARE_MAX_CIPHERTEXT * 4) / 3) + 1024;

const base64url = /^[A-Za-z0-9_-]+$/;

/** base64url text → bytes, refusing anything that is not the canonical spelling. */
export function decodeBase64Url(text: string): Uint8Array | null {
	if (!base64url.test(text) || text.length % 4 === 1) return null;
	const bytes = Buffer.from(text, 'base64url');
	if (bytes.toString('base64url') !== text) return null;
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const ShareIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a share id');

export const ShareParamsSchema = z.object({ id: ShareIdSchema });

const Secret = z
	.string()
	.regex(/^[A-Za-z0-9_-]{43}$/, 'Must be 32 bytes, base64url')
	.transform((s, ctx) => {
		const bytes = decodeBase64Url(s);
		if (!bytes) {
			ctx.addIssue({ code: 'custom', message: 'Must be 32 bytes, base64url' });
			return z.NEVER;
		}
		return bytes;
	});

export const CreateShareSchema = z.strictObject({
	/**
	 * A version-1 envelope whose padded plaintext is one of the padding buckets: the server
	 * cannot read it, but refuses anything that was not padded (its length would say more).
	 */
	ciphertext: z
		.string()
		.max(Math.ceil((SHARE_MAX_CIPHERTEXT * 4) / 3), 'Too large')
		.transform((s, ctx) => {
			const bytes = decodeBase64Url(s);
			if (!bytes) {
				ctx.addIssue({ code: 'custom', message: 'Must be base64url' });
				return z.NEVER;
			}
			if (
				bytes.length > SHARE_MAX_CIPHERTEXT ||
				bytes[0] !== ENVELOPE_VERSION ||
				!isBucketSize(bytes.length - ENVELOPE_OVERHEAD)
			) {
				ctx.addIssue({ code: 'custom', message: 'Not a padded version-1 envelope' });
				return z.NEVER;
			}
			return bytes;
		}),
	expiresInDays: z.int().min(1).max(SHARE_MAX_DAYS).default(SHARE_DEFAULT_DAYS),
	burnAfterReading: z.boolean().default(false),
	revokeSecret: Secret
});

/**
 * The optional Idempotency-Key header of POST /api/shares: a random value the client makes
 * once per share and sends again on every retry, so a retry never makes a second share.
 */
export const IdempotencyKeySchema = z
	.string()
	.regex(/^[A-Za-z0-9_-]{16,128}$/, 'Must be 16 to 128 characters of base64url')
	.optional();

export const RevokeShareSchema = z.strictObject({ revokeSecret: Secret });
