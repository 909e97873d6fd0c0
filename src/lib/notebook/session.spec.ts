/**
 * The session's own rules, with real libsodium and an in-memory storage that keeps the same
 * contract as store.ts (IndexedDB behaviour itself is covered in Chromium by
 * tests/e2e/notes.spec.ts). Storage calls can be held open, so that a lock can happen in the
 * middle of an operation, as it can in a browser (auto-lock, another tab, quick exit).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCrypto, type Crypto } from '$lib/crypto';
import type { Entry } from './entries';
import { NotebookError } from './errors';
import { createNotebook, type NotebookStore } from './session.svelte';
import { createVault, makeBackup, openEntry, unlockVault, type StoredRecord } from './vault';

let c: Crypto;
beforeAll(async () => {
	c = await loadCrypto();
});

const PASS = 'lule mal kafe diell';
const titleOf = (entry: Entry) => ('title' in entry ? entry.title : '');

/** IndexedDB's contract in memory; `hold(name)` makes the next call to `name` wait. */
function memoryStore() {
	let vault: Uint8Array | undefined;
	const items = new Map<string, StoredRecord>();
	const held = new Map<string, { gate: Promise<void>; arrived: () => void }>();
	const wait = async (name: string) => {
		const hold = held.get(name);
		held.delete(name);
		if (!hold) return;
		hold.arrived();
		await hold.gate;
	};
	const store: NotebookStore = {
		async readVault() {
			await wait('readVault');
			return vault;
		},
		async listRecords() {
			await wait('listRecords');
			return [...items.values()];
		},
		async putRecords(records) {
			await wait('putRecords');
			for (const r of records) items.set(r.id, r);
		},
		async deleteRecord(id) {
			await wait('deleteRecord');
			items.delete(id);
		},
		async createIfAbsent(v, records) {
			await wait('createIfAbsent');
			if (vault) throw new NotebookError('exists');
			items.clear();
			for (const r of records) items.set(r.id, r);
			vault = v;
		},
		async rekey(expected, v, reseal) {
			await wait('rekey');
			if (!vault || c.toBase64Url(vault) !== c.toBase64Url(expected)) {
				throw new NotebookError('locked');
			}
			const resealed = reseal([...items.values()]);
			for (const r of resealed) items.set(r.id, r);
			vault = v;
		},
		async wipeAll() {
			await wait('wipeAll');
			vault = undefined;
			items.clear();
		}
	};
	return {
		store,
		items,
		vault: () => vault,
		/**
		 * The next call to `name` waits until `release()`; `reached` resolves when an operation
		 * has got that far (so a test never guesses with timers).
		 */
		hold(name: string): { release: () => void; reached: Promise<void> } {
			let release!: () => void;
			let arrived!: () => void;
			const reached = new Promise<void>((r) => (arrived = r));
			held.set(name, { gate: new Promise<void>((r) => (release = r)), arrived });
			return { release, reached };
		}
	};
}

async function code(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof NotebookError) return error.code;
		throw error;
	}
	throw new Error('expected a NotebookError');
}

describe('passphrase change', () => {
	it('re-keys: the old header with the old passphrase opens none of the current records', async () => {
		const mem = memoryStore();
		const notebook = createNotebook({ store: mem.store });
		await notebook.create(PASS);
		await notebook.addAll([
			{ kind: 'text', title: 'Takimi', body: 'e enjte në 10' },
			{ kind: 'checklist', title: 'Dokumentet', items: [{ text: 'Pasaporta', done: false }] }
		]);
		const oldVault = mem.vault()!.slice();
		const oldKey = unlockVault(c, oldVault, PASS);
		const before = [...mem.items.values()];
		expect(before.map((r) => titleOf(openEntry(c, oldKey, r))).sort()).toEqual([
			'Dokumentet',
			'Takimi'
		]);

		await notebook.changePassphrase(PASS, 'yll i ri mbi det');

		const after = [...mem.items.values()];
		expect(after).toHaveLength(2);
		// A copy of the old header (an old backup, a seized profile) + the old passphrase:
		for (const record of after) expect(() => openEntry(c, oldKey, record)).toThrow();
		// The new header + the new passphrase open every record, with the same content.
		const newKey = unlockVault(c, mem.vault()!, 'yll i ri mbi det');
		expect(newKey).not.toEqual(oldKey);
		expect(after.map((r) => openEntry(c, newKey, r))).toEqual(
			expect.arrayContaining(notebook.entries)
		);
		expect(await code(Promise.resolve().then(() => unlockVault(c, mem.vault()!, PASS)))).toBe(
			'wrong_passphrase'
		);
		// And the notebook stays usable with the new key.
		await notebook.save({ kind: 'text', title: 'Pas ndryshimit', body: '' });
		const added = [...mem.items.values()].find(
			(r) => !before.some((b) => b.id === r.id) && !after.some((a) => a.id === r.id)
		)!;
		expect(titleOf(openEntry(c, newKey, added))).toBe('Pas ndryshimit');
	});

	it('changes nothing when the current passphrase is wrong', async () => {
		const mem = memoryStore();
		const notebook = createNotebook({ store: mem.store });
		await notebook.create(PASS);
		await notebook.save({ kind: 'text', title: 'A', body: 'B' });
		const vault = mem.vault()!.slice();
		const records = [...mem.items.values()];
		expect(await code(notebook.changePassphrase('jo ky fjalëkalim', 'yll i ri mbi det'))).toBe(
			'wrong_passphrase'
		);
		expect(mem.vault()).toEqual(vault);
		expect([...mem.items.values()]).toEqual(records);
	});
});

describe('a lock in the middle of an operation wins (L2)', () => {
	it('saving: an entry written while the notebook locked does not come back into memory', async () => {
		const mem = memoryStore();
		const notebook = createNotebook({ store: mem.store });
		await notebook.create(PASS);
		const { release, reached } = mem.hold('putRecords');
		const saving = notebook.save({ kind: 'text', title: 'Sekret', body: 'PLAINTEXT' });
		await reached;
		notebook.lock('auto');
		release();
		expect(await code(saving)).toBe('locked');
		expect(notebook.status).toBe('locked');
		expect(notebook.entries).toEqual([]);
	});

	it('unlocking: a lock while the records are read leaves the notebook locked', async () => {
		const mem = memoryStore();
		const notebook = createNotebook({ store: mem.store });
		await notebook.create(PASS);
		await notebook.save({ kind: 'text', title: 'Sekret', body: 'PLAINTEXT' });
		notebook.lock('person');
		const { release, reached } = mem.hold('listRecords');
		const unlocking = notebook.unlock(PASS);
		await reached;
		notebook.lock('person');
		release();
		expect(await code(unlocking)).toBe('locked');
		expect(notebook.status).toBe('locked');
		expect(notebook.entries).toEqual([]);
	});

	it('creating and restoring: a lock before the write finishes is not undone', async () => {
		const mem = memoryStore();
		const notebook = createNotebook({ store: mem.store });
		const held = mem.hold('createIfAbsent');
		const creating = notebook.create(PASS);
		await held.reached;
		notebook.lock('auto');
		held.release();
		expect(await code(creating)).toBe('locked');
		expect(notebook.status).not.toBe('unlocked');

		const source = createVault(c, PASS);
		const entry: Entry = {
			id: c.toBase64Url(c.randomBytes(16)),
			kind: 'text',
			title: 'Nga kopja',
			body: 'PLAINTEXT',
			createdAt: '2026-11-23T10:00:00.000Z',
			updatedAt: '2026-11-23T10:00:00.000Z'
		};
		const backup = makeBackup(c, source.vault, source.dataKey, [entry]);
		const fresh = memoryStore();
		const other = createNotebook({ store: fresh.store });
		const restoreHeld = fresh.hold('createIfAbsent');
		const restoring = other.importBackup(backup, PASS);
		await restoreHeld.reached;
		other.lock('auto');
		restoreHeld.release();
		expect(await code(restoring)).toBe('locked');
		expect(other.status).not.toBe('unlocked');
		expect(other.entries).toEqual([]);
	});

	it('changing the passphrase: a lock during the write keeps nothing in memory', async () => {
		const mem = memoryStore();
		const notebook = createNotebook({ store: mem.store });
		await notebook.create(PASS);
		await notebook.save({ kind: 'text', title: 'A', body: 'PLAINTEXT' });
		const { release, reached } = mem.hold('rekey');
		const changing = notebook.changePassphrase(PASS, 'yll i ri mbi det');
		await reached;
		notebook.lock('auto');
		release();
		expect(await code(changing)).toBe('locked');
		expect(notebook.status).toBe('locked');
		expect(notebook.entries).toEqual([]);
	});
});

describe('creating', () => {
	it('never overwrites a notebook that appeared meanwhile (another tab)', async () => {
		const mem = memoryStore();
		const first = createNotebook({ store: mem.store });
		const second = createNotebook({ store: mem.store });
		const { release, reached } = mem.hold('createIfAbsent');
		const a = first.create(PASS);
		await reached;
		await second.create('tjetër fjalëkalim i gjatë');
		const winner = mem.vault()!.slice();
		release();
		expect(await code(a)).toBe('exists');
		expect(mem.vault()).toEqual(winner);
		expect(first.status).not.toBe('unlocked');
	});
});
