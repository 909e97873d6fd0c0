/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Ura's service worker: offline after the first visit, and updates that are checked against
// the signed release manifest before they are installed. Built by SvelteKit; the list of
// files to precache is injected by Workbox (@vite-pwa/sveltekit, injectManifest).
// See docs/pwa.md for the design and docs/threat-model.md ("Update integrity") for limits.
import { version } from '$service-worker';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { fetchVerifiedManifest, matchesManifest, type ReleaseManifest } from '$lib/pwa/release';
import {
	DATA_CACHE,
	KEPT_HEADERS,
	PRECACHE_PREFIX,
	SHELL_PATH,
	SW_MESSAGES,
	isPublicData,
	isShellNavigation,
	sanitizeEnvModule,
	shellHeaders
} from '$lib/pwa/sw-rules';

declare const self: ServiceWorkerGlobalScope;

type PrecacheEntry = string | { url: string; revision: string | null };
const entries = (self.__WB_MANIFEST as PrecacheEntry[]).map((e) =>
	new URL(typeof e === 'string' ? e : e.url, self.location.origin).pathname.replace(/^\/?/, '/')
);
const PRECACHE = `${PRECACHE_PREFIX}${version}`;
const precached = new Set(entries);

class UpdateRefused extends Error {
	constructor(
		readonly reason: string,
		readonly path?: string
	) {
		super(`update refused: ${reason}${path ? ` (${path})` : ''}`);
	}
}

async function tellClients(message: unknown): Promise<void> {
	const clients = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
	for (const client of clients) client.postMessage(message);
}

/** A file from an older precache when its bytes are still those the new release signed. */
async function fromOlderPrecache(path: string): Promise<Response | undefined> {
	for (const name of await caches.keys()) {
		if (!name.startsWith(PRECACHE_PREFIX)) continue;
		const hit = await (await caches.open(name)).match(path);
		if (hit) return hit;
	}
	return undefined;
}

async function download(
	path: string,
	manifest: ReleaseManifest | null
): Promise<[string, Response]> {
	const reused = await fromOlderPrecache(path);
	if (
		reused &&
		(!manifest || (await matchesManifest(manifest, path, await reused.clone().arrayBuffer())))
	) {
		return [path, reused];
	}
	// Hashed files never change; the others are revalidated with the server.
	const response = await fetch(path, {
		cache: path.startsWith('/_app/immutable/') ? 'default' : 'no-cache',
		credentials: 'same-origin'
	});
	if (!response.ok) throw new UpdateRefused('unreachable', path);
	const bytes = await response.arrayBuffer();
	if (manifest && !(await matchesManifest(manifest, path, bytes))) {
		throw new UpdateRefused('hash-mismatch', path);
	}
	const headers = new Headers();
	for (const name of KEPT_HEADERS) {
		const value = response.headers.get(name);
		if (value) headers.set(name, value);
	}
	return [path, new Response(bytes, { headers })];
}

/**
 * All or nothing: every file is downloaded and checked against the signed manifest before
 * anything is written, so a refused update leaves no half-filled cache behind and the
 * version in use keeps running.
 */
async function installRelease(): Promise<void> {
	const key = __URA_RELEASE_PUBLIC_KEY__;
	let manifest: ReleaseManifest | null = null;
	if (key) {
		const check = await fetchVerifiedManifest((p) => fetch(p, { cache: 'no-store' }), key);
		if (!check.ok) throw new UpdateRefused(check.reason, check.detail ?? 'release manifest');
		manifest = check.manifest;
	}
	const files = await Promise.all(entries.map((path) => download(path, manifest)));
	const cache = await caches.open(PRECACHE);
	await Promise.all(files.map(([path, response]) => cache.put(path, response)));
	// The directory snapshot is public data that changes without a release: it goes to the
	// data cache (network first), warmed here so that search works offline from the start.
	try {
		const snapshot = await fetch('/directory/snapshot.json', { cache: 'no-cache' });
		if (snapshot.ok)
			await (await caches.open(DATA_CACHE)).put('/directory/snapshot.json', snapshot);
	} catch {
		// Offline during install: the snapshot is cached the first time search loads it.
	}
}

self.addEventListener('install', (event) => {
	event.waitUntil(
		installRelease().catch(async (error: unknown) => {
			const reason = error instanceof UpdateRefused ? error.reason : 'unreachable';
			const detail = error instanceof UpdateRefused ? error.path : String(error);
			await tellClients({ type: SW_MESSAGES.refused, reason, detail });
			throw error;
		})
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) {
				if (name.startsWith(PRECACHE_PREFIX) && name !== PRECACHE) await caches.delete(name);
			}
			await self.clients.claim();
		})()
	);
});

self.addEventListener('message', (event) => {
	// Sent by workbox-window's messageSkipWaiting() when the person chooses to reload.
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

async function fromPrecache(path: string): Promise<Response | undefined> {
	return (await caches.open(PRECACHE)).match(path);
}

// The signed app shell answers every page navigation, online and offline: the page code then
// comes from the checked precache, never from whatever the server sends that day.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && isShellNavigation(url),
	async ({ request }) => {
		const shell = await fromPrecache(SHELL_PATH);
		if (!shell) return fetch(request);
		const html = await shell.clone().text();
		return new Response(html, { headers: shellHeaders(html, shell.headers) });
	}
);

// Code, styles, icons and manifests of this release: from the precache.
registerRoute(
	({ url, sameOrigin }) => sameOrigin && precached.has(url.pathname),
	async ({ request, url }) => (await fromPrecache(url.pathname)) ?? fetch(request)
);

// Kit's runtime public settings (the quick-exit address). Accepted only as a plain object of
// strings, so this small file can never carry code.
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname === '/_app/env.js',
	async ({ request }) => {
		const cache = await caches.open(DATA_CACHE);
		let body: string | null = null;
		try {
			const response = await fetch(request, { cache: 'no-cache' });
			if (response.ok) body = sanitizeEnvModule(await response.text());
			if (body) await cache.put('/_app/env.js', new Response(body));
		} catch {
			// offline
		}
		body ??= sanitizeEnvModule((await (await cache.match('/_app/env.js'))?.text()) ?? '');
		return new Response(body ?? 'export const env={}', {
			headers: { 'content-type': 'application/javascript; charset=utf-8' }
		});
	}
);

// Public page data (the directory pages) and the directory snapshot: fresh when online,
// the last copy when offline. Nothing under /api/ is ever cached: no route matches it, so
// those requests go straight to the network (help requests, shared notes).
registerRoute(
	({ url, sameOrigin, request }) => sameOrigin && request.method === 'GET' && isPublicData(url),
	new NetworkFirst({
		cacheName: DATA_CACHE,
		networkTimeoutSeconds: 5,
		plugins: [
			new ExpirationPlugin({ maxEntries: 400 }),
			{
				// Kit adds ?x-sveltekit-invalidated=… to page data; the answer is the same page.
				cacheKeyWillBeUsed: async ({ request }) => {
					const url = new URL(request.url);
					url.search = '';
					return url.href;
				}
			}
		]
	})
);
