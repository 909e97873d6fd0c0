import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export type InitialJs = { route: string; gzipKiB: number; files: number; libsodium: boolean };

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** libsodium's JS carries its WebAssembly inline as base64, which starts with "AGFzbQ" (\0asm). */
function isLibsodium(body: Buffer): boolean {
	return body.length > 100_000 && body.includes('AGFzbQ');
}

/**
 * The JavaScript a first visit to `route` downloads before the page is idle: module
 * preloads, entry points, and what hydration imports (route code, translation chunks).
 * Sizes are gzip -9 of each file's bytes, as a slow link would carry them.
 */
export async function measureInitialJs(baseUrl: string, routes: string[]): Promise<InitialJs[]> {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	const out: InitialJs[] = [];
	try {
		for (const route of routes) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const bodies: Promise<Buffer | null>[] = [];
			page.on('response', (r) => {
				const type = r.request().resourceType();
				const url = r.url();
				if (type === 'script' || url.endsWith('.js') || url.endsWith('.mjs')) {
					bodies.push(r.body().catch(() => null));
				}
			});
			await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
			const files = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
			const gzip = files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
			out.push({
				route,
				gzipKiB: gzip / 1024,
				files: files.length,
				libsodium: files.some(isLibsodium)
			});
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}
