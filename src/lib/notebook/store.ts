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

export async function readVault(): Promise<Uint8Array | undefined> {
	return (await db()).get('meta', VAULT_KEY);
}

export async function writeVault(vault: Uint8Array): Promise<void> {
	await (await db()).put('meta', vault, VAULT_KEY);
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

/** Writes a whole notebook at once (a new one, or one restored from a backup). */
export async function replaceAll(vault: Uint8Array, records: StoredRecord[]): Promise<void> {
	const tx = (await db()).transaction(['meta', 'items'], 'readwrite');
	const items = tx.objectStore('items');
	await Promise.all([
		items.clear(),
		...records.map((r) => items.put(r)),
		tx.objectStore('meta').put(vault, VAULT_KEY),
		tx.done
	]);
}

/** Deletes the database itself: keys, entries, everything. */
export async function wipeAll(): Promise<void> {
	if (typeof indexedDB === 'undefined') return;
	const open = connection;
	connection = undefined;
	if (open) (await open.catch(() => undefined))?.close();
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(new NotebookError('storage_unavailable'));
		// Another tab still has it open: the deletion completes when that tab lets go.
		request.onblocked = () => resolve();
	});
}
