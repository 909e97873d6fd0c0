import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createNotebook } from './helpers/notebook';

/**
 * libsodium (~190 kB gzip of WebAssembly) must not weigh on the first load of the pages
 * most people open: it is neither preloaded nor fetched there, only where encryption is
 * actually used, and only when it is used.
 */
const CHUNKS = 'build/client/_app/immutable/chunks';

function sodiumChunks(): string[] {
	return readdirSync(CHUNKS).filter(
		(f) =>
			f.endsWith('.js') &&
			statSync(join(CHUNKS, f)).size > 100_000 &&
			/crypto_pwhash|crypto_aead_xchacha20poly1305_ietf_encrypt/.test(
				readFileSync(join(CHUNKS, f), 'utf8')
			) &&
			// The libsodium build itself, not our small wrapper that imports it.
			readFileSync(join(CHUNKS, f), 'utf8').includes('libsodium')
	);
}

test('the build holds libsodium as a chunk of its own', () => {
	expect(sodiumChunks().length).toBeGreaterThanOrEqual(1);
});

/** Files a module imports statically (`import … from "./x.js"`, `import "./x.js"`), not import(). */
function staticClosure(entries: string[]): Set<string> {
	const root = 'build/client';
	const seen = new Set<string>();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const code = readFileSync(join(root, file), 'utf8');
		for (const m of code.matchAll(
			/\bfrom\s*["']([^"']+\.js)["']|\bimport\s*["']([^"']+\.js)["']/g
		)) {
			queue.push(join(file, '..', (m[1] ?? m[2])!));
		}
	}
	return seen;
}

for (const path of [
	'/',
	'/en',
	'/entitlements',
	'/en/entitlements',
	'/services',
	'/en/services',
	'/notes',
	'/link'
]) {
	test(`${path} neither preloads nor loads libsodium`, async ({ page, guard, request }) => {
		const sodium = sodiumChunks();
		const res = await request.get(path);
		const html = await res.text();
		// Kit lists the page's modules in the Link header (modulepreload) and imports two entries.
		const preloads = [
			...(res.headers()['link'] ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)
		].map((m) => m[1]!);
		const entries = [...html.matchAll(/import\("(?:\.\.?\/|\/)+(_app\/[^"]+)"\)/g)].map(
			(m) => m[1]!
		);
		expect(preloads.length).toBeGreaterThan(0);
		expect(entries.length).toBeGreaterThan(0);
		const closure = [
			...staticClosure([...entries, ...preloads.map((p) => p.replace(/^(\.\.?\/|\/)+/, ''))])
		];
		expect(closure.length).toBeGreaterThan(entries.length);
		for (const chunk of sodium) {
			expect(preloads.join(' ')).not.toContain(chunk);
			expect(closure.join(' ')).not.toContain(chunk);
		}
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const fetched = guard.requests.filter((u) => sodium.some((c) => u.endsWith(c)));
		expect(fetched).toEqual([]);
	});
}

test('the notebook fetches libsodium when it is first used', async ({ page, guard }) => {
	await createNotebook(page, 'lule mal kafe diell');
	const sodium = sodiumChunks();
	expect(guard.requests.some((u) => sodium.some((c) => u.endsWith(c)))).toBe(true);
});
