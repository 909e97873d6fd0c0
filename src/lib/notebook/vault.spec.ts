import { beforeAll, describe, expect, it } from 'vitest';
import { ARGON2ID_FLOOR, loadCrypto, type Crypto } from '$lib/crypto';
import type { Entry } from './entries';
import { NotebookError } from './errors';
import {
	createVault,
	makeBackup,
	newEntryId,
	openBackup,
	BACKUP_MAX_BYTES,
	openEntry,
	parseVault,
	readBackup,
	resealRecords,
	sealEntry,
	unlockVault,
	VAULT_PARAMS_BYTES,
	wrapDataKey
} from './vault';

// The floor parameters keep these tests quick; the format records whatever was used.
const FAST = ARGON2ID_FLOOR;
let c: Crypto;
beforeAll(async () => {
	c = await loadCrypto();
});

function code(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		if (error instanceof NotebookError) return error.code;
		throw error;
	}
	throw new Error('expected a NotebookError');
}

const now = '2026-11-23T10:00:00.000Z';
function textEntry(body: string): Entry {
	return { id: newEntryId(c), kind: 'text', title: 'Takimi', body, createdAt: now, updatedAt: now };
}

describe('vault header', () => {
	it('records version, Argon2id parameters and salt in the clear, and wraps a 32-byte key', () => {
		const { vault, dataKey } = createVault(c, 'lule mal kafe diell', FAST);
		expect(vault[0]).toBe(1);
		expect(vault[1]).toBe(1);
		const header = parseVault(vault);
		expect(header.params).toEqual(FAST);
		expect(header.salt.length).toBe(16);
		// Wrapped key: a 2+24-byte envelope header, 32 bytes of key, 16 of tag.
		expect(vault.length).toBe(VAULT_PARAMS_BYTES + 26 + 32 + 16);
		expect(unlockVault(c, vault, 'lule mal kafe diell')).toEqual(dataKey);
	});

	it('gives one clear error for a wrong passphrase, and nothing else', () => {
		const { vault } = createVault(c, 'lule mal kafe diell', FAST);
		expect(code(() => unlockVault(c, vault, 'lule mal kafe dielli'))).toBe('wrong_passphrase');
		expect(code(() => unlockVault(c, vault, 'Lule mal kafe diell'))).toBe('wrong_passphrase');
	});

	it('refuses a short passphrase when creating', () => {
		expect(code(() => createVault(c, 'shkurt', FAST))).toBe('passphrase_too_short');
	});

	it('binds the parameters: a header whose cost or salt was edited does not open', () => {
		const { vault } = createVault(c, 'lule mal kafe diell', FAST);
		const cheaper = vault.slice();
		cheaper[5] = 3; // opslimit 2 → 3 (an attacker could also try to lower it)
		expect(code(() => unlockVault(c, cheaper, 'lule mal kafe diell'))).toBe('wrong_passphrase');
		const belowFloor = vault.slice();
		belowFloor[5] = 1;
		expect(code(() => unlockVault(c, belowFloor, 'lule mal kafe diell'))).toBe('corrupt');
		const otherVersion = vault.slice();
		otherVersion[0] = 2;
		expect(code(() => parseVault(otherVersion))).toBe('corrupt');
	});

	it('wraps a given data key under another passphrase (the building block of a header)', () => {
		const { vault, dataKey } = createVault(c, 'fjalëkalimi i vjetër', FAST);
		const record = sealEntry(c, dataKey, textEntry('mbetet i njëjtë'));
		const rewrapped = wrapDataKey(
			c,
			unlockVault(c, vault, 'fjalëkalimi i vjetër'),
			'i ri dhe i gjatë',
			FAST
		);
		expect(code(() => unlockVault(c, rewrapped, 'fjalëkalimi i vjetër'))).toBe('wrong_passphrase');
		const again = unlockVault(c, rewrapped, 'i ri dhe i gjatë');
		expect(again).toEqual(dataKey);
		// The entry, untouched, still opens.
		expect(openEntry(c, again, record).kind).toBe('text');
	});
});

describe('re-keying (passphrase change)', () => {
	it('re-encrypts every record under the new key; the old key opens none of them', () => {
		const old = createVault(c, 'fjalëkalimi i vjetër', FAST);
		const entries = [textEntry('një'), textEntry('dy')];
		const records = entries.map((e) => sealEntry(c, old.dataKey, e));
		const damaged = { id: newEntryId(c), data: c.randomBytes(298) };
		const fresh = createVault(c, 'i ri dhe i gjatë', FAST);
		const resealed = resealRecords(c, old.dataKey, fresh.dataKey, [...records, damaged]);
		expect(resealed.map((r) => r.id)).toEqual([...records.map((r) => r.id), damaged.id]);
		for (const [i, record] of resealed.slice(0, 2).entries()) {
			expect(openEntry(c, fresh.dataKey, record)).toEqual(entries[i]);
			expect(() => openEntry(c, old.dataKey, record)).toThrow();
		}
		// A record nothing could read stays as it was (it is not silently dropped).
		expect(resealed[2]).toBe(damaged);
		// The old header with the old passphrase gives the old key, which opens nothing new.
		const fromOldHeader = unlockVault(c, old.vault, 'fjalëkalimi i vjetër');
		for (const record of resealed.slice(0, 2))
			expect(() => openEntry(c, fromOldHeader, record)).toThrow();
	});
});

describe('entries', () => {
	it('stores an entry as an opaque id and one padded envelope', () => {
		const { dataKey } = createVault(c, 'lule mal kafe diell', FAST);
		const entry = textEntry('Adresa: rruga e Kavajës');
		const record = sealEntry(c, dataKey, entry);
		expect(Object.keys(record).sort()).toEqual(['data', 'id']);
		expect(record.id).toBe(entry.id);
		// 256-byte bucket + 42 bytes of envelope: the length says nothing about the note.
		expect(record.data.length).toBe(256 + 42);
		expect(new TextDecoder().decode(record.data)).not.toContain('Kavaj');
		expect(openEntry(c, dataKey, record)).toEqual(entry);
	});

	it('refuses a record moved to another id, or changed in any way', () => {
		const { dataKey } = createVault(c, 'lule mal kafe diell', FAST);
		const a = sealEntry(c, dataKey, textEntry('a'));
		const b = sealEntry(c, dataKey, textEntry('b'));
		expect(() => openEntry(c, dataKey, { id: b.id, data: a.data })).toThrow(/invalid/);
		const changed = a.data.slice();
		changed[40]! ^= 4;
		expect(() => openEntry(c, dataKey, { id: a.id, data: changed })).toThrow(/invalid/);
	});
});

describe('backup file', () => {
	it('exports only ciphertext, and opens with the passphrase on another device', () => {
		const { vault, dataKey } = createVault(c, 'lule mal kafe diell', FAST);
		const entries = [textEntry('numri i dosjes 42'), textEntry('takimi i radhës')];
		const text = makeBackup(c, vault, dataKey, entries);
		expect(text).not.toContain('dosjes');
		expect(JSON.parse(text)).toMatchObject({ format: 'ura-backup', version: 1 });
		const opened = openBackup(c, readBackup(c, text), 'lule mal kafe diell');
		expect(opened.entries).toEqual(entries);
		expect(opened.dataKey).toEqual(dataKey);
	});

	it('refuses a wrong passphrase, another file, and a tampered backup', () => {
		const { vault, dataKey } = createVault(c, 'lule mal kafe diell', FAST);
		const text = makeBackup(c, vault, dataKey, [textEntry('x')]);
		expect(code(() => openBackup(c, readBackup(c, text), 'tjetër fjalëkalim'))).toBe(
			'wrong_passphrase'
		);
		expect(code(() => readBackup(c, '{"hello":1}'))).toBe('backup_invalid');
		expect(code(() => readBackup(c, 'not json'))).toBe('backup_invalid');
		const file = JSON.parse(text) as { data: string };
		const data = c.fromBase64Url(file.data);
		data[30]! ^= 1;
		const tampered = JSON.stringify({ ...file, data: c.toBase64Url(data) });
		expect(code(() => openBackup(c, readBackup(c, tampered), 'lule mal kafe diell'))).toBe(
			'backup_invalid'
		);
	});
});

describe('untrusted backup files', () => {
	function withParams(text: string, opsLimit: number, memLimitKiB: number): string {
		const file = JSON.parse(text) as { vault: string };
		const vault = c.fromBase64Url(file.vault);
		const view = new DataView(vault.buffer, vault.byteOffset);
		view.setUint32(2, opsLimit);
		view.setUint32(6, memLimitKiB);
		return JSON.stringify({ ...file, vault: c.toBase64Url(vault) });
	}

	it('refuses an Argon2id cost above t = 8 or m = 256 MiB before doing any work', () => {
		const { vault, dataKey } = createVault(c, 'lule mal kafe diell', FAST);
		const text = makeBackup(c, vault, dataKey, [textEntry('x')]);
		// Within the stored-notebook ceiling (t ≤ 16, m ≤ 1 GiB), but not for a file from outside;
		// running these would take seconds and up to 1 GiB of memory.
		expect(code(() => readBackup(c, withParams(text, 9, 65536)))).toBe('backup_invalid');
		expect(code(() => readBackup(c, withParams(text, 2, 256 * 1024 + 1)))).toBe('backup_invalid');
		expect(code(() => readBackup(c, withParams(text, 16, 1024 * 1024)))).toBe('backup_invalid');
		expect(() => readBackup(c, withParams(text, 8, 256 * 1024))).not.toThrow();
	});

	it('refuses a file over 20 MiB with its own message, without parsing it', () => {
		expect(BACKUP_MAX_BYTES).toBe(20 * 1024 * 1024);
		expect(code(() => readBackup(c, ' '.repeat(BACKUP_MAX_BYTES + 1)))).toBe('backup_too_large');
	});

	it('refuses a header whose wrapped key is not 32 bytes', () => {
		const { vault } = createVault(c, 'lule mal kafe diell', FAST);
		const header = parseVault(vault);
		const kek = c.deriveKeyFromPassphrase('lule mal kafe diell', header.salt, header.params);
		const wrong = c.encrypt(kek, c.randomBytes(31), 'ura/notebook/key', header.prefix);
		const forged = new Uint8Array(VAULT_PARAMS_BYTES + wrong.length);
		forged.set(header.prefix);
		forged.set(wrong, VAULT_PARAMS_BYTES);
		expect(code(() => unlockVault(c, forged, 'lule mal kafe diell'))).toBe('corrupt');
	});
});
