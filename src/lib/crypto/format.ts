/**
 * Byte formats shared by everything Ura encrypts. docs/crypto.md describes them byte by byte,
 * and src/lib/crypto/docs.spec.ts checks that the document quotes these very values.
 * Pure TypeScript, no libsodium: parsing can happen before the library is loaded.
 */
import { CryptoError } from './errors';

/** Envelope format version. A new layout gets a new number; old ones stay readable. */
export const ENVELOPE_VERSION = 0x01;
/** Algorithm ids inside an envelope. */
export const ALG_XCHACHA20POLY1305_IETF = 0x01;
export const KNOWN_ALGORITHMS: readonly number[] = [ALG_XCHACHA20POLY1305_IETF];

export const KEY_BYTES = 32;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
/** version (1) + algorithm (1). */
export const ENVELOPE_HEADER_BYTES = 2;
/** header + nonce + tag: an envelope of an empty message. */
export const ENVELOPE_OVERHEAD = ENVELOPE_HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

export type ParsedEnvelope = {
	version: number;
	algorithm: number;
	/** The two header bytes, bound into the associated data. */
	header: Uint8Array;
	nonce: Uint8Array;
	/** Ciphertext followed by the 16-byte Poly1305 tag. */
	sealed: Uint8Array;
};

/**
 * Splits an envelope, strictly: too short, an unknown version or an unknown algorithm is an
 * error before any decryption is tried. Authenticity is checked later by the AEAD.
 */
export function parseEnvelope(bytes: Uint8Array): ParsedEnvelope {
	if (!(bytes instanceof Uint8Array)) throw new CryptoError('bad_input', 'envelope must be bytes');
	if (bytes.length < ENVELOPE_HEADER_BYTES) throw new CryptoError('truncated', 'no header');
	const version = bytes[0]!;
	const algorithm = bytes[1]!;
	if (version !== ENVELOPE_VERSION) {
		throw new CryptoError('unsupported_version', `envelope version ${version}`);
	}
	if (!KNOWN_ALGORITHMS.includes(algorithm)) {
		throw new CryptoError('unsupported_algorithm', `algorithm ${algorithm}`);
	}
	if (bytes.length < ENVELOPE_OVERHEAD) throw new CryptoError('truncated', 'shorter than overhead');
	return {
		version,
		algorithm,
		header: bytes.slice(0, ENVELOPE_HEADER_BYTES),
		nonce: bytes.slice(ENVELOPE_HEADER_BYTES, ENVELOPE_HEADER_BYTES + NONCE_BYTES),
		sealed: bytes.slice(ENVELOPE_HEADER_BYTES + NONCE_BYTES)
	};
}

const utf8 = new TextEncoder();

/**
 * Associated data of an envelope: header ‖ u16be(len(context)) ‖ context ‖ extra.
 * The context names the purpose ("ura/notebook/entry"), so a ciphertext made for one purpose
 * never opens as another; the length prefix keeps context and extra unambiguous.
 */
export function envelopeAssociatedData(
	header: Uint8Array,
	context: string,
	extra: Uint8Array = new Uint8Array(0)
): Uint8Array {
	const ctx = utf8.encode(context);
	if (ctx.length === 0 || ctx.length > 0xffff) {
		throw new CryptoError('bad_input', 'context must be 1..65535 bytes');
	}
	const out = new Uint8Array(header.length + 2 + ctx.length + extra.length);
	out.set(header, 0);
	out[header.length] = ctx.length >>> 8;
	out[header.length + 1] = ctx.length & 0xff;
	out.set(ctx, header.length + 2);
	out.set(extra, header.length + 2 + ctx.length);
	return out;
}

/**
 * Padding buckets (bytes of padded plaintext): powers of two from 256 B to 256 KiB, then
 * multiples of 256 KiB. A ciphertext's length then tells an observer only its bucket.
 */
export const PAD_MIN_BUCKET = 256;
export const PAD_MAX_BUCKET = 256 * 1024;

/**
 * The padded size for a plaintext of `length` bytes (ISO/IEC 7816-4 adds at least one byte).
 * `minBucket` (a bucket size) raises the floor, so that short messages of one kind (e.g. help
 * requests, all at least 4 KiB) are all the same size.
 */
export function bucketFor(length: number, minBucket = PAD_MIN_BUCKET): number {
	if (!Number.isSafeInteger(length) || length < 0) throw new CryptoError('bad_input', 'length');
	if (!isBucketSize(minBucket)) throw new CryptoError('bad_input', 'minimum bucket');
	const needed = length + 1;
	if (needed > PAD_MAX_BUCKET) return Math.ceil(needed / PAD_MAX_BUCKET) * PAD_MAX_BUCKET;
	let bucket = minBucket;
	while (bucket < needed) bucket *= 2;
	return bucket;
}

/** Whether `length` is a size that padToBucket can produce. */
export function isBucketSize(length: number): boolean {
	if (!Number.isSafeInteger(length) || length < PAD_MIN_BUCKET) return false;
	if (length >= PAD_MAX_BUCKET) return length % PAD_MAX_BUCKET === 0;
	return (length & (length - 1)) === 0;
}

/** Argon2id cost parameters, as recorded in every stored header that uses them. */
export type Argon2idParams = {
	/** Passes over memory (Argon2's t; libsodium's opslimit). */
	opsLimit: number;
	/** Memory in KiB (Argon2's m; libsodium's memlimit is this × 1024 bytes). */
	memLimitKiB: number;
};

/**
 * OWASP Password Storage Cheat Sheet, Argon2id minimum: m = 19 MiB, t = 2, p = 1.
 * Nothing weaker is ever accepted, neither to derive a new key nor from a stored header.
 */
export const ARGON2ID_FLOOR: Argon2idParams = { opsLimit: 2, memLimitKiB: 19 * 1024 };
/** Upper bounds accepted from a stored header, so a corrupted one cannot hang the device. */
export const ARGON2ID_CEILING: Argon2idParams = { opsLimit: 16, memLimitKiB: 1024 * 1024 };
/**
 * What new keys use (docs/crypto.md, "Argon2id parameters", has the measurements):
 * libsodium's INTERACTIVE memory, 64 MiB, with t = 2.
 */
export const ARGON2ID_DEFAULT: Argon2idParams = { opsLimit: 2, memLimitKiB: 64 * 1024 };
/** Salt length of crypto_pwhash. */
export const ARGON2ID_SALT_BYTES = 16;

export function checkArgon2idParams(params: Argon2idParams): void {
	const { opsLimit, memLimitKiB } = params;
	if (
		!Number.isSafeInteger(opsLimit) ||
		!Number.isSafeInteger(memLimitKiB) ||
		opsLimit < ARGON2ID_FLOOR.opsLimit ||
		opsLimit > ARGON2ID_CEILING.opsLimit ||
		memLimitKiB < ARGON2ID_FLOOR.memLimitKiB ||
		memLimitKiB > ARGON2ID_CEILING.memLimitKiB
	) {
		throw new CryptoError('bad_input', 'Argon2id parameters outside the accepted range');
	}
}
