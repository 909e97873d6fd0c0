/**
 * "Share with my mentor": notes encrypted on this device under a fresh random key; the
 * server (src/routes/api/shares) stores only the ciphertext; the key travels in the link's
 * #fragment, which browsers never send to a server. docs/crypto.md, "Sharing", has the format.
 */
import { z } from 'zod';
import { CryptoError, loadCrypto } from '$lib/crypto';
import { localizePath, type Lang } from '$lib/i18n/langs';
import { ShareableContentSchema, type LinkContent, type ShareableContent } from './entries';
import { NotebookError } from './errors';

export const SHARE_CONTEXT = 'ura/share';
export const SHARE_PAGE = '/link';
export const SHARE_DAY_CHOICES = [1, 3, 7, 14, 30] as const;
export const SHARE_DEFAULT_DAYS = 7;
export const SHARE_MAX_ENTRIES = 100;

const SharePayloadSchema = z.object({
	v: z.literal(1),
	entries: z.array(ShareableContentSchema).min(1).max(SHARE_MAX_ENTRIES)
});

const SHARE_ID = /^[A-Za-z0-9_-]{22}$/;
const SHARE_KEY = /^[A-Za-z0-9_-]{43}$/;

/** The server's answer is checked too: its id goes into a link and into request paths. */
const CreatedSchema = z.object({
	id: z.string().regex(SHARE_ID),
	expiresAt: z.iso.datetime({ offset: true })
});
const InfoSchema = z.object({
	expiresAt: z.iso.datetime({ offset: true }),
	burnAfterReading: z.boolean(),
	ciphertext: z.string().optional()
});
const OpenedSchema = z.object({
	ciphertext: z.string(),
	expiresAt: z.iso.datetime({ offset: true })
});

const utf8 = new TextEncoder();

async function call(path: string, init?: RequestInit): Promise<Response> {
	let res: Response;
	try {
		res = await fetch(path, { ...init, cache: 'no-store', credentials: 'omit' });
	} catch {
		throw new NotebookError('network');
	}
	if (res.status === 404) throw new NotebookError('share_gone');
	if (!res.ok) throw new NotebookError('network', `HTTP ${res.status}`);
	return res;
}

/** Encrypts `contents`, stores the ciphertext, and returns the link record for the notebook. */
export async function createShare(
	contents: ShareableContent[],
	options: { days: number; burnAfterReading: boolean; lang: Lang; origin: string }
): Promise<LinkContent> {
	const c = await loadCrypto();
	const payload = SharePayloadSchema.parse({ v: 1, entries: contents });
	const key = c.newKey();
	const revokeSecret = c.randomBytes(32);
	const plain = c.pad(utf8.encode(JSON.stringify(payload)));
	const envelope = c.encrypt(key, plain, SHARE_CONTEXT);
	c.wipe(plain);
	const init: RequestInit = {
		method: 'POST',
		// One key for this share and its retry: if the first answer was lost on the way back,
		// the server returns the same share rather than storing a second copy.
		headers: {
			'content-type': 'application/json',
			'idempotency-key': c.toBase64Url(c.randomBytes(16))
		},
		body: JSON.stringify({
			ciphertext: c.toBase64Url(envelope),
			expiresInDays: options.days,
			burnAfterReading: options.burnAfterReading,
			revokeSecret: c.toBase64Url(revokeSecret)
		})
	};
	let res: Response;
	try {
		res = await call('/api/shares', init);
	} catch (error) {
		if (!(error instanceof NotebookError) || error.code !== 'network') throw error;
		res = await call('/api/shares', init);
	}
	const parsed = CreatedSchema.safeParse(await res.json());
	if (!parsed.success) {
		c.wipe(key);
		throw new NotebookError('network', 'unexpected answer from the server');
	}
	const created = parsed.data;
	const url = `${options.origin}${localizePath(options.lang, SHARE_PAGE)}#${created.id}.${c.toBase64Url(key)}`;
	c.wipe(key);
	return {
		kind: 'link',
		shareId: created.id,
		url,
		revokeSecret: c.toBase64Url(revokeSecret),
		expiresAt: created.expiresAt,
		burnAfterReading: options.burnAfterReading,
		titles: contents.map((e) => e.title)
	};
}

/** Reads "#<id>.<key>" from a link; null if it is missing or malformed. */
export function parseShareFragment(hash: string): { id: string; key: string } | null {
	const m = /^#?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(hash);
	if (!m || !SHARE_ID.test(m[1]!) || !SHARE_KEY.test(m[2]!)) return null;
	return { id: m[1]!, key: m[2]! };
}

export type ShareInfo = z.infer<typeof InfoSchema>;

/** Expiry and burn flag; and the ciphertext, unless it is to be read only once. */
export async function fetchShare(id: string): Promise<ShareInfo> {
	return InfoSchema.parse(await (await call(`/api/shares/${id}`)).json());
}

/** Fetches the ciphertext; for a burn-after-reading share the server deletes it now. */
export async function openShare(id: string): Promise<string> {
	const res = await call(`/api/shares/${id}/open`, { method: 'POST' });
	return OpenedSchema.parse(await res.json()).ciphertext;
}

/** Decrypts shared notes with the key from the fragment. Any change → link_invalid. */
export async function decryptShare(
	keyText: string,
	ciphertext: string
): Promise<ShareableContent[]> {
	const c = await loadCrypto();
	try {
		const key = c.fromBase64Url(keyText);
		const plain = c.decrypt(key, c.fromBase64Url(ciphertext), SHARE_CONTEXT);
		c.wipe(key);
		const text = new TextDecoder('utf-8', { fatal: true }).decode(c.unpad(plain));
		c.wipe(plain);
		return SharePayloadSchema.parse(JSON.parse(text)).entries;
	} catch (error) {
		if (error instanceof CryptoError && error.code === 'unavailable') throw error;
		throw new NotebookError('link_invalid');
	}
}

/** Deletes the share on the server. Already gone counts as done. */
export async function revokeShare(id: string, revokeSecret: string): Promise<void> {
	try {
		await call(`/api/shares/${id}/revoke`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ revokeSecret })
		});
	} catch (error) {
		if (error instanceof NotebookError && error.code === 'share_gone') return;
		throw error;
	}
}
