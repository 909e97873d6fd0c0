import { verifyAsync } from '@noble/ed25519';

/**
 * Release integrity: each release build lists the SHA-256 of every file it serves from
 * build/ (release-manifest.json), and the release key signs that list with Ed25519
 * (release-manifest.json.sig). The installed app pins the release public key at build time
 * and checks a new version against it before installing or offering it (docs/threat-model.md,
 * "Update integrity"; docs/release.md).
 *
 * Plain TypeScript with no Svelte, DOM or Node imports: the same code runs in the service
 * worker, in the page and in the build scripts. Ed25519 comes from @noble/ed25519 (audited,
 * 5 KB) rather than libsodium (500 KB, kept out of the service worker) or WebCrypto's
 * Ed25519 (only in browsers from 2025, e.g. Chrome 137).
 */

export const RELEASE_MANIFEST_PATH = '/release-manifest.json';
export const RELEASE_SIGNATURE_PATH = '/release-manifest.json.sig';
export const RELEASE_MANIFEST_FORMAT = 1;

/**
 * Domain separation: the key signs this prefix followed by the manifest's exact bytes, so a
 * signature made for a release can never be mistaken for a signature over anything else.
 */
export const SIGNING_CONTEXT = 'ura release manifest v1\u0000';

export type ReleaseManifest = {
	format: typeof RELEASE_MANIFEST_FORMAT;
	/** Content version: a hash of the file list, so two identical builds have the same one. */
	version: string;
	/** URL path → SHA-256 of the file's bytes, base64url without padding. */
	files: Record<string, string>;
};

export type ManifestCheck =
	| { ok: true; manifest: ReleaseManifest }
	| {
			ok: false;
			reason: 'unreachable' | 'unsigned' | 'bad-signature' | 'malformed' | 'hash-mismatch';
			detail?: string;
	  };

const encoder = new TextEncoder();

export function toBase64Url(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
	const clean = text.trim().replace(/-/g, '+').replace(/_/g, '/');
	if (!/^[A-Za-z0-9+/]*$/.test(clean)) throw new Error('not base64url');
	const bin = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
	return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** SHA-256, base64url without padding (WebCrypto: browsers, workers and Node ≥ 19). */
export async function sha256(bytes: Uint8Array | ArrayBuffer): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return toBase64Url(new Uint8Array(digest));
}

/** What the release key actually signs. */
export function signingMessage(manifestBytes: Uint8Array): Uint8Array {
	const prefix = encoder.encode(SIGNING_CONTEXT);
	const out = new Uint8Array(prefix.length + manifestBytes.length);
	out.set(prefix, 0);
	out.set(manifestBytes, prefix.length);
	return out;
}

/**
 * The manifest text for a build: files sorted by path, so the same build always gives the
 * same bytes. The version is derived from the file list itself.
 */
export async function buildReleaseManifest(
	files: readonly { path: string; bytes: Uint8Array }[]
): Promise<string> {
	const entries: [string, string][] = [];
	for (const f of files) {
		if (!f.path.startsWith('/')) throw new Error(`release manifest: path must start with /`);
		entries.push([f.path, await sha256(f.bytes)]);
	}
	entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const listing = entries.map(([p, h]) => `${p} ${h}\n`).join('');
	const version = (await sha256(encoder.encode(listing))).slice(0, 16);
	const manifest: ReleaseManifest = {
		format: RELEASE_MANIFEST_FORMAT,
		version,
		files: Object.fromEntries(entries)
	};
	return `${JSON.stringify(manifest, null, '\t')}\n`;
}

/** Parses and checks the shape; throws on anything unexpected. */
export function parseReleaseManifest(bytes: Uint8Array): ReleaseManifest {
	const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	if (typeof value !== 'object' || value === null) throw new Error('not an object');
	const { format, version, files } = value as Record<string, unknown>;
	if (format !== RELEASE_MANIFEST_FORMAT) throw new Error('unknown format');
	if (typeof version !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(version)) {
		throw new Error('bad version');
	}
	if (typeof files !== 'object' || files === null || Array.isArray(files)) {
		throw new Error('bad files');
	}
	for (const [path, hash] of Object.entries(files)) {
		if (!path.startsWith('/') || typeof hash !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(hash)) {
			throw new Error(`bad entry ${path}`);
		}
	}
	return { format, version, files: files as Record<string, string> };
}

/** Plain Ed25519 (RFC 8032, strict): false for any malformed input, never throws. */
export async function verifyEd25519(
	message: Uint8Array,
	signatureText: string,
	publicKey: string
): Promise<boolean> {
	try {
		const sig = fromBase64Url(signatureText);
		const key = fromBase64Url(publicKey);
		if (sig.length !== 64 || key.length !== 32) return false;
		// zip215: false → RFC 8032 / FIPS 186-5 rules (rejects non-canonical encodings).
		return await verifyAsync(sig, message, key, { zip215: false });
	} catch {
		return false;
	}
}

/** The release signature: Ed25519 over signingMessage(manifest bytes). */
export function verifyReleaseSignature(
	manifestBytes: Uint8Array,
	signatureText: string,
	publicKey: string
): Promise<boolean> {
	return verifyEd25519(signingMessage(manifestBytes), signatureText, publicKey);
}

/**
 * Fetches the current release manifest and its signature, and checks the signature with the
 * pinned key. `fetchFn` must bypass caches (the caller passes `cache: 'no-store'`).
 */
export async function fetchVerifiedManifest(
	fetchFn: (path: string) => Promise<Response>,
	publicKey: string
): Promise<ManifestCheck> {
	let manifestBytes: Uint8Array;
	let signature: string;
	try {
		const [m, s] = await Promise.all([
			fetchFn(RELEASE_MANIFEST_PATH),
			fetchFn(RELEASE_SIGNATURE_PATH)
		]);
		if (!m.ok) return { ok: false, reason: 'unreachable', detail: `manifest ${m.status}` };
		if (!s.ok) return { ok: false, reason: 'unsigned', detail: `signature ${s.status}` };
		manifestBytes = new Uint8Array(await m.arrayBuffer());
		signature = await s.text();
	} catch {
		return { ok: false, reason: 'unreachable' };
	}
	if (!(await verifyReleaseSignature(manifestBytes, signature, publicKey))) {
		return { ok: false, reason: 'bad-signature' };
	}
	try {
		return { ok: true, manifest: parseReleaseManifest(manifestBytes) };
	} catch (e) {
		return { ok: false, reason: 'malformed', detail: (e as Error).message };
	}
}

/** True when the bytes are exactly the ones the signed manifest lists for this path. */
export async function matchesManifest(
	manifest: ReleaseManifest,
	path: string,
	bytes: Uint8Array | ArrayBuffer
): Promise<boolean> {
	const expected = manifest.files[path];
	return expected !== undefined && expected === (await sha256(bytes));
}
