import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { L } from './locale';
import { LANGS, inLang } from './routes';

/** Routes that need nothing from the server once Ura is installed. */
const OFFLINE_ROUTES = [
	'/',
	'/entitlements',
	'/entitlements/check',
	'/entitlements/e01',
	'/entitlements/e23',
	'/services',
	'/services/kukes',
	'/services/county/kukes',
	'/notes',
	'/returning',
	'/mentors',
	'/mentors/prepare',
	'/help',
	'/glossary',
	'/accessibility',
	'/settings'
] as const;

/** Opens Ura, waits until its service worker controls the page (first install done). */
async function install(page: Page, path = '/') {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
}

async function cacheSummary(page: Page) {
	return page.evaluate(async () => {
		const out: Record<string, { urls: string[]; bytes: number }> = {};
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			const urls: string[] = [];
			let bytes = 0;
			for (const request of await cache.keys()) {
				urls.push(new URL(request.url).pathname);
				bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
			}
			out[name] = { urls, bytes };
		}
		return out;
	});
}

async function goOffline(context: BrowserContext) {
	await context.setOffline(true);
}

test.describe('offline after the first visit', () => {
	test('every offline route opens without the network, in Albanian and English', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		await install(page);
		// Directory pages take their data from the server; the ones a person has looked at are
		// kept for offline use (the snapshot for search is cached at install).
		for (const lang of LANGS) {
			for (const path of ['/services', '/services/kukes', '/services/county/kukes']) {
				await page.goto(inLang(lang, path));
				await expect(page.locator('h1')).toBeVisible();
			}
		}
		await goOffline(context);
		for (const lang of LANGS) {
			const failures = [L(lang, 'common', 'error.title'), L(lang, 'pwa', 'offline.title')];
			for (const path of OFFLINE_ROUTES) {
				const url = inLang(lang, path);
				await page.goto(url);
				const h1 = page.locator('main h1');
				await expect(h1, url).toBeVisible();
				await expect(page.locator('html'), url).toHaveAttribute('lang', lang);
				for (const f of failures) await expect(h1, url).not.toHaveText(f);
			}
		}
		// The screener and the directory search run on the device.
		await page.goto('/en/entitlements/check');
		await page.getByRole('button', { name: L('en', 'entitlements', 'check.start') }).click();
		await expect(page.locator('[data-question]')).toBeVisible();
		await page.goto('/services');
		const box = page.locator('#directory-q');
		await expect(box).toBeEnabled();
		await box.fill('kukes');
		await expect(page.locator('.directory-search .service-card').first()).toBeVisible();
		await context.setOffline(false);
	});

	test('a directory page never opened says plainly that it needs the internet', async ({
		page,
		context,
		guard
	}) => {
		// The browser and SvelteKit log the failed data request; that is the point here.
		guard.expectConsoleError(/Failed to (load resource|fetch)/);
		await install(page);
		await goOffline(context);
		for (const lang of LANGS) {
			await page.goto(inLang(lang, '/services/tirane'));
			await expect(page.locator('main h1')).toHaveText(L(lang, 'pwa', 'offline.title'));
			await expect(page.getByText(L(lang, 'pwa', 'offline.notSaved'))).toBeVisible();
		}
		await context.setOffline(false);
	});

	// (/help needs no notice: a request written offline waits, sealed, in the form's own queue.)
	test('pages that need the server say so while offline, in the person’s language', async ({
		page,
		context
	}) => {
		await install(page);
		await goOffline(context);
		for (const lang of LANGS) {
			for (const path of ['/link']) {
				await page.goto(inLang(lang, path));
				await expect(page.getByText(L(lang, 'pwa', 'offline.needsServer'))).toBeVisible();
				if (lang === 'sq' || lang === 'en') {
					await page.setViewportSize({ width: 390, height: 844 });
					await page.screenshot({
						path: `test-results/pwa-offline-${lang}-link.png`
					});
				}
			}
		}
		await context.setOffline(false);
		await page.goto('/en/link');
		await expect(page.getByText(L('en', 'pwa', 'offline.needsServer'))).toHaveCount(0);
	});
});

test('the precache holds the shell, both languages, libsodium and stays under 1.5 MB; the API is never cached', async ({
	page,
	guard
}) => {
	guard.expectConsoleError(/status of 4\d\d/);
	await install(page);
	// Something that goes to the API while the service worker is in control.
	await page.evaluate(() => fetch('/api/shares/00000000000000000000000000000000').catch(() => 0));
	const caches = await cacheSummary(page);
	const precaches = Object.keys(caches).filter((n) => n.startsWith('ura-precache-'));
	expect(precaches).toHaveLength(1);
	const precache = caches[precaches[0]!]!;
	expect(precache.urls).toContain('/shell');
	expect(precache.urls).toContain('/manifest.webmanifest');
	expect(precache.urls).toContain('/en/manifest.webmanifest');
	const chunks = await page.evaluate(
		async ({ urls, sq, en }) => {
			const texts: Record<string, boolean> = { sodium: false, sqLocale: false, enLocale: false };
			for (const url of urls.filter((u) => u.endsWith('.js'))) {
				const text = await (await fetch(url)).text();
				if (text.includes('libsodium')) texts.sodium = true;
				if (text.includes(sq)) texts.sqLocale = true;
				if (text.includes(en)) texts.enLocale = true;
			}
			return texts;
		},
		{
			urls: precache.urls,
			sq: L('sq', 'pwa', 'update.ready'),
			en: L('en', 'pwa', 'update.ready')
		}
	);
	expect(chunks).toEqual({ sodium: true, sqLocale: true, enLocale: true });
	console.log(`precache: ${precache.urls.length} files, ${(precache.bytes / 1024).toFixed(1)} KiB`);
	expect(precache.bytes).toBeLessThan(1.5 * 1024 * 1024);
	expect(caches['ura-data-v1']?.urls).toContain('/directory/snapshot.json');
	for (const { urls } of Object.values(caches)) {
		expect(urls.filter((u) => u.startsWith('/api/'))).toEqual([]);
	}
});

test('the web app manifest passes Chromium’s installability checks, in both languages', async ({
	baseURL
}) => {
	// Chromium never offers to install from an incognito-like context, which is what
	// Playwright's contexts are: this test uses a persistent profile of its own.
	const profile = mkdtempSync(join(tmpdir(), 'ura-install-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
	});
	const foreign: string[] = [];
	context.on('request', (r) => {
		if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
	});
	try {
		const page = await context.newPage();
		for (const lang of LANGS) {
			await page.goto(`${baseURL}${inLang(lang, '/')}`);
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors, lang).toEqual([]);
			const manifest = await cdp.send('Page.getAppManifest');
			expect(manifest.url).toMatch(
				lang === 'en' ? /\/en\/manifest\.webmanifest$/ : /[^n]\/manifest\.webmanifest$/
			);
			expect(manifest.errors).toEqual([]);
			expect(JSON.parse(manifest.data!)).toMatchObject({ name: 'Ura', lang });
			await cdp.detach();
		}
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	expect(foreign).toEqual([]);
});
