/**
 * Safety promises of docs/threat-model.md that a browser can check: quick exit (button and
 * Esc Esc) with nothing left to go Back to, disguise, delete everything on this device,
 * neutral titles/previews/URLs, and logs without IPs or user agents.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Lang } from '../../src/lib/i18n/langs';
import { expect, test, type Guard } from './fixtures';
import { L } from './locale';
import { recordPlaintexts } from './helpers/plaintexts';
import { inLang, LANGS, PAGE_ROUTES } from './routes';

/** Words that must never appear in a title, preview or URL (Albanian and English stems). */
const SENSITIVE = /trafik|viktim|shfryt[eë]z|prostit|traffick|victim|exploit/i;

function foreign(guard: Guard, origin: string): string[] {
	return guard.requests.filter((u) => new URL(u).origin !== origin);
}

test('quick exit button: neutral page, nothing fetched elsewhere first, Back leaves no Ura page', async ({
	page,
	guard,
	baseURL
}) => {
	await page.goto('/');
	// In-app navigation, as a person would: it replaces the history entry.
	await page
		.getByRole('navigation')
		.getByRole('link', { name: L('sq', 'common', 'nav.notes') })
		.click();
	await expect(page).toHaveURL(/\/notes$/);
	const href = (await page.getByTestId('quick-exit').getAttribute('href'))!;
	expect(new URL(href).origin).not.toBe(baseURL);
	guard.allowNavigation(href);
	const before = await page.evaluate(() => history.length);
	await page.getByTestId('quick-exit').click();
	await expect(page).toHaveURL(href);
	await expect(page.locator('h1')).toHaveText('Weather');
	expect(await page.evaluate(() => history.length)).toBe(before);
	// The one request to another origin is the navigation itself.
	expect(foreign(guard, new URL(baseURL!).origin)).toEqual([href]);
	// Back: the entry before Ura (the blank start page), never an Ura page.
	await page.goBack();
	expect(page.url().startsWith(baseURL!)).toBe(false);
});

test('Esc pressed twice leaves from any page, in English too, and Back does not return', async ({
	page,
	guard,
	baseURL
}) => {
	await page.goto('/en/services');
	// Ura's own links replace the history entry (data-sveltekit-replacestate) once the app
	// runs; a click before that is a plain navigation that adds one, which Back would reach.
	// On a busy machine the click can come first, so wait for the page's script.
	await expect(page.getByTestId('quick-exit')).toHaveAttribute('data-keys', 'on');
	await page
		.getByRole('navigation')
		.getByRole('link', { name: L('en', 'common', 'nav.entitlements') })
		.click();
	await expect(page).toHaveURL(/\/en\/entitlements$/);
	const href = (await page.getByTestId('quick-exit').getAttribute('href'))!;
	guard.allowNavigation(href);
	// The keys work once the page's script runs; on a busy machine that can be after the URL.
	await expect(page.getByTestId('quick-exit')).toHaveAttribute('data-keys', 'on');
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(href);
	expect(foreign(guard, new URL(baseURL!).origin)).toEqual([href]);
	await page.goBack();
	expect(page.url().startsWith(baseURL!)).toBe(false);
});

/** Disguise off: the title, Ura's icons and the manifest of the page's language are back. */
async function expectUraLook(page: Page, lang: Lang, normalTitle: string) {
	await expect(page).toHaveTitle(normalTitle);
	await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\/favicon\.svg$/);
	await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
		'href',
		'/icons/apple-touch-icon.png'
	);
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
		'href',
		lang === 'en' ? '/en/manifest.webmanifest' : '/manifest.webmanifest'
	);
}

for (const lang of LANGS) {
	test(`disguise mode changes the title, icons and manifest, and survives navigation and reload (${lang})`, async ({
		page
	}) => {
		const name = L(lang, 'common', 'look.name');
		await page.goto(inLang(lang, '/settings'));
		const normalTitle = await page.title();
		expect(normalTitle).toContain('Ura');
		await page.getByLabel(L(lang, 'settings', 'look.toggle')).check();
		await expect(
			page.getByRole('status').filter({ hasText: L(lang, 'settings', 'look.on') })
		).toBeVisible();
		await expect(page).toHaveTitle(name);
		await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\/look\/moti\.svg$/);
		await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
			'href',
			'/look/moti-180.png'
		);
		const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(manifest).toBe(`/look/moti-${lang}.webmanifest`);
		const served = await (await page.request.get(manifest!)).json();
		expect(served.name).toBe(name);
		await expect(page.locator('.brand')).toContainText(name);
		await expect(page.locator('.brand')).not.toContainText('Ura');

		// Another page (client-side) and a full reload keep the disguise.
		await page
			.getByRole('navigation')
			.getByRole('link', { name: L(lang, 'common', 'nav.services') })
			.click();
		await expect(page).toHaveURL(/\/services$/);
		await expect(page).toHaveTitle(name);
		await page.reload();
		await expect(page).toHaveTitle(name);
		await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\/look\/moti\.svg$/);
		// Stored on this device only, under a neutral key.
		expect(await page.evaluate(() => localStorage.getItem('ura.look'))).toBe('moti');

		// And off again. The server renders the box unchecked and disabled (it cannot know the
		// choice); uncheck() would return at once on that, so wait until it shows the choice.
		await page.goto(inLang(lang, '/settings'));
		const toggle = page.getByLabel(L(lang, 'settings', 'look.toggle'));
		await expect(toggle).toBeEnabled();
		await expect(toggle).toBeChecked();
		await toggle.uncheck();
		await expectUraLook(page, lang, normalTitle);
	});
}

test('disguise on an installed Ura (pages from the service worker’s shell) turns off cleanly', async ({
	page
}) => {
	await page.goto('/en/settings');
	const normalTitle = await page.title();
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
	const toggle = page.getByLabel(L('en', 'settings', 'look.toggle'));
	await toggle.check();
	// From here every page is the shell, rendered in the browser: no server-rendered <title>.
	await page.goto('/en/services');
	await expect(page).toHaveTitle(L('en', 'common', 'look.name'));
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
		'href',
		'/look/moti-en.webmanifest'
	);
	await page.goto('/en/settings');
	await expect(toggle).toBeChecked();
	await toggle.uncheck();
	await expectUraLook(page, 'en', normalTitle);
});

test('delete everything on this device empties every kind of storage, after a confirm step', async ({
	page
}) => {
	const marker = `PLAINTEXT-clear-${Date.now()}`;
	recordPlaintexts(marker);
	await page.goto('/settings');
	// Fill every kind of storage this origin has, as the notebook, queues and the PWA would.
	await page.evaluate(async (m) => {
		localStorage.setItem('ura.lang', 'sq');
		localStorage.setItem('ura.look', 'moti');
		sessionStorage.setItem('draft', m);
		for (const name of ['ura-local', 'ura-queue']) {
			await new Promise<void>((resolve, reject) => {
				const r = indexedDB.open(name, 1);
				r.onupgradeneeded = () => r.result.createObjectStore('items');
				r.onsuccess = () => {
					const tx = r.result.transaction('items', 'readwrite');
					tx.objectStore('items').put(m, 'k');
					tx.oncomplete = () => (r.result.close(), resolve());
				};
				r.onerror = () => reject(r.error);
			});
		}
		const cache = await caches.open('ura-pages');
		await cache.put('/settings', new Response(m));
	}, marker);
	expect(await page.evaluate(() => indexedDB.databases().then((d) => d.length))).toBe(2);

	await page.getByTestId('clear-start').click();
	// Nothing happens before the confirmation, and focus moves to it.
	expect(await page.evaluate(() => localStorage.length)).toBe(2);
	await expect(page.getByTestId('clear-confirm')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('clear-status')).toHaveText(L('sq', 'settings', 'clear.done'));

	const left = await page.evaluate(async () => ({
		localStorage: localStorage.length,
		sessionStorage: sessionStorage.length,
		indexedDB: (await indexedDB.databases()).map((d) => d.name),
		caches: await caches.keys(),
		serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length
	}));
	expect(left).toEqual({
		localStorage: 0,
		sessionStorage: 0,
		indexedDB: [],
		caches: [],
		serviceWorkers: 0
	});
	// The disguise went with it.
	await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\/favicon\.svg$/);
});

test('cancel leaves everything as it was', async ({ page }) => {
	await page.goto('/en/settings');
	await page.evaluate(() => localStorage.setItem('ura.lang', 'en'));
	await page.getByTestId('clear-start').click();
	await page.getByRole('button', { name: L('en', 'settings', 'clear.cancel') }).click();
	await expect(page.getByTestId('clear-start')).toBeFocused();
	expect(await page.evaluate(() => localStorage.getItem('ura.lang'))).toBe('en');
});

test('titles, descriptions, share previews and URLs say nothing sensitive, in both languages', async ({
	request
}) => {
	const checked: string[] = [];
	for (const lang of LANGS) {
		for (const route of PAGE_ROUTES) {
			const path = inLang(lang, route);
			expect(path, 'URL path').not.toMatch(SENSITIVE);
			const html = await (await request.get(path)).text();
			const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
			expect(title, `${path} has a title`).not.toBe('');
			const previews = [
				...html.matchAll(
					/<meta\s+(?:name|property)="(description|og:[^"]+|twitter:[^"]+)"\s+content="([^"]*)"/g
				)
			];
			for (const text of [title, ...previews.map((m) => m[2]!)]) {
				expect(text, `${path}: title or preview`).not.toMatch(SENSITIVE);
				checked.push(text);
			}
		}
	}
	expect(checked.length).toBeGreaterThanOrEqual(PAGE_ROUTES.length * 2);
	// The disguise manifests and the icon files are neutral too.
	for (const file of ['moti-sq.webmanifest', 'moti-en.webmanifest']) {
		expect(readFileSync(`static/look/${file}`, 'utf8')).not.toMatch(SENSITIVE);
	}
});

test('the server log holds no user agent, forwarded address or query, even for errors', async ({
	request
}) => {
	const ua = `Mozilla/5.0 LeakProbe-${Date.now()} HeadlessChrome/1`;
	const ip = '203.0.113.77';
	const headers = { 'user-agent': ua, 'x-forwarded-for': ip, 'x-real-ip': ip };
	const probes = [
		request.get('/services?q=probe-query-text', { headers }),
		request.get('/en/no-such-page', { headers }),
		request.get('/api/shares/not-an-id', { headers }),
		request.post('/api/shares', {
			headers: { ...headers, 'content-type': 'application/json' },
			data: '{'
		}),
		request.post('/api/shares', {
			headers: { ...headers, 'content-type': 'application/json' },
			data: 'x'.repeat(300_000)
		}),
		request.delete('/healthz', { headers })
	];
	const statuses = (await Promise.all(probes)).map((r) => r.status());
	expect(statuses.filter((s) => s >= 500)).toEqual([]);
	// Give the server a moment to flush its log lines.
	await expect
		.poll(() => readFileSync(process.env.E2E_SERVER_LOG!, 'utf8').includes('"route":"/healthz"'))
		.toBe(true);
	const log = readFileSync(process.env.E2E_SERVER_LOG!, 'utf8');
	for (const needle of [ua, 'LeakProbe', ip, 'probe-query-text', 'not-an-id', 'no-such-page'])
		expect(log, needle).not.toContain(needle);
});

test('error answers carry the security headers too (404, 405, 413, 400)', async ({ request }) => {
	const answers = await Promise.all([
		request.get('/api/nothing-here'),
		request.delete('/healthz'),
		request.post('/api/shares/AAAAAAAAAAAAAAAAAAAAAA/open', {
			headers: { 'content-type': 'application/json' },
			data: '{}'
		}),
		request.post('/api/shares', { headers: { 'content-type': 'application/json' }, data: '{' })
	]);
	expect(answers.map((a) => a.status())).toEqual([404, 405, 413, 400]);
	for (const a of answers) {
		expect(a.headers()['x-content-type-options']).toBe('nosniff');
		expect(a.headers()['content-security-policy']).toContain("default-src 'none'");
		expect(a.headers()['content-type']).toMatch(/^application\/json/);
		const body = await a.json();
		expect(body.error.message.length).toBeGreaterThan(3);
	}
});

test('a state-changing request from another site is refused, whatever its type', async ({
	request,
	baseURL
}) => {
	const attempts = await Promise.all([
		request.post('/api/shares', {
			headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
			data: '{}'
		}),
		request.post('/api/shares/AAAAAAAAAAAAAAAAAAAAAA/revoke', {
			headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
			data: '{}'
		}),
		// A plain HTML form on another page, as a browser without Origin would send it.
		request.post('/api/shares', { form: { ciphertext: 'x' } })
	]);
	for (const a of attempts) {
		expect(a.status()).toBe(403);
		expect((await a.json()).error.code).toBe('cross_site');
	}
	// The same request from the app's own pages is fine (it reaches validation).
	const own = await request.post('/api/shares', {
		headers: {
			origin: new URL(baseURL!).origin,
			'content-type': 'application/json'
		},
		data: '{}'
	});
	expect(own.status()).toBe(400);
});
