import { Workbox } from 'workbox-window';
import { SW_MESSAGES } from './sw-rules';

/**
 * The update flow, as the page sees it. A new release installs in the background and then
 * waits. Before the person is offered it, this page — still running the version they trust —
 * checks the new service worker script against the release manifest signed with the pinned
 * key. Nothing reloads by itself: the person chooses when (they may be typing).
 */
export type UpdateState =
	| { status: 'idle' }
	| { status: 'ready' }
	| { status: 'dismissed' }
	| { status: 'refused'; reason: string };

export const updates = $state<{ current: UpdateState }>({ current: { status: 'idle' } });

export const SERVICE_WORKER_URL = '/service-worker.js';
const HOURLY = 60 * 60 * 1000;

let wb: Workbox | undefined;

const noStore = (path: string) => fetch(path, { cache: 'no-store', credentials: 'same-origin' });

/** Checks the waiting release against the pinned key; true when it may be offered. */
async function verifyWaitingRelease(): Promise<{ ok: true } | { ok: false; reason: string }> {
	const key = __URA_RELEASE_PUBLIC_KEY__;
	if (!key) return { ok: true };
	// Loaded only when there is an update to check, so it stays out of every first load.
	const { fetchVerifiedManifest, matchesManifest } = await import('./release');
	const check = await fetchVerifiedManifest(noStore, key);
	if (!check.ok) return { ok: false, reason: check.reason };
	// The browser fetched the new script itself; fetch it again and compare with the signed
	// hash. A server that answers the two requests differently defeats this check (see
	// docs/threat-model.md), but a swapped or edited file on the server does not.
	try {
		const script = await (await noStore(SERVICE_WORKER_URL)).arrayBuffer();
		if (!(await matchesManifest(check.manifest, SERVICE_WORKER_URL, script))) {
			return { ok: false, reason: 'hash-mismatch' };
		}
	} catch {
		return { ok: false, reason: 'unreachable' };
	}
	return { ok: true };
}

/** Registers the service worker once, in the browser, after the page has loaded. */
export function startServiceWorker(): void {
	if (wb || !('serviceWorker' in navigator)) return;
	wb = new Workbox(SERVICE_WORKER_URL, { scope: '/' });
	navigator.serviceWorker.addEventListener('message', (event) => {
		if (event.data?.type === SW_MESSAGES.refused) {
			updates.current = { status: 'refused', reason: String(event.data.reason ?? '') };
		}
	});
	wb.addEventListener('waiting', async () => {
		const result = await verifyWaitingRelease();
		updates.current = result.ok
			? { status: 'ready' }
			: { status: 'refused', reason: result.reason };
	});
	void wb.register().then((registration) => {
		// A tab that stays open never navigates (the app routes in the page): look for a new
		// release now and then, as the browser does on navigation.
		if (registration) setInterval(() => void wb?.update(), HOURLY);
	});
}

/** The person chose to reload: activate the waiting release, then reload once it controls. */
export function applyUpdate(): void {
	if (!wb || updates.current.status !== 'ready') return;
	wb.addEventListener('controlling', () => window.location.reload());
	wb.messageSkipWaiting();
}

export function dismissUpdate(): void {
	if (updates.current.status === 'ready') updates.current = { status: 'dismissed' };
}
