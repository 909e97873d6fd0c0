import { spawn, type ChildProcess } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { signRelease, writeReleaseManifest } from '../../scripts/release/lib';
import { expect, test } from './fixtures';
import { L } from './locale';

// Deploys several releases of Ura, one after the other, at the same address: the build under
// test (A), and copies of it that are a new release (B), a release whose libsodium chunk was
// altered after signing, and a release whose service worker was swapped without a signature.
// They are signed with this run's throwaway key (playwright.config.ts).

type Server = { child: ChildProcess; stop(): Promise<void> };
const made: string[] = [];

function copyRelease(name: string): string {
	const root = mkdtempSync(join(tmpdir(), `ura-pwa-${name}-`));
	made.push(root);
	cpSync('build', join(root, 'build'), { recursive: true });
	cpSync('package.json', join(root, 'package.json'));
	mkdirSync(join(root, 'scripts'));
	cpSync('scripts/serve.js', join(root, 'scripts/serve.js'));
	mkdirSync(join(root, 'src/lib/server/http'), { recursive: true });
	cpSync(
		'src/lib/server/http/security-headers.js',
		join(root, 'src/lib/server/http/security-headers.js')
	);
	for (const dir of ['node_modules', 'drizzle']) symlinkSync(resolve(dir), join(root, dir));
	// Without the precompressed twins, the server sends the files as they are on disk, edits included.
	for (const file of filesUnder(join(root, 'build'))) {
		if (/\.(gz|br)$/.test(file)) rmSync(file);
	}
	return root;
}

/** A new release: the same files, but a service worker with another version (new caches). */
function bumpServiceWorker(root: string) {
	const sw = join(root, 'build/client/service-worker.js');
	const { version } = JSON.parse(readFileSync('build/client/_app/version.json', 'utf8')) as {
		version: string;
	};
	const text = readFileSync(sw, 'utf8');
	expect(text).toContain(version);
	writeFileSync(sw, text.split(version).join(`${version}9`));
}

async function sign(root: string) {
	await writeReleaseManifest(join(root, 'build'));
	signRelease(join(root, 'build'), readFileSync(process.env.URA_RELEASE_KEY_FILE!, 'utf8'));
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => join(dir, f))
		.filter((f) => statSync(f).isFile());
}

/**
 * A release whose libsodium chunk is new (renamed, so the browser has no copy of it yet):
 * returns its path. Every reference to it is rewritten.
 */
function newSodiumChunk(root: string): string {
	const dir = join(root, 'build/client/_app/immutable/chunks');
	const chunk = readdirSync(dir).find(
		(f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('libsodium')
	);
	expect(chunk).toBeTruthy();
	const renamed = `sodium-${chunk}`;
	for (const file of filesUnder(join(root, 'build'))) {
		if (!/\.(js|json|html)$/.test(file)) continue;
		const text = readFileSync(file, 'utf8');
		if (text.includes(chunk!)) writeFileSync(file, text.split(chunk!).join(renamed));
	}
	renameSync(join(dir, chunk!), join(dir, renamed));
	return join(dir, renamed);
}
async function serve(root: string, port: number, dataDir: string): Promise<Server> {
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			DATABASE_URL: '',
			URA_DATA_DIR: dataDir,
			URA_LOG_LEVEL: 'warn'
		},
		stdio: 'ignore'
	});
	const deadline = Date.now() + 90_000;
	for (;;) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
		} catch {
			// starting
		}
		if (child.exitCode !== null || Date.now() > deadline) throw new Error('server did not start');
		await new Promise((r) => setTimeout(r, 250));
	}
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	return {
		child,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

async function precaches(page: Page): Promise<string[]> {
	return page.evaluate(async () =>
		(await caches.keys()).filter((n) => n.startsWith('ura-precache-'))
	);
}

async function checkForUpdate(page: Page) {
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

// The releases are served at an address of their own (the guard treats any other origin as
// foreign): the suite's port + 1000, so parallel checkouts with their own E2E_PORT do not clash.
const port = Number(process.env.E2E_PORT ?? 4173) + 1000;
test.use({ baseURL: `http://127.0.0.1:${port}` });
let dataDir: string;
let current: Server | undefined;

test.beforeEach(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'ura-pwa-data-'));
	made.push(dataDir);
});

test.afterEach(async () => {
	await current?.stop();
	current = undefined;
});

test.afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function deploy(root: string) {
	await current?.stop();
	current = await serve(root, port, dataDir);
}

async function installFirst(page: Page, path: string) {
	await page.goto(`http://127.0.0.1:${port}${path}`);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
	return precaches(page);
}

test.describe.configure({ timeout: 180_000 });

test('a new release waits for the person: the prompt appears, typed text survives, reload is their choice, old caches go', async ({
	page
}) => {
	const a = copyRelease('a');
	const b = copyRelease('b');
	bumpServiceWorker(b);
	await sign(b);

	await deploy(a);
	const before = await installFirst(page, '/services');
	expect(before).toHaveLength(1);
	const box = page.locator('#directory-q');
	await expect(box).toBeEnabled();
	await box.fill('strehë për gra');
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

	await deploy(b);
	await checkForUpdate(page);
	const prompt = page.locator('.update-prompt');
	await expect(prompt).toContainText(L('sq', 'pwa', 'update.ready'));
	await expect(page.getByRole('status').filter({ has: prompt })).toBeVisible();
	// Nothing reloads by itself: the text and the page's memory are still there.
	await page.waitForTimeout(3000);
	await expect(box).toHaveValue('strehë për gra');
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/pwa-update-prompt-sq.png' });

	// Keyboard: the button is reachable and says what it does.
	const reload = page.getByRole('button', { name: L('sq', 'pwa', 'update.reload') });
	await reload.focus();
	await expect(reload).toBeFocused();

	// The English page shows the same prompt in English (client-side language switch).
	await page.getByRole('link', { name: 'English' }).click();
	await expect(prompt).toContainText(L('en', 'pwa', 'update.ready'));
	await page.screenshot({ path: 'test-results/pwa-update-prompt-en.png' });

	const navigated = page.waitForEvent('framenavigated');
	await page.getByRole('button', { name: L('en', 'pwa', 'update.reload') }).click();
	await navigated;
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await expect(page.locator('main h1')).toBeVisible();
	const after = await precaches(page);
	expect(after).toHaveLength(1);
	expect(after[0]).not.toBe(before[0]);
	expect(after[0]).toBe(`${before[0]}9`);
});

test('a release whose crypto chunk was altered after signing is refused: a warning, and the old version keeps working', async ({
	page,
	guard
}) => {
	// The refused service worker's failed install is reported by the browser.
	guard.expectConsoleError(/service ?worker|Failed to (load|fetch)/i);
	const a = copyRelease('a');
	const c = copyRelease('tampered');
	bumpServiceWorker(c);
	const sodium = newSodiumChunk(c);
	await sign(c);
	// Altered after signing: the attack the signature is there to catch.
	appendFileSync(sodium, '\n/* altered */\n');

	await deploy(a);
	const before = await installFirst(page, '/en/entitlements');
	await deploy(c);
	await checkForUpdate(page).catch(() => undefined);
	await expect(page.getByRole('alert')).toContainText(L('en', 'pwa', 'refused.title'));
	await expect(page.locator('.update-prompt')).toHaveCount(0);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/pwa-update-refused-en.png' });
	const state = await page.evaluate(async () => {
		const r = await navigator.serviceWorker.getRegistration();
		return { waiting: !!r?.waiting, installing: !!r?.installing, active: !!r?.active };
	});
	expect(state).toEqual({ waiting: false, installing: false, active: true });
	expect(await precaches(page)).toEqual(before);
	// The version in use still works, in Albanian too.
	await page.getByRole('link', { name: 'Shqip' }).click();
	await expect(page.getByRole('alert')).toContainText(L('sq', 'pwa', 'refused.title'));
	await page.screenshot({ path: 'test-results/pwa-update-refused-sq.png' });
	await page.goto(`http://127.0.0.1:${port}/entitlements/e01`);
	await expect(page.locator('main h1')).toBeVisible();
});

test('a service worker swapped without a signature is not offered, and the person is warned', async ({
	page
}) => {
	const a = copyRelease('a');
	const d = copyRelease('unsigned-sw');
	// The swapped worker itself installs (its files match the old signed manifest), so it is
	// the page — still running the trusted version — that catches it.
	bumpServiceWorker(d);

	await deploy(a);
	await installFirst(page, '/');
	await deploy(d);
	await checkForUpdate(page);
	await expect(page.getByRole('alert')).toContainText(L('sq', 'pwa', 'refused.title'));
	await expect(page.locator('.update-prompt')).toHaveCount(0);
});
