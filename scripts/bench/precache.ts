import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type PrecacheSize = { files: number; kib: number; gzipKiB: number; libsodium: boolean };

/**
 * What the service worker precaches on a first visit, from the build on disk: the list
 * Workbox injected into build/client/service-worker.js, each file's size raw (what the Cache
 * Storage holds) and gzip -9 (what a slow link carries). The directory snapshot is not in it:
 * it is data, kept in the separate data cache (docs/pwa.md).
 */
export function measurePrecache(buildDir = 'build'): PrecacheSize {
	const sw = readFileSync(join(buildDir, 'client/service-worker.js'), 'utf8');
	const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
	if (urls.length === 0) throw new Error('no precache list in the service worker');
	let raw = 0;
	let gzip = 0;
	let libsodium = false;
	for (const url of urls) {
		const file =
			url.startsWith('_app/') || url.includes('.') ? `client/${url}` : `prerendered/${url}.html`;
		const bytes = readFileSync(join(buildDir, file));
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
		if (bytes.includes('AGFzbQ')) libsodium = true;
	}
	return { files: urls.length, kib: raw / 1024, gzipKiB: gzip / 1024, libsodium };
}
