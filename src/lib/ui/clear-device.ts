/**
 * "Clear all data on this device": everything Ura's origin keeps in this browser, for a
 * person who has to hand over or share the phone. Order matters: service workers first (so
 * none re-creates a cache while we delete), then caches, databases and storage; in-memory
 * state last (an unlocked notebook is locked). Each step is tried even if another failed,
 * and the result says which failed, so the page can say so rather than pretend.
 *
 * Not covered, and said so on the page: links already shared (on the server until they
 * expire; revoking needs the unlocked notebook) and the browser's own history.
 */
import { wipeAll as wipeNotebook } from '$lib/notebook/store';
import { clearInMemoryState } from './quick-exit';

export type ClearStep =
	'serviceWorkers' | 'caches' | 'indexedDB' | 'localStorage' | 'sessionStorage';

async function deleteDatabase(name: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
		// Another tab holds it open: the deletion completes when that tab lets go.
		request.onblocked = () => resolve();
	});
}

/** Resolves once `worker` is no longer installing (or after `ms`, so the page never hangs). */
function pastInstalling(worker: ServiceWorker, ms: number): Promise<void> {
	if (worker.state !== 'installing') return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			worker.removeEventListener('statechange', check);
			resolve();
		};
		const check = () => {
			if (worker.state !== 'installing') done();
		};
		const timer = setTimeout(done, ms);
		worker.addEventListener('statechange', check);
	});
}

async function deleteCaches(): Promise<number> {
	const names = await caches.keys();
	await Promise.all(names.map((n) => caches.delete(n)));
	return names.length;
}

const STEPS: Record<ClearStep, () => Promise<void>> = {
	serviceWorkers: async () => {
		if (!('serviceWorker' in navigator)) return;
		const registrations = await navigator.serviceWorker.getRegistrations();
		const installing = registrations.flatMap((r) => (r.installing ? [r.installing] : []));
		await Promise.all(registrations.map((r) => r.unregister()));
		// A worker caught installing (a first visit moments ago) may still be writing its
		// precache: wait until it has stopped, or its files would outlive the deletion and show
		// that Ura was used here.
		await Promise.all(installing.map((w) => pastInstalling(w, 15_000)));
	},
	caches: async () => {
		if (typeof caches === 'undefined') return;
		// Twice if the first pass found any: a write already under way when the worker stopped
		// can land just after the first pass.
		if ((await deleteCaches()) > 0) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			await deleteCaches();
		}
	},
	indexedDB: async () => {
		if (typeof indexedDB === 'undefined') return;
		// The notebook first, through its own store (it closes its open connection).
		await wipeNotebook();
		// Then every other database of this origin (queues, caches of other features).
		const all = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
		await Promise.all(all.flatMap((d) => (d.name ? [deleteDatabase(d.name)] : [])));
	},
	localStorage: async () => localStorage.clear(),
	sessionStorage: async () => sessionStorage.clear()
};

/** Deletes everything; returns the steps that failed (empty: all done). */
export async function clearDevice(): Promise<ClearStep[]> {
	const failed: ClearStep[] = [];
	for (const [step, run] of Object.entries(STEPS) as [ClearStep, () => Promise<void>][]) {
		try {
			await run();
		} catch {
			failed.push(step);
		}
	}
	clearInMemoryState();
	return failed;
}
