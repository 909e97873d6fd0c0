/**
 * The notebook on this device, as reactive state for the UI and an API for other features.
 * The data key and the decrypted entries live only in memory, only while unlocked; locking
 * wipes the key and drops the entries. Nothing decrypted is ever written anywhere.
 */
import { browser } from '$app/environment';
import { loadCrypto } from '$lib/crypto';
import { onQuickExit } from '$lib/ui/quick-exit';
import { startAutoLock } from './autolock';
import type { Entry, EntryContent } from './entries';
import { NotebookError } from './errors';
import { revokeShare } from './share';
import * as store from './store';
import {
	createVault,
	makeBackup,
	newEntryId,
	openBackup,
	openEntry,
	readBackup,
	sealEntry,
	unlockVault,
	wrapDataKey
} from './vault';

export type NotebookStatus = 'unknown' | 'absent' | 'locked' | 'unlocked';

function newestFirst(a: Entry, b: Entry): number {
	return b.updatedAt.localeCompare(a.updatedAt);
}

/**
 * Asks the browser to keep the notebook when storage runs low. Only called when a notebook
 * is created (or restored), after the page has explained why. Chromium decides silently.
 */
async function requestPersistence(): Promise<boolean> {
	try {
		if (await navigator.storage?.persisted?.()) return true;
		return (await navigator.storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}

class Notebook {
	status = $state<NotebookStatus>('unknown');
	/** Decrypted entries, newest first; empty unless unlocked. */
	entries = $state.raw<Entry[]>([]);
	/** Records that did not decrypt or parse when unlocking (shown as a warning). */
	damaged = $state(0);
	/** Why the notebook last locked, for a polite notice. */
	lockedBy = $state<'person' | 'auto' | undefined>(undefined);

	#dataKey: Uint8Array | undefined;
	#vault: Uint8Array | undefined;
	#stopAutoLock: (() => void) | undefined;

	constructor() {
		if (browser) onQuickExit(() => this.lock());
	}

	/** Reads whether a notebook exists on this device (no passphrase needed). */
	async refresh(): Promise<NotebookStatus> {
		if (this.status === 'unlocked') return this.status;
		try {
			this.status = (await store.readVault()) ? 'locked' : 'absent';
		} catch (error) {
			this.status = 'absent';
			throw error;
		}
		return this.status;
	}

	/** Creates a notebook. Returns whether the browser agreed to keep it when space is low. */
	async create(passphrase: string): Promise<{ persisted: boolean }> {
		if (await store.readVault()) throw new NotebookError('exists');
		const c = await loadCrypto();
		const { vault, dataKey } = createVault(c, passphrase);
		await store.replaceAll(vault, []);
		this.#open(vault, dataKey, []);
		return { persisted: await requestPersistence() };
	}

	/** Unlocks with the passphrase; a wrong one throws NotebookError('wrong_passphrase'). */
	async unlock(passphrase: string): Promise<void> {
		const vault = await store.readVault();
		if (!vault) {
			this.status = 'absent';
			throw new NotebookError('absent');
		}
		const c = await loadCrypto();
		const dataKey = unlockVault(c, vault, passphrase);
		const entries: Entry[] = [];
		let damaged = 0;
		for (const record of await store.listRecords()) {
			try {
				entries.push(openEntry(c, dataKey, record));
			} catch {
				damaged++;
			}
		}
		this.damaged = damaged;
		this.#open(vault, dataKey, entries);
	}

	#open(vault: Uint8Array, dataKey: Uint8Array, entries: Entry[]): void {
		this.#vault = vault;
		this.#dataKey = dataKey;
		this.entries = entries.sort(newestFirst);
		this.lockedBy = undefined;
		this.status = 'unlocked';
		this.#stopAutoLock?.();
		if (browser) {
			this.#stopAutoLock = startAutoLock(() => this.lock('auto'), { window, document });
		}
	}

	/** Wipes the key and forgets the decrypted entries. Safe to call at any time. */
	lock(by: 'person' | 'auto' = 'person'): void {
		this.#stopAutoLock?.();
		this.#stopAutoLock = undefined;
		if (this.#dataKey) this.#dataKey.fill(0);
		this.#dataKey = undefined;
		this.entries = [];
		this.damaged = 0;
		if (this.status === 'unlocked') {
			this.status = 'locked';
			this.lockedBy = by;
		}
	}

	#key(): Uint8Array {
		if (this.status !== 'unlocked' || !this.#dataKey) throw new NotebookError('locked');
		return this.#dataKey;
	}

	/** Adds entries (or replaces those whose id exists). */
	async saveEntries(list: Entry[]): Promise<void> {
		const key = this.#key();
		const c = await loadCrypto();
		await store.putRecords(list.map((e) => sealEntry(c, key, e)));
		const ids = new Set(list.map((e) => e.id));
		this.entries = [...list, ...this.entries.filter((e) => !ids.has(e.id))].sort(newestFirst);
	}

	/** Adds new content, or updates the entry `id`. Returns the stored entry. */
	async save(content: EntryContent, id?: string): Promise<Entry> {
		this.#key();
		const c = await loadCrypto();
		const now = new Date().toISOString();
		const existing = id ? this.entries.find((e) => e.id === id) : undefined;
		const entry = {
			...content,
			id: existing?.id ?? newEntryId(c),
			createdAt: existing?.createdAt ?? now,
			updatedAt: now
		} as Entry;
		await this.saveEntries([entry]);
		return entry;
	}

	/** Adds several new entries (e.g. notes shared by someone). */
	async addAll(contents: EntryContent[]): Promise<Entry[]> {
		this.#key();
		const c = await loadCrypto();
		const now = new Date().toISOString();
		const list = contents.map(
			(content) => ({ ...content, id: newEntryId(c), createdAt: now, updatedAt: now }) as Entry
		);
		await this.saveEntries(list);
		return list;
	}

	async remove(id: string): Promise<void> {
		this.#key();
		await store.deleteRecord(id);
		this.entries = this.entries.filter((e) => e.id !== id);
	}

	/** Checks the current passphrase, then re-wraps the same data key under the new one. */
	async changePassphrase(current: string, next: string): Promise<void> {
		const key = this.#key();
		const c = await loadCrypto();
		c.wipe(unlockVault(c, this.#vault!, current));
		const vault = wrapDataKey(c, key, next);
		await store.writeVault(vault);
		this.#vault = vault;
	}

	/** The backup file's text: the vault header and every entry, encrypted under the data key. */
	async exportBackup(): Promise<string> {
		const key = this.#key();
		return makeBackup(await loadCrypto(), this.#vault!, key, this.entries);
	}

	/**
	 * Loads a backup. On a device without a notebook it becomes the notebook (same passphrase
	 * as when it was made); into an unlocked notebook its entries are added. Returns how many.
	 */
	async importBackup(text: string, passphrase: string): Promise<number> {
		const c = await loadCrypto();
		const backup = readBackup(c, text);
		if (this.status !== 'unlocked') {
			if (await store.readVault()) throw new NotebookError('locked');
			const { dataKey, entries } = openBackup(c, backup, passphrase);
			await store.replaceAll(
				backup.vault,
				entries.map((e) => sealEntry(c, dataKey, e))
			);
			this.#open(backup.vault, dataKey, entries);
			await requestPersistence();
			return entries.length;
		}
		const { dataKey, entries } = openBackup(c, backup, passphrase);
		c.wipe(dataKey);
		const have = new Set(this.entries.map((e) => e.id));
		const fresh = entries.filter((e) => !have.has(e.id));
		await this.saveEntries(fresh);
		return fresh.length;
	}

	/**
	 * Deletes keys and data from this device. Links this person shared are revoked first when
	 * the notebook is unlocked (their revocation secrets are about to be lost); that is best
	 * effort and never delays the deletion by more than a few seconds.
	 */
	async destroy(): Promise<void> {
		const now = Date.now();
		const live = this.entries.filter(
			(e): e is Extract<Entry, { kind: 'link' }> =>
				e.kind === 'link' && Date.parse(e.expiresAt) > now
		);
		if (live.length > 0) {
			await Promise.race([
				Promise.allSettled(live.map((l) => revokeShare(l.shareId, l.revokeSecret))),
				new Promise((resolve) => setTimeout(resolve, 3000))
			]);
		}
		this.lock();
		this.#vault = undefined;
		await store.wipeAll();
		this.status = 'absent';
		this.lockedBy = undefined;
	}
}

/** The one notebook of this page. */
export const notebook = new Notebook();
