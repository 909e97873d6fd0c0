/**
 * Responder accounts: key pairs made in the browser at signup, wrapped with a key derived
 * from the passphrase, stored on the server only wrapped. docs/crypto.md, "Responder
 * accounts", has the byte layout. Pure functions over the crypto API.
 *
 *   passphrase ──Argon2id(salt, t, m)──▶ KEK ──envelope──▶ X25519 secret ‖ Ed25519 secret
 */
import {
	ARGON2ID_CEILING,
	ARGON2ID_DEFAULT,
	ARGON2ID_FLOOR,
	ARGON2ID_SALT_BYTES,
	CryptoError,
	type Argon2idParams,
	type BoxKeyPair,
	type Crypto,
	type SignKeyPair
} from '$lib/crypto';
import { ACCOUNT_CONTEXT, ACCOUNT_VERSION, SIGNIN_CONTEXT } from './formats';

/** Key derivation id: Argon2id v1.3 through crypto_pwhash (as in the notebook's vault). */
export const ACCOUNT_KDF_ARGON2ID13 = 0x01;
/** version ‖ kdf ‖ opslimit (u32 BE) ‖ memlimit KiB (u32 BE) ‖ salt (16). */
export const ACCOUNT_PREFIX_BYTES = 26;
/** X25519 secret key (32) ‖ Ed25519 secret key (64, libsodium's seed ‖ public key). */
export const ACCOUNT_KEYS_BYTES = 96;
/** The whole blob: prefix, then an envelope (42 bytes of overhead) of the keys. */
export const ACCOUNT_BLOB_BYTES = ACCOUNT_PREFIX_BYTES + 42 + ACCOUNT_KEYS_BYTES;

const utf8 = new TextEncoder();

export type AccountKeys = { box: BoxKeyPair; sign: SignKeyPair };

/** Usernames are compared in this form (lower case, NFC), and bound into the wrapped keys. */
export function canonicalUsername(name: string): string {
	return name.normalize('NFC').trim().toLowerCase();
}

export function accountPrefix(params: Argon2idParams, salt: Uint8Array): Uint8Array {
	const prefix = new Uint8Array(ACCOUNT_PREFIX_BYTES);
	const view = new DataView(prefix.buffer);
	prefix[0] = ACCOUNT_VERSION;
	prefix[1] = ACCOUNT_KDF_ARGON2ID13;
	view.setUint32(2, params.opsLimit);
	view.setUint32(6, params.memLimitKiB);
	prefix.set(salt, 10);
	return prefix;
}

function associatedData(prefix: Uint8Array, username: string): Uint8Array {
	const name = utf8.encode(canonicalUsername(username));
	const out = new Uint8Array(prefix.length + name.length);
	out.set(prefix, 0);
	out.set(name, prefix.length);
	return out;
}

/** Fresh key pairs and the blob that wraps them (what signup sends). */
export function createAccount(
	c: Crypto,
	username: string,
	passphrase: string,
	params: Argon2idParams = ARGON2ID_DEFAULT
): { keys: AccountKeys; blob: Uint8Array } {
	const keys = { box: c.boxKeyPair(), sign: c.signKeyPair() };
	const salt = c.randomBytes(ARGON2ID_SALT_BYTES);
	const prefix = accountPrefix(params, salt);
	const kek = c.deriveKeyFromPassphrase(passphrase, salt, params);
	const secrets = new Uint8Array(ACCOUNT_KEYS_BYTES);
	secrets.set(keys.box.secretKey, 0);
	secrets.set(keys.sign.secretKey, 32);
	try {
		const wrapped = c.encrypt(kek, secrets, ACCOUNT_CONTEXT, associatedData(prefix, username));
		const blob = new Uint8Array(prefix.length + wrapped.length);
		blob.set(prefix, 0);
		blob.set(wrapped, prefix.length);
		return { keys, blob };
	} finally {
		c.wipe(kek, secrets);
	}
}

/**
 * The key pairs, or CryptoError('invalid') for a wrong passphrase — and for the decoy blob
 * the server sends for an unknown username, on purpose indistinguishable.
 */
export function unlockAccount(
	c: Crypto,
	username: string,
	passphrase: string,
	blob: Uint8Array
): AccountKeys {
	if (blob.length !== ACCOUNT_BLOB_BYTES) throw new CryptoError('truncated', 'account blob');
	if (blob[0] !== ACCOUNT_VERSION || blob[1] !== ACCOUNT_KDF_ARGON2ID13) {
		throw new CryptoError('unsupported_version', 'account blob');
	}
	const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
	const params = { opsLimit: view.getUint32(2), memLimitKiB: view.getUint32(6) };
	if (
		params.opsLimit < ARGON2ID_FLOOR.opsLimit ||
		params.opsLimit > ARGON2ID_CEILING.opsLimit ||
		params.memLimitKiB < ARGON2ID_FLOOR.memLimitKiB ||
		params.memLimitKiB > ARGON2ID_CEILING.memLimitKiB
	) {
		throw new CryptoError('bad_input', 'account parameters');
	}
	const prefix = blob.slice(0, ACCOUNT_PREFIX_BYTES);
	const kek = c.deriveKeyFromPassphrase(passphrase, prefix.slice(10), params);
	try {
		const secrets = c.decrypt(
			kek,
			blob.slice(ACCOUNT_PREFIX_BYTES),
			ACCOUNT_CONTEXT,
			associatedData(prefix, username)
		);
		const boxSecret = secrets.slice(0, 32);
		const signSecret = secrets.slice(32);
		c.wipe(secrets);
		return {
			box: { secretKey: boxSecret, publicKey: c.boxPublicKey(boxSecret) },
			sign: { secretKey: signSecret, publicKey: signSecret.slice(32) }
		};
	} finally {
		c.wipe(kek);
	}
}

/** The bytes signed at sign-in: a purpose label, then the server's one-time challenge. */
export function signInMessage(challenge: Uint8Array): Uint8Array {
	const label = utf8.encode(SIGNIN_CONTEXT);
	const out = new Uint8Array(label.length + challenge.length);
	out.set(label, 0);
	out.set(challenge, label.length);
	return out;
}

/** The organisation's secret key sealed to a member (an "org key grant"). */
export function grantOrgKey(c: Crypto, orgSecretKey: Uint8Array, memberBoxPublicKey: Uint8Array) {
	return c.sealTo(memberBoxPublicKey, orgSecretKey);
}

/**
 * The organisation's key pair from a grant; refuses a grant whose key does not match the
 * organisation's published public key (a server cannot slip in a key of its own).
 */
export function openOrgGrant(
	c: Crypto,
	grant: Uint8Array,
	member: BoxKeyPair,
	orgPublicKey: Uint8Array
): BoxKeyPair {
	const secretKey = c.openSealed(grant, member);
	if (secretKey.length !== 32) throw new CryptoError('invalid', 'grant size');
	const publicKey = c.boxPublicKey(secretKey);
	if (!c.equal(publicKey, orgPublicKey)) throw new CryptoError('invalid', 'grant does not match');
	return { publicKey, secretKey };
}
