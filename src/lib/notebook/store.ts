/**
 * IndexedDB storage for the notebook, through `idb` (a small, well-kept promise wrapper).
 * Names are neutral on purpose: someone looking at the browser's storage sees a database
 * "ura-local" with stores "meta" and "items" holding opaque bytes, nothing about notes.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { NotebookError } from './errors';
import type { StoredRecord } from './vault';

export const DB_NAME = 'ura-local';
const DB_VERSION = 1;
const VAULT_KEY = 'vault';

interface LocalSchema extends DBSchema {
	meta: { key: string; value: Uint8Array };
	items: { key: string; value: StoredRecord };
}

let connection: Promise<IDBPDatabase<LocalSchema>> | undefined;
let onTakenAway: (() => void) | undefined;

/**
 * Called when another tab deletes the database (or upgrades it): the session locks, so that
 * this tab neither keeps keys in memory nor recreates the database with its next save.
 */
export function whenTakenAway(fn: () => void): void {
	onTakenAway = fn;
}

function db(): Promise<IDBPDatabase<LocalSchema>> {
	if (typeof indexedDB === 'undefined') {
		return Promise.reject(new NotebookError('storage_unavailable'));
	}
	connection ??= openDB<LocalSchema>(DB_NAME, DB_VERSION, {
		upgrade(database) {
			database.createObjectStore('meta');
			database.createObjectStore('items', { keyPath: 'id' });
		},
		// Another tab deletes everything (or upgrades): let go at once, so it is not blocked.
		blocking(_current, _blocked, event) {
			(event.target as IDBDatabase).close();
			connection = undefined;
			onTakenAway?.();
		},
		terminated() {
			connection = undefined;
		}
	}).catch((error: unknown) => {
		connection = undefined;
		throw new NotebookError('storage_unavailable', String(error));
	});
	return connection;
}

/**
 * Whether the database exists, without creating it: after "Delete everything" the fresh page
 * must not put an empty database back. Where the browser cannot tell, assume it may exist.
 */
async function mayExist(): Promise<boolean> {
	if (connection || typeof indexedDB === 'undefined' || !indexedDB.databases) return true;
	try {
		return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
	} catch {
		return true;
	}
}

export async function readVault(): Promise<Uint8Array | undefined> {
	if (!(await mayExist())) return undefined;
	return (await db()).get('meta', VAULT_KEY);
}

export async function listRecords(): Promise<StoredRecord[]> {
	return (await db()).getAll('items');
}

export async function putRecords(records: StoredRecord[]): Promise<void> {
	const tx = (await db()).transaction('items', 'readwrite');
	await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
}

export async function deleteRecord(id: string): Promise<void> {
	await (await db()).delete('items', id);
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
	return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Writes a whole new notebook (created, or restored from a backup) — only if there is none.
 * The check and the write are one transaction, so two tabs cannot both create: the second
 * gets NotebookError('exists') and nothing of the first is overwritten.
 */
export async function createIfAbsent(vault: Uint8Array, records: StoredRecord[]): Promise<void> {
	const tx = (await db()).transaction(['meta', 'items'], 'readwrite');
	const meta = tx.objectStore('meta');
	const items = tx.objectStore('items');
	if (await meta.get(VAULT_KEY)) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new NotebookError('exists');
	}
	await Promise.all([
		items.clear(),
		...records.map((r) => items.put(r)),
		meta.put(vault, VAULT_KEY),
		tx.done
	]);
}

/**
 * A passphrase change, all or nothing: reads every record, lets `reseal` re-encrypt them
 * (synchronously, inside the transaction), and writes them with the new vault header in the
 * same readwrite transaction. A crash or a closed tab leaves the old notebook or the new one,
 * never a mix. If the stored header is no longer `expected` (another tab changed it), nothing
 * is written and NotebookError('locked') is thrown.
 */
export async function rekey(
	expected: Uint8Array,
	vault: Uint8Array,
	reseal: (records: StoredRecord[]) => StoredRecord[]
): Promise<void> {
	const tx = (await db()).transaction(['meta', 'items'], 'readwrite');
	const meta = tx.objectStore('meta');
	const items = tx.objectStore('items');
	const [stored, records] = await Promise.all([meta.get(VAULT_KEY), items.getAll()]);
	if (!sameBytes(stored, expected)) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new NotebookError('locked');
	}
	let resealed: StoredRecord[];
	try {
		resealed = reseal(records);
	} catch (error) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw error;
	}
	await Promise.all([...resealed.map((r) => items.put(r)), meta.put(vault, VAULT_KEY), tx.done]);
}

/**
 * Deletes the database itself: keys, entries, everything. Resolves only when it is gone. If
 * another tab still holds it open, `onBlocked` is called (ask the person to close other Ura
 * tabs) and the deletion finishes when they let go.
 */
export async function wipeAll(onBlocked?: () => void): Promise<void> {
	if (typeof indexedDB === 'undefined') return;
	const open = connection;
	connection = undefined;
	if (open) (await open.catch(() => undefined))?.close();
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(new NotebookError('storage_unavailable'));
		request.onblocked = () => onBlocked?.();
	});
}
