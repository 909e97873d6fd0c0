/**
 * Time to unlock the notebook in the browser, as a person sees it: from pressing "Unlock"
 * to the notes being shown (Argon2id, IndexedDB, decrypting every entry), with 20 notes,
 * at 1× and at Chromium's 4× CPU throttling (Lighthouse's stand-in for a mid-range phone).
 *
 *   npm run build && PORT=4213 node scripts/serve.js &   (any running build)
 *   BASE_URL=http://127.0.0.1:4213 npx tsx bench/unlock-browser.ts
 */
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4213';
const PASS = 'benchmark passphrase';
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const page = await browser.newPage();
await page.goto(`${base}/notes`);
await page.fill('#create-passphrase', PASS);
await page.fill('#create-again', PASS);
await page.click('form[aria-labelledby="create-title"] button[type=submit]');
await page.waitForSelector('#notes-title');
for (let i = 0; i < 20; i++) {
	await page.click('.actions button >> nth=0');
	await page.fill('#entry-title', `Note ${i}`);
	await page.fill('#entry-body', 'x'.repeat(400));
	await page.click('form[aria-labelledby="editor-title"] button[type=submit]');
	await page.waitForSelector(`text=Note ${i}`);
}
const cdp = await page.context().newCDPSession(page);
for (const rate of [1, 4]) {
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	const runs: number[] = [];
	for (let i = 0; i < 5; i++) {
		await page.click('.session button');
		await page.fill('#unlock-passphrase', PASS);
		const ms = await page.evaluate(async () => {
			const start = performance.now();
			(
				document.querySelector('form[aria-labelledby="unlock-title"] button') as HTMLElement
			).click();
			while (!document.getElementById('notes-title')) await new Promise((r) => setTimeout(r, 5));
			return performance.now() - start;
		});
		runs.push(ms);
	}
	runs.sort((a, b) => a - b);
	console.log(
		`${rate}× CPU: unlock median ${Math.round(runs[2]!)} ms (min ${Math.round(runs[0]!)}, max ${Math.round(runs[4]!)})`
	);
}
await browser.close();
