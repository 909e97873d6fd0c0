/**
 * Argon2id cost in the browser build, the way the notebook runs it (libsodium's WebAssembly
 * in Chromium's main thread), with and without CPU throttling. Chromium's 4× throttling is
 * what Lighthouse uses to stand for a mid-range phone; it is an estimate, not a phone.
 *
 *   npm run build && PORT=4213 node scripts/serve.js &   (any running build)
 *   BASE_URL=http://127.0.0.1:4213 npx tsx scripts/bench/argon2-calibrate.ts
 *
 * A calibration table of candidate parameters (docs/crypto.md); `npm run bench` measures the
 * chosen ones (scripts/bench/unlock.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4213';
const dir = 'build/client/_app/immutable/chunks';
const chunk = readdirSync(dir)
	.filter((f) => f.endsWith('.js'))
	.find(
		(f) =>
			statSync(join(dir, f)).size > 300_000 &&
			readFileSync(join(dir, f), 'utf8').includes('crypto_pwhash')
	);
if (!chunk) throw new Error('no libsodium chunk in build/');

const CANDIDATES = [
	{ t: 2, mMiB: 19 },
	{ t: 2, mMiB: 32 },
	{ t: 3, mMiB: 32 },
	{ t: 2, mMiB: 46 },
	{ t: 2, mMiB: 64 },
	{ t: 3, mMiB: 64 }
];

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const page = await browser.newPage();
await page.goto(`${base}/notes`);
const cdp = await page.context().newCDPSession(page);
const rows: string[] = [];
for (const rate of [1, 4]) {
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	for (const { t, mMiB } of CANDIDATES) {
		const ms = await page.evaluate(
			async ({ url, t, m }) => {
				const s = (await import(url)).default;
				await s.ready;
				const salt = new Uint8Array(16);
				const runs: number[] = [];
				for (let i = 0; i < 3; i++) {
					const start = performance.now();
					s.crypto_pwhash(32, 'benchmark passphrase', salt, t, m, s.crypto_pwhash_ALG_ARGON2ID13);
					runs.push(performance.now() - start);
				}
				return runs.sort((a, b) => a - b)[1]!; // median of 3
			},
			{ url: `/_app/immutable/chunks/${chunk}`, t, m: mMiB * 1024 * 1024 }
		);
		rows.push(`| ${rate}× | t=${t} | ${mMiB} MiB | ${Math.round(ms)} ms |`);
		console.log(rows.at(-1));
	}
}
await browser.close();
console.log(['| CPU | passes | memory | median of 3 |', '|---|---|---|---|', ...rows].join('\n'));
