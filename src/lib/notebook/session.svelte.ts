/**
 * The notebook on this device, as reactive state for the UI and an API for other features.
 * The data key and the decrypted entries live only in memory, only while unlocked; locking
 * wipes the key and drops the entries, then reloads the page, so that the tab's JavaScript and
 * WebAssembly memory (where libsodium's copies of the key were) is dropped too. Nothing
 * decrypted is ever written anywhere. Other tabs hear of a lock or a deletion through a
 * BroadcastChannel and lock themselves.
 */
import { browser } from '$app/environment';
import { loadCrypto } from '$lib/crypto';
import { onQuickExit } from '$lib/ui/quick-exit';
import { startAutoLock } from './autolock';
import type { Entry, EntryContent } from './entries';
import { NotebookError } from './errors';
import * as store from './store';
import type { StoredRecord } from './vault';

/**
 * libsodium and the vault's formats (with zod, which checks what is read back) load only
 * when the notebook is used, not with every page that offers "save to notebook".
 */
async function loadVault() {
	const [c, v] = await Promise.all([loadCrypto(), import('./vault')]);
	return { c, v };
}

/**
 * Starts loading that code without waiting for it: the unlock and create forms call this when
 * they appear, so it loads while the person types the passphrase rather than after.
 */
export function prepareNotebookCode(): void {
	loadVault().catch(() => {
		// Unlocking will try again and report it.
	});
}

/** What the session needs from storage (store.ts; a test passes its own). */
export type NotebookStore = Pick<
	typeof store,
	| 'readVault'
	| 'listRecords'
	| 'putRecords'
	| 'deleteRecord'
	| 'createIfAbsent'
	| 'rekey'
	| 'wipeAll'
>;

export type NotebookStatus = 'unknown' | 'absent' | 'locked' | 'unlocked';
/** What the fresh page says after a lock or deletion reloaded it. */
export type NotebookNotice = 'person' | 'auto' | 'deleted';

const CHANNEL = 'ura-notebook';
type TabMessage = 'lock' | 'destroyed';
/** A key in history.state (never in storage): the notice survives the reload, nothing else. */
const NOTICE_KEY = 'ura:notice';

function takeNotice(): NotebookNotice | undefined {
	const state = history.state as Record<string, unknown> | null;
	const notice = state?.[NOTICE_KEY];
	if (notice !== 'person' && notice !== 'auto' && notice !== 'deleted') return undefined;
	const { [NOTICE_KEY]: _, ...rest } = state!;
	history.replaceState(rest, '');
	return notice;
}

/**
 * Replaces this document with a fresh copy of the same neutral page (no #fragment), so that
 * the JavaScript heap and libsodium's WebAssembly memory are thrown away: libsodium.js copies
 * keys into WASM memory and frees them without zeroing, which `wipe` cannot reach.
 */
function freshDocument(notice: NotebookNotice): void {
	history.replaceState(
		{ ...(history.state as object | null), [NOTICE_KEY]: notice },
		'',
		location.pathname + location.search
	);
	location.reload();
}

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
	/** Set (once, on the fresh page) when a lock or deletion reloaded the page. */
	notice = $state<NotebookNotice | undefined>(undefined);
	/** True between a lock and the fresh page: the UI shows nothing to type into. */
	leaving = $state(false);
	/** "Delete everything" is waiting for other tabs to close. */
	waitingForTabs = $state(false);

	#dataKey: Uint8Array | undefined;
	#vault: Uint8Array | undefined;
	#stopAutoLock: (() => void) | undefined;
	/**
	 * Counts locks. Every async operation notes it first and checks it after each await: if a
	 * lock happened meanwhile, it wipes what it holds and stops, so that nothing decrypted or
	 * unlocked survives a lock (L2).
	 */
	#generation = 0;
	#channel: BroadcastChannel | undefined;
	#reload: (notice: NotebookNotice) => void;
	#store: NotebookStore;

	/** `deps` are for tests: the storage (IndexedDB by default) and the page reload. */
	constructor(deps: { store?: NotebookStore; reload?: (notice: NotebookNotice) => void } = {}) {
		this.#store = deps.store ?? store;
		this.#reload = deps.reload ?? freshDocument;
		if (!browser) return;
		const notice = takeNotice();
		if (notice) {
			this.notice = notice;
			if (notice !== 'deleted') this.lockedBy = notice;
		}
		// Quick exit leaves the page anyway (location.replace): no reload in between.
		onQuickExit(() => this.lock('person', { reload: false }));
		store.whenTakenAway(() => this.lock('auto', { broadcast: false }));
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = (event: MessageEvent<TabMessage>) => {
				if (event.data === 'lock') this.lock('auto', { broadcast: false });
				if (event.data === 'destroyed') this.#destroyedElsewhere();
			};
		}
		// A page kept in the back/forward cache was locked on pagehide but kept its heap.
		window.addEventListener('pageshow', (event) => {
			if (event.persisted && this.status === 'locked' && this.#needsFreshDocument) {
				this.#reload(this.lockedBy ?? 'auto');
			}
		});
	}

	#needsFreshDocument = false;

	#broadcast(message: TabMessage): void {
		try {
			this.#channel?.postMessage(message);
		} catch {
			// A closed channel: nothing to tell.
		}
	}

	/** Throws (after wiping `keys`) if a lock happened since `generation` was noted. */
	#stillCurrent(generation: number, ...keys: (Uint8Array | undefined)[]): void {
		if (generation === this.#generation) return;
		for (const key of keys) key?.fill(0);
		throw new NotebookError('locked');
	}

	/** Reads whether a notebook exists on this device (no passphrase needed). */
	async refresh(): Promise<NotebookStatus> {
		if (this.status === 'unlocked') return this.status;
		try {
			this.status = (await this.#store.readVault()) ? 'locked' : 'absent';
		} catch (error) {
			this.status = 'absent';
			throw error;
		}
		return this.status;
	}

	/** Creates a notebook. Returns whether the browser agreed to keep it when space is low. */
	async create(passphrase: string): Promise<{ persisted: boolean }> {
		const generation = this.#generation;
		if (await this.#store.readVault()) throw new NotebookError('exists');
		const { c, v } = await loadVault();
		this.#stillCurrent(generation);
		const { vault, dataKey } = v.createVault(c, passphrase);
		// Argon2id first, then check-and-write in one transaction: another tab that created a
		// notebook meanwhile is never overwritten (L3).
		try {
			await this.#store.createIfAbsent(vault, []);
		} catch (error) {
			c.wipe(dataKey);
			throw error;
		}
		this.#stillCurrent(generation, dataKey);
		this.#open(vault, dataKey, []);
		return { persisted: await requestPersistence() };
	}

	/** Unlocks with the passphrase; a wrong one throws NotebookError('wrong_passphrase'). */
	async unlock(passphrase: string): Promise<void> {
		const generation = this.#generation;
		const vault = await this.#store.readVault();
		if (!vault) {
			this.status = 'absent';
			throw new NotebookError('absent');
		}
		const { c, v } = await loadVault();
		this.#stillCurrent(generation);
		const dataKey = v.unlockVault(c, vault, passphrase);
		let records: StoredRecord[];
		try {
			records = await this.#store.listRecords();
		} catch (error) {
			c.wipe(dataKey);
			throw error;
		}
		this.#stillCurrent(generation, dataKey);
		const entries: Entry[] = [];
		let damaged = 0;
		for (const record of records) {
			try {
				entries.push(v.openEntry(c, dataKey, record));
			} catch {
				damaged++;
			}
		}
		this.damaged = damaged;
		this.#open(vault, dataKey, entries);
	}

	#open(vault: Uint8Array, dataKey: Uint8Array, entries: Entry[]): void {
		if (this.#dataKey && this.#dataKey !== dataKey) this.#dataKey.fill(0);
		this.#vault = vault;
		this.#dataKey = dataKey;
		this.#needsFreshDocument = true;
		this.entries = entries.sort(newestFirst);
		this.lockedBy = undefined;
		this.notice = undefined;
		this.status = 'unlocked';
		this.#stopAutoLock?.();
		if (browser) {
			this.#stopAutoLock = startAutoLock(
				// On pagehide the page is being left (or frozen in the back/forward cache, see
				// pageshow above): reloading then would fight the navigation.
				(cause) => this.lock('auto', { broadcast: false, reload: cause !== 'pagehide' }),
				{ window, document }
			);
		}
	}

	/**
	 * Wipes the key and forgets the decrypted entries, tells other tabs (a person's lock), then
	 * reloads the page to drop this tab's memory. Safe to call at any time. `reload: false` is
	 * for callers that leave the page anyway (quick exit, pagehide) or reload it themselves.
	 */
	lock(
		by: 'person' | 'auto' = 'person',
		options: { reload?: boolean; broadcast?: boolean } = {}
	): void {
		const { reload = true, broadcast = by === 'person' } = options;
		this.#generation++;
		this.#stopAutoLock?.();
		this.#stopAutoLock = undefined;
		if (this.#dataKey) this.#dataKey.fill(0);
		this.#dataKey = undefined;
		this.entries = [];
		this.damaged = 0;
		const wasUnlocked = this.status === 'unlocked';
		if (wasUnlocked) {
			this.status = 'locked';
			this.lockedBy = by;
		}
		if (broadcast) this.#broadcast('lock');
		if (browser && reload && this.#needsFreshDocument) {
			this.leaving = true;
			this.#reload(by);
		}
	}

	/** Another tab deleted the notebook: forget everything here, and start afresh. */
	#destroyedElsewhere(): void {
		const had = this.#needsFreshDocument;
		this.lock('auto', { reload: false, broadcast: false });
		this.#vault = undefined;
		this.status = 'absent';
		this.lockedBy = undefined;
		if (browser && had) {
			this.leaving = true;
			this.#reload('deleted');
		}
	}

	#key(): Uint8Array {
		if (this.status !== 'unlocked' || !this.#dataKey) throw new NotebookError('locked');
		return this.#dataKey;
	}

	/** Adds entries (or replaces those whose id exists). */
	async saveEntries(list: Entry[]): Promise<void> {
		const generation = this.#generation;
		const key = this.#key();
		const { c, v } = await loadVault();
		this.#stillCurrent(generation);
		await this.#store.putRecords(list.map((e) => v.sealEntry(c, key, e)));
		// Locked during the write: the record is stored (encrypted), but nothing decrypted
		// goes back into memory.
		this.#stillCurrent(generation);
		const ids = new Set(list.map((e) => e.id));
		this.entries = [...list, ...this.entries.filter((e) => !ids.has(e.id))].sort(newestFirst);
	}

	/** Adds new content, or updates the entry `id`. Returns the stored entry. */
	async save(content: EntryContent, id?: string): Promise<Entry> {
		this.#key();
		const { c, v } = await loadVault();
		const now = new Date().toISOString();
		const existing = id ? this.entries.find((e) => e.id === id) : undefined;
		const entry = {
			...content,
			id: existing?.id ?? v.newEntryId(c),
			createdAt: existing?.createdAt ?? now,
			updatedAt: now
		} as Entry;
		await this.saveEntries([entry]);
		return entry;
	}

	/** Adds several new entries (e.g. notes shared by someone). */
	async addAll(contents: EntryContent[]): Promise<Entry[]> {
		this.#key();
		const { c, v } = await loadVault();
		const now = new Date().toISOString();
		const list = contents.map(
			(content) => ({ ...content, id: v.newEntryId(c), createdAt: now, updatedAt: now }) as Entry
		);
		await this.saveEntries(list);
		return list;
	}

	async remove(id: string): Promise<void> {
		const generation = this.#generation;
		this.#key();
		await this.#store.deleteRecord(id);
		this.#stillCurrent(generation);
		this.entries = this.entries.filter((e) => e.id !== id);
	}

	/**
	 * Checks the current passphrase, then re-keys: a new random data key, every record
	 * re-encrypted under it, and the new header, all written in one transaction. So an older
	 * copy of the header or a backup, with the old passphrase, opens none of the current
	 * records. Other tabs (holding the old key) are locked.
	 */
	async changePassphrase(current: string, next: string): Promise<void> {
		const generation = this.#generation;
		this.#key();
		const { c, v } = await loadVault();
		this.#stillCurrent(generation);
		const oldVault = this.#vault!;
		c.wipe(v.unlockVault(c, oldVault, current));
		const { vault, dataKey } = v.createVault(c, next);
		// The two Argon2id runs took a while: has anything locked the notebook meanwhile?
		this.#stillCurrent(generation, dataKey);
		const oldKey = this.#key();
		this.#broadcast('lock');
		try {
			await this.#store.rekey(oldVault, vault, (records) =>
				v.resealRecords(c, oldKey, dataKey, records)
			);
		} catch (error) {
			c.wipe(dataKey);
			throw error;
		}
		if (generation !== this.#generation) {
			// Locked while writing: the new notebook is stored; nothing stays in memory.
			c.wipe(dataKey);
			throw new NotebookError('locked');
		}
		this.#open(vault, dataKey, this.entries);
	}

	/** The backup file's text: the vault header and every entry, encrypted under the data key. */
	async exportBackup(): Promise<string> {
		const key = this.#key();
		const { c, v } = await loadVault();
		return v.makeBackup(c, this.#vault!, key, this.entries);
	}

	/**
	 * Loads a backup. On a device without a notebook it becomes the notebook (same passphrase
	 * as when it was made); into an unlocked notebook its entries are added. Returns how many.
	 */
	async importBackup(text: string, passphrase: string): Promise<number> {
		const generation = this.#generation;
		const { c, v } = await loadVault();
		this.#stillCurrent(generation);
		const backup = v.readBackup(c, text);
		if (this.status !== 'unlocked') {
			if (await this.#store.readVault()) throw new NotebookError('locked');
			this.#stillCurrent(generation);
			const { dataKey, entries } = v.openBackup(c, backup, passphrase);
			try {
				// Check-and-write in one transaction (L3): never over another tab's notebook.
				await this.#store.createIfAbsent(
					backup.vault,
					entries.map((e) => v.sealEntry(c, dataKey, e))
				);
			} catch (error) {
				c.wipe(dataKey);
				throw error;
			}
			this.#stillCurrent(generation, dataKey);
			this.#open(backup.vault, dataKey, entries);
			await requestPersistence();
			return entries.length;
		}
		const { dataKey, entries } = v.openBackup(c, backup, passphrase);
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
				import('./share').then(({ revokeShare }) =>
					Promise.allSettled(live.map((l) => revokeShare(l.shareId, l.revokeSecret)))
				),
				new Promise((resolve) => setTimeout(resolve, 3000))
			]);
		}
		const had = this.#needsFreshDocument;
		this.lock('person', { reload: false, broadcast: false });
		this.#vault = undefined;
		// Other tabs lock and let go of the database now; the deletion waits for them.
		this.#broadcast('destroyed');
		try {
			await this.#store.wipeAll(() => (this.waitingForTabs = true));
		} finally {
			this.waitingForTabs = false;
		}
		this.status = 'absent';
		this.lockedBy = undefined;
		if (browser && had) {
			this.leaving = true;
			this.#reload('deleted');
		}
	}
}

/** A notebook over other storage, for tests (the app uses `notebook` below). */
export function createNotebook(deps: ConstructorParameters<typeof Notebook>[0]): Notebook {
	return new Notebook(deps);
}

/** The one notebook of this page. */
export const notebook = new Notebook();
