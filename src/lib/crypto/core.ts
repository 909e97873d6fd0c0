/**
 * The cryptography Ura uses, as a small typed API over libsodium. Routes and UI never call
 * libsodium; they call `loadCrypto()` (index.ts) and get this object. Every function is
 * synchronous once the library is loaded. Nothing here returns partial output: a failure
 * throws a CryptoError and no plaintext bytes.
 */
import { CryptoError } from './errors';
import {
	ALG_XCHACHA20POLY1305_IETF,
	ARGON2ID_SALT_BYTES,
	ENVELOPE_HEADER_BYTES,
	ENVELOPE_VERSION,
	KEY_BYTES,
	NONCE_BYTES,
	PAD_MAX_BUCKET,
	bucketFor,
	checkArgon2idParams,
	envelopeAssociatedData,
	isBucketSize,
	parseEnvelope,
	type Argon2idParams
} from './format';
import type { Sodium } from './sodium';

export type BoxKeyPair = { publicKey: Uint8Array; secretKey: Uint8Array };
export type SignKeyPair = { publicKey: Uint8Array; secretKey: Uint8Array };

/** What a high-entropy code (≥ 100 bits, e.g. a pickup code) deterministically yields. */
export type CodeKeys = {
	/** X25519 key pair for sealed boxes addressed to whoever holds the code. */
	boxKeyPair: BoxKeyPair;
	/** 16 bytes that name the code's mailbox on a server without revealing the code. */
	lookupId: Uint8Array;
};

/** Domain-separation labels for deriveFromCode (docs/crypto.md, "Keys from a code"). */
export const CODE_HASH_KEY = 'ura/code-keys/v1';
export const CODE_KDF_CONTEXT = 'ura-code';
export const CODE_KDF_ID_BOX_SEED = 1;
export const CODE_KDF_ID_LOOKUP = 2;

export interface Crypto {
	/** libsodium's version string, e.g. "1.0.22". */
	readonly libraryVersion: string;

	/** Bytes from the platform's CSPRNG (crypto.getRandomValues). */
	randomBytes(length: number): Uint8Array;
	/** Constant-time comparison; different lengths are simply unequal. */
	equal(a: Uint8Array, b: Uint8Array): boolean;
	/** Overwrites buffers with zeros (keys, plaintexts) once they are no longer needed. */
	wipe(...buffers: (Uint8Array | undefined | null)[]): void;
	/** RFC 4648 §5 base64url without padding. */
	toBase64Url(bytes: Uint8Array): string;
	/** Strict: padding, whitespace or characters outside the URL-safe alphabet are refused. */
	fromBase64Url(text: string): Uint8Array;

	/** A fresh random 32-byte key for encrypt/decrypt. */
	newKey(): Uint8Array;
	/**
	 * Encrypts into a versioned envelope (XChaCha20-Poly1305-IETF, random 192-bit nonce).
	 * `context` names the purpose and must be given again to decrypt; `extra` is optional
	 * associated data (e.g. a record id) that is authenticated but not stored.
	 */
	encrypt(key: Uint8Array, plaintext: Uint8Array, context: string, extra?: Uint8Array): Uint8Array;
	/** Opens an envelope, or throws (truncated, unknown version/algorithm, any change, wrong key). */
	decrypt(key: Uint8Array, envelope: Uint8Array, context: string, extra?: Uint8Array): Uint8Array;

	/** Argon2id v1.3 (crypto_pwhash) → 32-byte key. The passphrase is NFC-normalised first. */
	deriveKeyFromPassphrase(passphrase: string, salt: Uint8Array, params: Argon2idParams): Uint8Array;

	/**
	 * Pads to the next size bucket (format.ts) with ISO/IEC 7816-4 padding (sodium_pad), at
	 * least `minBucket` bytes (a bucket size; default the smallest, 256).
	 */
	pad(bytes: Uint8Array, minBucket?: number): Uint8Array;
	/** Reverses pad; refuses a length that is not a bucket or malformed padding. */
	unpad(bytes: Uint8Array): Uint8Array;

	/** X25519 key pair, random or from a 32-byte seed (crypto_box_seed_keypair). */
	boxKeyPair(seed?: Uint8Array): BoxKeyPair;
	/** X25519 public key of a secret key (crypto_scalarmult_base). */
	boxPublicKey(secretKey: Uint8Array): Uint8Array;
	/** Anonymous sealed box to a public key (crypto_box_seal). */
	sealTo(recipientPublicKey: Uint8Array, plaintext: Uint8Array): Uint8Array;
	/** Opens a sealed box, or throws CryptoError('invalid'). */
	openSealed(box: Uint8Array, recipient: BoxKeyPair): Uint8Array;

	/** Ed25519 key pair, random or from a 32-byte seed. The secret key is 64 bytes. */
	signKeyPair(seed?: Uint8Array): SignKeyPair;
	/** Ed25519 detached signature (64 bytes). */
	sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
	/** Whether `signature` is a valid Ed25519 signature of `message` by `publicKey`. */
	verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;

	/** BLAKE2b (crypto_generichash), 16–64 bytes, optionally keyed (16–64-byte key). */
	hash(data: Uint8Array, length?: number, key?: Uint8Array): Uint8Array;
	/** crypto_kdf (BLAKE2b): subkey `id` of a 32-byte master key, context of exactly 8 chars. */
	deriveSubkey(masterKey: Uint8Array, id: number, context: string, length: number): Uint8Array;
	/** Box key pair and lookup id from a high-entropy code; same code, same keys, any device. */
	deriveFromCode(code: Uint8Array): CodeKeys;
}

const utf8 = new TextEncoder();
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function requireBytes(value: unknown, length: number | undefined, what: string): Uint8Array {
	if (!(value instanceof Uint8Array)) throw new CryptoError('bad_input', `${what} must be bytes`);
	if (length !== undefined && value.length !== length) {
		throw new CryptoError('bad_input', `${what} must be ${length} bytes`);
	}
	return value;
}

/**
 * XChaCha20-Poly1305-IETF with a caller-given nonce. Internal: only `encrypt` (random nonce)
 * and the known-answer tests call it; a public fixed-nonce API would invite nonce reuse.
 */
export function aeadEncryptWithNonce(
	sodium: Sodium,
	key: Uint8Array,
	nonce: Uint8Array,
	plaintext: Uint8Array,
	ad: Uint8Array
): Uint8Array {
	requireBytes(key, KEY_BYTES, 'key');
	requireBytes(nonce, NONCE_BYTES, 'nonce');
	requireBytes(plaintext, undefined, 'plaintext');
	return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
}

export function aeadDecrypt(
	sodium: Sodium,
	key: Uint8Array,
	nonce: Uint8Array,
	sealed: Uint8Array,
	ad: Uint8Array
): Uint8Array {
	requireBytes(key, KEY_BYTES, 'key');
	requireBytes(nonce, NONCE_BYTES, 'nonce');
	try {
		return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed, ad, nonce, key);
	} catch {
		// libsodium verifies the tag before releasing any plaintext.
		throw new CryptoError('invalid', 'authentication failed');
	}
}

export function createCrypto(sodium: Sodium): Crypto {
	const header = new Uint8Array([ENVELOPE_VERSION, ALG_XCHACHA20POLY1305_IETF]);

	const api: Crypto = {
		libraryVersion: sodium.SODIUM_VERSION_STRING,

		randomBytes(length) {
			if (!Number.isSafeInteger(length) || length < 0) throw new CryptoError('bad_input', 'length');
			return sodium.randombytes_buf(length);
		},

		equal(a, b) {
			requireBytes(a, undefined, 'a');
			requireBytes(b, undefined, 'b');
			// sodium.memcmp throws on different lengths; length is not secret here.
			return a.length === b.length && sodium.memcmp(a, b);
		},

		wipe(...buffers) {
			for (const b of buffers) if (b instanceof Uint8Array && b.length > 0) sodium.memzero(b);
		},

		toBase64Url(bytes) {
			requireBytes(bytes, undefined, 'bytes');
			return sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
		},

		fromBase64Url(text) {
			if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) {
				throw new CryptoError('bad_encoding', 'not base64url');
			}
			try {
				const bytes = sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
				// Refuse non-canonical trailing bits, so one value has exactly one spelling.
				if (sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING) !== text) {
					throw new Error('non-canonical');
				}
				return bytes;
			} catch {
				throw new CryptoError('bad_encoding', 'not base64url');
			}
		},

		newKey() {
			return sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
		},

		encrypt(key, plaintext, context, extra) {
			const nonce = sodium.randombytes_buf(NONCE_BYTES);
			const ad = envelopeAssociatedData(header, context, extra);
			const sealed = aeadEncryptWithNonce(sodium, key, nonce, plaintext, ad);
			const out = new Uint8Array(ENVELOPE_HEADER_BYTES + NONCE_BYTES + sealed.length);
			out.set(header, 0);
			out.set(nonce, ENVELOPE_HEADER_BYTES);
			out.set(sealed, ENVELOPE_HEADER_BYTES + NONCE_BYTES);
			return out;
		},

		decrypt(key, envelope, context, extra) {
			const parsed = parseEnvelope(envelope);
			const ad = envelopeAssociatedData(parsed.header, context, extra);
			return aeadDecrypt(sodium, key, parsed.nonce, parsed.sealed, ad);
		},

		deriveKeyFromPassphrase(passphrase, salt, params) {
			if (typeof passphrase !== 'string' || passphrase.length === 0) {
				throw new CryptoError('bad_input', 'empty passphrase');
			}
			requireBytes(salt, ARGON2ID_SALT_BYTES, 'salt');
			checkArgon2idParams(params);
			// NFC: "ë" typed as one code point or as e + combining diaeresis is the same passphrase.
			const password = utf8.encode(passphrase.normalize('NFC'));
			try {
				return sodium.crypto_pwhash(
					KEY_BYTES,
					password,
					salt,
					params.opsLimit,
					params.memLimitKiB * 1024,
					sodium.crypto_pwhash_ALG_ARGON2ID13
				);
			} finally {
				sodium.memzero(password);
			}
		},

		pad(bytes, minBucket) {
			requireBytes(bytes, undefined, 'bytes');
			return sodium.pad(bytes, bucketFor(bytes.length, minBucket));
		},

		unpad(bytes) {
			requireBytes(bytes, undefined, 'bytes');
			if (!isBucketSize(bytes.length)) throw new CryptoError('bad_padding', 'not a bucket size');
			try {
				return sodium.unpad(bytes, Math.min(bytes.length, PAD_MAX_BUCKET));
			} catch {
				throw new CryptoError('bad_padding', 'malformed padding');
			}
		},

		boxKeyPair(seed) {
			const kp =
				seed === undefined
					? sodium.crypto_box_keypair()
					: sodium.crypto_box_seed_keypair(requireBytes(seed, 32, 'seed'));
			return { publicKey: kp.publicKey, secretKey: kp.privateKey };
		},

		boxPublicKey(secretKey) {
			return sodium.crypto_scalarmult_base(requireBytes(secretKey, 32, 'secret key'));
		},

		sealTo(recipientPublicKey, plaintext) {
			requireBytes(recipientPublicKey, 32, 'public key');
			requireBytes(plaintext, undefined, 'plaintext');
			return sodium.crypto_box_seal(plaintext, recipientPublicKey);
		},

		openSealed(box, recipient) {
			requireBytes(box, undefined, 'box');
			requireBytes(recipient.publicKey, 32, 'public key');
			requireBytes(recipient.secretKey, 32, 'secret key');
			if (box.length < sodium.crypto_box_SEALBYTES) throw new CryptoError('truncated', 'box');
			try {
				return sodium.crypto_box_seal_open(box, recipient.publicKey, recipient.secretKey);
			} catch {
				throw new CryptoError('invalid', 'sealed box did not open');
			}
		},

		signKeyPair(seed) {
			const kp =
				seed === undefined
					? sodium.crypto_sign_keypair()
					: sodium.crypto_sign_seed_keypair(requireBytes(seed, 32, 'seed'));
			return { publicKey: kp.publicKey, secretKey: kp.privateKey };
		},

		sign(message, secretKey) {
			requireBytes(message, undefined, 'message');
			return sodium.crypto_sign_detached(message, requireBytes(secretKey, 64, 'secret key'));
		},

		verify(signature, message, publicKey) {
			requireBytes(message, undefined, 'message');
			if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
			requireBytes(publicKey, 32, 'public key');
			try {
				return sodium.crypto_sign_verify_detached(signature, message, publicKey);
			} catch {
				return false;
			}
		},

		hash(data, length = 32, key) {
			requireBytes(data, undefined, 'data');
			if (!Number.isSafeInteger(length) || length < 16 || length > 64) {
				throw new CryptoError('bad_input', 'hash length must be 16..64');
			}
			if (key !== undefined && (key.length < 16 || key.length > 64)) {
				throw new CryptoError('bad_input', 'hash key must be 16..64 bytes');
			}
			return sodium.crypto_generichash(length, data, key ?? null);
		},

		deriveSubkey(masterKey, id, context, length) {
			requireBytes(masterKey, 32, 'master key');
			if (!Number.isSafeInteger(id) || id < 0) throw new CryptoError('bad_input', 'subkey id');
			if (!/^[\x20-\x7e]{8}$/.test(context)) {
				throw new CryptoError('bad_input', 'context must be 8 printable ASCII characters');
			}
			if (!Number.isSafeInteger(length) || length < 16 || length > 64) {
				throw new CryptoError('bad_input', 'subkey length must be 16..64');
			}
			return sodium.crypto_kdf_derive_from_key(length, id, context, masterKey);
		},

		deriveFromCode(code) {
			requireBytes(code, undefined, 'code');
			if (code.length === 0) throw new CryptoError('bad_input', 'empty code');
			const master = api.hash(code, 32, utf8.encode(CODE_HASH_KEY));
			const seed = api.deriveSubkey(master, CODE_KDF_ID_BOX_SEED, CODE_KDF_CONTEXT, 32);
			const lookupId = api.deriveSubkey(master, CODE_KDF_ID_LOOKUP, CODE_KDF_CONTEXT, 16);
			const boxKeyPair = api.boxKeyPair(seed);
			api.wipe(master, seed);
			return { boxKeyPair, lookupId };
		}
	};
	return Object.freeze(api);
}
