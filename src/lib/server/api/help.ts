/**
 * The help-request and responder APIs: one zod schema per request, and the limits, in one
 * place. The server checks shapes and sizes only; it cannot read any of the ciphertexts.
 */
import { z } from 'zod';
import {
	MAX_RECIPIENTS,
	MESSAGE_MAX_BUCKET,
	MESSAGE_MIN_BUCKET,
	REQUEST_MAX_BUCKET,
	REQUEST_MIN_BUCKET,
	isSealedBucket,
	SEAL_OVERHEAD
} from '$lib/requests/formats';
import { ACCOUNT_BLOB_BYTES } from '$lib/requests/account';
import { KEY_KINDS, ROLES } from '$lib/requests/roles';
import { decodeBase64Url } from './shares';

export const REQUEST_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export { KEY_KINDS, KINDS_OF_ROLE, ROLES, type KeyKind, type Role } from '$lib/requests/roles';

/** Bytes of base64url text for n bytes. */
const b64len = (n: number) => Math.ceil((n * 4) / 3);

/** base64url → bytes of exactly `n` bytes (or within [min, max] with a check). */
function bytes(name: string, check: (b: Uint8Array) => boolean, maxBytes: number) {
	return z
		.string()
		.max(b64len(maxBytes), `${name}: too large`)
		.transform((s, ctx) => {
			const b = decodeBase64Url(s);
			if (!b || !check(b)) {
				ctx.addIssue({ code: 'custom', message: `Not a valid ${name}` });
				return z.NEVER;
			}
			return b;
		});
}

const exactly = (name: string, n: number) => bytes(name, (b) => b.length === n, n);

export const OrgKeySchema = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Not an organisation key');
const Id = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not an id');

export const RequestCiphertext = bytes(
	'sealed request',
	(b) => isSealedBucket(b.length, REQUEST_MIN_BUCKET, REQUEST_MAX_BUCKET),
	REQUEST_MAX_BUCKET + SEAL_OVERHEAD
);
const MessageCiphertext = bytes(
	'sealed message',
	(b) => isSealedBucket(b.length, MESSAGE_MIN_BUCKET, MESSAGE_MAX_BUCKET),
	MESSAGE_MAX_BUCKET + SEAL_OVERHEAD
);

export const SubmitRequestSchema = z.strictObject({
	/** 16 bytes derived from the pickup code; the server keeps only its hash. */
	lookupId: exactly('lookup id', 16),
	items: z
		.array(
			z.strictObject({
				org: OrgKeySchema,
				/** Which of its keys it is sealed to; its staff's when absent. */
				audience: z.enum(KEY_KINDS).default('organisation'),
				ciphertext: RequestCiphertext,
				/** 16 random bytes from the browser, one per recipient, reused on every retry. */
				idempotencyKey: Id
			})
		)
		.min(1)
		.max(MAX_RECIPIENTS)
		.refine((items) => new Set(items.map((i) => i.idempotencyKey)).size === items.length, {
			message: 'Idempotency keys must differ'
		})
		.refine((items) => new Set(items.map((i) => `${i.org} ${i.audience}`)).size === items.length, {
			message: 'Each organisation once'
		})
});
export const SUBMIT_MAX_BODY = MAX_RECIPIENTS * (b64len(REQUEST_MAX_BUCKET + SEAL_OVERHEAD) + 240);

export const LookupSchema = z.strictObject({ lookupId: exactly('lookup id', 16) });

export const InviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an invitation');
export const UsernameSchema = z
	.string()
	.transform((s) => s.normalize('NFC').trim().toLowerCase())
	.pipe(
		z
			.string()
			.regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3–40 letters a–z, digits, dot, dash or underscore')
	);

export const SignupSchema = z.strictObject({
	token: InviteTokenSchema,
	username: UsernameSchema,
	boxPublicKey: exactly('public key', 32),
	signPublicKey: exactly('public key', 32),
	wrappedKeys: exactly('account blob', ACCOUNT_BLOB_BYTES),
	/** Only the first admin of an organisation: its new public key and the grant to themself. */
	orgPublicKey: exactly('public key', 32).optional(),
	orgGrant: exactly('grant', 32 + SEAL_OVERHEAD).optional()
});

/**
 * A name that no account can have is refused before any lookup (it says nothing about which
 * accounts exist); any well-formed name gets a challenge, a decoy one if unknown.
 */
export const ChallengeSchema = z.strictObject({ username: UsernameSchema });

export const SignInSchema = z.strictObject({
	challengeId: Id,
	signature: exactly('signature', 64)
});

export const StatusSchema = z.strictObject({ status: z.enum(REQUEST_STATUSES) });

export const ReplySchema = z.strictObject({
	/** Sealed to the survivor's reply key. */
	ciphertext: MessageCiphertext,
	/** The same text sealed to the organisation, so colleagues see what was answered. */
	copy: MessageCiphertext
});

export const NoteSchema = z.strictObject({ ciphertext: MessageCiphertext });

export const HandoverSchema = z.strictObject({
	org: OrgKeySchema,
	ciphertext: RequestCiphertext
});

export const InviteSchema = z.strictObject({ role: z.enum(ROLES) });

export const GrantSchema = z.strictObject({
	responderId: Id,
	/** Which of the organisation's secret keys is sealed; its staff's when absent. */
	kind: z.enum(KEY_KINDS).default('organisation'),
	sealedKey: exactly('grant', 32 + SEAL_OVERHEAD)
});

/** An admin sets up the peer-mentor group: its new public key and the grant to themself. */
export const MentorGroupSchema = z.strictObject({
	// An all-zero X25519 key is no key: anything sealed to it is open to everyone.
	publicKey: bytes('public key', (b) => b.length === 32 && b.some((x) => x !== 0), 32),
	grant: exactly('grant', 32 + SEAL_OVERHEAD)
});

export const RequestParamsSchema = z.object({ id: Id });

export const INVITE_HOURS = 72;
export const SESSION_HOURS = 8;
export const SESSION_IDLE_MINUTES = 30;
export const CHALLENGE_SECONDS = 120;
