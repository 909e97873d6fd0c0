/**
 * The notebook's key hierarchy and file formats, as pure functions over bytes (no storage,
 * no UI), so that they are tested without a browser. docs/crypto.md, "Notebook", has the
 * byte layout; docs.spec.ts checks that the document and these constants agree.
 *
 *   passphrase ──Argon2id(salt, params)──▶ KEK ──wraps──▶ data key ──encrypts──▶ entries
 *
 * Changing the passphrase re-keys: a new random data key, every record re-encrypted under it
 * (resealRecords), so an old header or backup and the old passphrase open nothing current.
 */
import { z } from 'zod';
import {
	ARGON2ID_CEILING,
	ARGON2ID_DEFAULT,
	ARGON2ID_FLOOR,
	ARGON2ID_SALT_BYTES,
	CryptoError,
	KEY_BYTES,
	type Argon2idParams,
	type Crypto
} from '$lib/crypto';
import { EntrySchema, type Entry } from './entries';
import { NotebookError } from './errors';
import { checkNewPassphrase } from './passphrase';

/** Vault header format version (byte 0). */
export const VAULT_VERSION = 0x01;
/** Key-derivation id (byte 1): Argon2id v1.3 through libsodium's crypto_pwhash. */
export const KDF_ARGON2ID13 = 0x01;
/** version ‖ kdf ‖ opslimit (u32 BE) ‖ memlimit KiB (u32 BE) ‖ salt (16). */
export const VAULT_PARAMS_BYTES = 1 + 1 + 4 + 4 + ARGON2ID_SALT_BYTES;

/** Envelope contexts (purpose labels bound into the associated data). */
export const CONTEXT_DATA_KEY = 'ura/notebook/key';
export const CONTEXT_ENTRY = 'ura/notebook/entry';
export const CONTEXT_BACKUP = 'ura/notebook/backup';

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export type VaultHeader = {
	params: Argon2idParams;
	salt: Uint8Array;
	/** Bytes 0..25, authenticated as associated data of the wrapped key. */
	prefix: Uint8Array;
	wrappedKey: Uint8Array;
};

export function parseVault(bytes: Uint8Array): VaultHeader {
	if (!(bytes instanceof Uint8Array) || bytes.length < VAULT_PARAMS_BYTES) {
		throw new NotebookError('corrupt', 'vault header too short');
	}
	if (bytes[0] !== VAULT_VERSION || bytes[1] !== KDF_ARGON2ID13) {
		throw new NotebookError('corrupt', 'unknown vault version or key derivation');
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const params = { opsLimit: view.getUint32(2), memLimitKiB: view.getUint32(6) };
	if (
		params.opsLimit < ARGON2ID_FLOOR.opsLimit ||
		params.opsLimit > ARGON2ID_CEILING.opsLimit ||
		params.memLimitKiB < ARGON2ID_FLOOR.memLimitKiB ||
		params.memLimitKiB > ARGON2ID_CEILING.memLimitKiB
	) {
		throw new NotebookError('corrupt', 'Argon2id parameters out of range');
	}
	return {
		params,
		salt: bytes.slice(10, VAULT_PARAMS_BYTES),
		prefix: bytes.slice(0, VAULT_PARAMS_BYTES),
		wrappedKey: bytes.slice(VAULT_PARAMS_BYTES)
	};
}

function vaultPrefix(params: Argon2idParams, salt: Uint8Array): Uint8Array {
	const prefix = new Uint8Array(VAULT_PARAMS_BYTES);
	const view = new DataView(prefix.buffer);
	prefix[0] = VAULT_VERSION;
	prefix[1] = KDF_ARGON2ID13;
	view.setUint32(2, params.opsLimit);
	view.setUint32(6, params.memLimitKiB);
	prefix.set(salt, 10);
	return prefix;
}

/** A vault header that wraps `dataKey` under a key derived from `passphrase`. */
export function wrapDataKey(
	c: Crypto,
	dataKey: Uint8Array,
	passphrase: string,
	params: Argon2idParams = ARGON2ID_DEFAULT
): Uint8Array {
	checkNewPassphrase(passphrase);
	const salt = c.randomBytes(ARGON2ID_SALT_BYTES);
	const prefix = vaultPrefix(params, salt);
	const kek = c.deriveKeyFromPassphrase(passphrase, salt, params);
	try {
		const wrapped = c.encrypt(kek, dataKey, CONTEXT_DATA_KEY, prefix);
		const out = new Uint8Array(prefix.length + wrapped.length);
		out.set(prefix, 0);
		out.set(wrapped, prefix.length);
		return out;
	} finally {
		c.wipe(kek);
	}
}

/** A new notebook: a random data key and its vault header. */
export function createVault(
	c: Crypto,
	passphrase: string,
	params: Argon2idParams = ARGON2ID_DEFAULT
): { vault: Uint8Array; dataKey: Uint8Array } {
	const dataKey = c.newKey();
	return { vault: wrapDataKey(c, dataKey, passphrase, params), dataKey };
}

/** The data key, or NotebookError('wrong_passphrase'). The only failure a person sees. */
export function unlockVault(c: Crypto, vault: Uint8Array, passphrase: string): Uint8Array {
	const header = parseVault(vault);
	const kek = c.deriveKeyFromPassphrase(passphrase, header.salt, header.params);
	try {
		const dataKey = c.decrypt(kek, header.wrappedKey, CONTEXT_DATA_KEY, header.prefix);
		if (dataKey.length !== KEY_BYTES) {
			c.wipe(dataKey);
			throw new NotebookError('corrupt', 'data key size');
		}
		return dataKey;
	} catch (error) {
		if (error instanceof CryptoError) throw new NotebookError('wrong_passphrase');
		throw error;
	} finally {
		c.wipe(kek);
	}
}

/** A stored record: an opaque id and one envelope. This is all IndexedDB ever holds. */
export type StoredRecord = { id: string; data: Uint8Array };

export function newEntryId(c: Crypto): string {
	return c.toBase64Url(c.randomBytes(16));
}

export function sealEntry(c: Crypto, dataKey: Uint8Array, entry: Entry): StoredRecord {
	const plain = c.pad(utf8.encode(JSON.stringify(EntrySchema.parse(entry))));
	try {
		return { id: entry.id, data: c.encrypt(dataKey, plain, CONTEXT_ENTRY, utf8.encode(entry.id)) };
	} finally {
		c.wipe(plain);
	}
}

/** Decrypts and validates one record; its id is authenticated, so records cannot be swapped. */
export function openEntry(c: Crypto, dataKey: Uint8Array, record: StoredRecord): Entry {
	const plain = c.decrypt(dataKey, record.data, CONTEXT_ENTRY, utf8.encode(record.id));
	try {
		const entry = EntrySchema.parse(JSON.parse(utf8Decoder.decode(c.unpad(plain))));
		if (entry.id !== record.id) throw new NotebookError('corrupt', 'id mismatch');
		return entry;
	} catch (error) {
		if (error instanceof NotebookError) throw error;
		throw new NotebookError('corrupt', 'entry does not parse');
	} finally {
		c.wipe(plain);
	}
}

/**
 * A passphrase change re-keys (the caller makes the new key and header with createVault first,
 * then calls this inside the storage transaction): every record that opens under `oldKey` is
 * re-encrypted under `newKey` (same id, same entry). Records that do not open under the old
 * key (damaged) are returned untouched: no key reads them.
 */
export function resealRecords(
	c: Crypto,
	oldKey: Uint8Array,
	newKey: Uint8Array,
	records: StoredRecord[]
): StoredRecord[] {
	return records.map((record) => {
		let entry: Entry;
		try {
			entry = openEntry(c, oldKey, record);
		} catch {
			return record;
		}
		return sealEntry(c, newKey, entry);
	});
}

/** Backup file: JSON text, so that it survives e-mail and messengers. Only ciphertext inside. */
export const BACKUP_FORMAT = 'ura-backup';
export const BACKUP_VERSION = 1;
/** Largest backup file read, in bytes: thousands of notes fit; a bigger file is refused unread. */
export const BACKUP_MAX_BYTES = 20 * 1024 * 1024;
/**
 * A backup file comes from anywhere, so its Argon2id cost is capped before any work is done:
 * a file asking for t = 16, m = 1 GiB could freeze or crash the tab. Ura writes t = 2, m = 64 MiB.
 */
export const BACKUP_ARGON2ID_CEILING: Argon2idParams = { opsLimit: 8, memLimitKiB: 256 * 1024 };

const BackupFileSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	vault: z.string().regex(/^[A-Za-z0-9_-]+$/),
	data: z.string().regex(/^[A-Za-z0-9_-]+$/)
});

const BackupPayloadSchema = z.object({ v: z.literal(1), entries: z.array(EntrySchema) });

export function makeBackup(
	c: Crypto,
	vault: Uint8Array,
	dataKey: Uint8Array,
	entries: Entry[]
): string {
	const plain = c.pad(utf8.encode(JSON.stringify({ v: 1, entries })));
	try {
		const data = c.encrypt(dataKey, plain, CONTEXT_BACKUP, vault);
		return JSON.stringify({
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			vault: c.toBase64Url(vault),
			data: c.toBase64Url(data)
		});
	} finally {
		c.wipe(plain);
	}
}

/** Checks a backup file's shape (no passphrase needed yet). */
export function readBackup(c: Crypto, text: string): { vault: Uint8Array; data: Uint8Array } {
	if (text.length > BACKUP_MAX_BYTES) throw new NotebookError('backup_too_large');
	try {
		const file = BackupFileSchema.parse(JSON.parse(text));
		const vault = c.fromBase64Url(file.vault);
		const { params } = parseVault(vault);
		if (
			params.opsLimit > BACKUP_ARGON2ID_CEILING.opsLimit ||
			params.memLimitKiB > BACKUP_ARGON2ID_CEILING.memLimitKiB
		) {
			throw new NotebookError('backup_invalid', 'Argon2id cost above the import ceiling');
		}
		return { vault, data: c.fromBase64Url(file.data) };
	} catch {
		throw new NotebookError('backup_invalid');
	}
}

/** Opens a backup with its passphrase: the data key of the backup and every entry. */
export function openBackup(
	c: Crypto,
	backup: { vault: Uint8Array; data: Uint8Array },
	passphrase: string
): { dataKey: Uint8Array; entries: Entry[] } {
	const dataKey = unlockVault(c, backup.vault, passphrase);
	let plain: Uint8Array | undefined;
	try {
		plain = c.decrypt(dataKey, backup.data, CONTEXT_BACKUP, backup.vault);
		const payload = BackupPayloadSchema.parse(JSON.parse(utf8Decoder.decode(c.unpad(plain))));
		return { dataKey, entries: payload.entries };
	} catch {
		c.wipe(dataKey);
		throw new NotebookError('backup_invalid');
	} finally {
		if (plain) c.wipe(plain);
	}
}
