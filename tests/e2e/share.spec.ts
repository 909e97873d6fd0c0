import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { addNote, createNotebook, disclose, SQ, unlock } from './helpers/notebook';
import { recordPlaintexts } from './helpers/plaintexts';
import { startServer, type RunningServer } from './helpers/server';
import { L } from './locale';

/**
 * Sharing with a mentor, against an app instance of its own (embedded database in a fresh
 * directory), so that afterwards its whole database and its log can be searched for the
 * plaintext. The pages run on that instance's origin.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
const BASE = `http://127.0.0.1:${PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

const MARK = `PT${randomBytes(5).toString('hex')}`;
const SECRET = {
	note: `Adresa e strehës ${MARK}-1`,
	checklist: `Fotokopje ${MARK}-2`,
	burn: `Vetëm një herë ${MARK}-3`,
	revoked: `E anuluar ${MARK}-4`
};
const PASS = 'urë mbi lumin blu';
recordPlaintexts(MARK, ...Object.values(SECRET), PASS, 'Për mentoren', 'mentorja ime');

let server: RunningServer;
let dir: string;

/** Every share key made in this file, and every request any page sent (URL, headers, body). */
const KEYS: string[] = [];
const SENT: string[] = [];
const recorded = new WeakSet<BrowserContext>();
function record(context: BrowserContext) {
	if (recorded.has(context)) return;
	recorded.add(context);
	context.on('request', (r) =>
		SENT.push(`${r.url()}\n${JSON.stringify(r.headers())}\n${r.postData() ?? ''}`)
	);
}

test.beforeAll(async () => {
	// Under E2E_DATA_DIR when set, so the leak audit after the suite searches it too.
	dir = mkdtempSync(join(process.env.E2E_DATA_DIR ?? tmpdir(), 'ura-share-e2e-'));
	server = await startServer({ URA_DATA_DIR: dir }, PORT);
});

test.afterAll(async () => {
	await server?.stop();
	// Kept for the leak audit after the suite (scripts/test.sh), which deletes it then.
	if (process.env.E2E_KEEP_DATABASES !== '1') rmSync(dir, { recursive: true, force: true });
});

/** A second browser, like the mentor's phone: its own storage, no cookies, same app. */
async function mentorPage(browser: Browser) {
	const context = await browser.newContext({ baseURL: BASE });
	record(context);
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
	page.on('pageerror', (e) => problems.push(e.message));
	await context.route(
		(url) => url.origin !== BASE,
		(route) => {
			problems.push(`other origin: ${route.request().url()}`);
			return route.abort();
		}
	);
	return { page, context, problems };
}

async function share(page: Page, titles: string[], options: { burn?: boolean } = {}) {
	record(page.context());
	for (const title of titles)
		await page.getByRole('checkbox', { name: new RegExp(`^${title} \\(`) }).check();
	if (options.burn) await page.getByLabel(L('sq', 'notes', 'share.burn')).check();
	await page.getByRole('button', { name: L('sq', 'notes', 'share.submit') }).click();
	const link = await page.locator('#share-link').inputValue();
	expect(link).toMatch(new RegExp(`^${BASE}/link#[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}$`));
	KEYS.push(link.split('.').at(-1)!);
	return link;
}

test('a survivor shares notes; a mentor reads them in another browser and keeps them', async ({
	page,
	browser
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Për mentoren', SECRET.note);
	await page.getByRole('button', { name: SQ.newChecklist }).click();
	await page.getByLabel(SQ.title, { exact: true }).fill('Për takimin');
	await page.getByLabel(SQ.newItem).fill(SECRET.checklist);
	await page.getByRole('button', { name: SQ.save, exact: true }).click();
	const link = await share(page, ['Për mentoren', 'Për takimin']);
	await expect(page.getByText(/Kushdo që e ka këtë lidhje mund t’i lexojë/)).toBeVisible();

	const mentor = await mentorPage(browser);
	await mentor.page.goto(link);
	await expect(mentor.page.getByText(SECRET.note)).toBeVisible();
	await expect(mentor.page.getByText(SECRET.checklist)).toBeVisible();
	// Once read, the key leaves the address bar and the history entry.
	await expect(mentor.page).toHaveURL(`${BASE}/link`);
	expect(await axeViolations(mentor.page)).toEqual([]);

	// The mentor keeps them in a notebook of their own, on their device.
	await mentor.page.getByLabel(SQ.passphrase, { exact: true }).fill('mentorja ime e mirë');
	await mentor.page.getByLabel(SQ.again, { exact: true }).fill('mentorja ime e mirë');
	await mentor.page.getByRole('button', { name: SQ.create }).click();
	await mentor.page.getByRole('button', { name: L('sq', 'notes', 'open.saveSubmit') }).click();
	await expect(
		mentor.page.getByText(L('sq', 'notes', 'open.saved_other').replace('{{count}}', '2'))
	).toBeVisible();
	await mentor.page.goto('/notes');
	await unlock(mentor.page, 'mentorja ime e mirë');
	await expect(mentor.page.getByText(SECRET.note)).toBeVisible();
	expect(mentor.problems).toEqual([]);
	await mentor.context.close();
});

test('a revoked link cannot be opened any more', async ({ page, browser }) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Anulo', SECRET.revoked);
	const link = await share(page, ['Anulo']);
	const mentor = await mentorPage(browser);
	await mentor.page.goto(link);
	await expect(mentor.page.getByText(SECRET.revoked)).toBeVisible();

	await page
		.getByRole('button', { name: new RegExp(`^${L('sq', 'notes', 'links.revoke')}`) })
		.click();
	await expect(page.getByText('Lidhja u anulua. Askush nuk mund ta hapë më.')).toBeVisible();
	const again = await mentorPage(browser);
	await again.page.goto(link);
	await expect(again.page.getByText(/nuk janë më këtu/)).toBeVisible();
	await expect(again.page.locator('main')).not.toContainText(MARK);
	// Gone: the key has left the address bar all the same.
	await expect(again.page).toHaveURL(`${BASE}/link`);
	await mentor.context.close();
	await again.context.close();
});

test('deleting everything also revokes the links that are still live', async ({
	page,
	browser
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Fshi', `${MARK}-6`);
	const link = await share(page, ['Fshi']);
	await disclose(page, L('sq', 'notes', 'settings.deleteTitle'));
	await page.getByRole('button', { name: SQ.deleteAll, exact: true }).click();
	await page.getByRole('button', { name: SQ.deleteYes }).click();
	await expect(page.getByRole('heading', { name: SQ.createTitle })).toBeVisible();
	const mentor = await mentorPage(browser);
	await mentor.page.goto(link);
	await expect(mentor.page.getByText(/nuk janë më këtu/)).toBeVisible();
	await mentor.context.close();
});

test('a read-once link opens exactly once, and looking it up does not use it up', async ({
	page,
	browser,
	request
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Një herë', SECRET.burn);
	const link = await share(page, ['Një herë'], { burn: true });
	await expect(page.getByText(/një herë, deri më/)).toBeVisible();
	const id = /#([^.]+)\./.exec(link)![1]!;

	// A link preview (or anyone with the id) fetching the API sees no ciphertext.
	const peek = await request.get(`/api/shares/${id}`);
	expect(peek.status()).toBe(200);
	expect(await peek.json()).toEqual({ expiresAt: expect.any(String), burnAfterReading: true });

	const first = await mentorPage(browser);
	await first.page.goto(link);
	await expect(first.page.getByText(/hapen vetëm një herë/)).toBeVisible();
	// Before "Open now" is pressed, the key is already out of the address bar and history
	// entry; the page keeps it in memory only.
	await expect(first.page).toHaveURL(`${BASE}/link`);
	expect(await first.page.evaluate(() => location.hash)).toBe('');
	expect(await axeViolations(first.page)).toEqual([]);
	await first.page.getByRole('button', { name: L('sq', 'notes', 'open.openNow') }).click();
	await expect(first.page.getByText(SECRET.burn)).toBeVisible();
	await expect(first.page.getByText(/U fshinë nga serveri/)).toBeVisible();

	const second = await mentorPage(browser);
	await second.page.goto(link);
	await expect(second.page.getByText(/nuk janë më këtu/)).toBeVisible();
	await expect(second.page.locator('main')).not.toContainText(MARK);
	// The browser notes the 404 of the used-up share; nothing else may go wrong.
	expect(first.problems).toEqual([]);
	expect(second.problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
	await first.context.close();
	await second.context.close();
});

test('when the server cannot be reached, the key has already left the address bar; retry works', async ({
	page,
	browser
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Rrjeti', `${MARK}-7`);
	const link = await share(page, ['Rrjeti']);
	const mentor = await mentorPage(browser);
	await mentor.page.route('**/api/shares/**', (route) => route.abort('internetdisconnected'));
	await mentor.page.goto(link);
	await expect(mentor.page.getByRole('alert')).toHaveText(L('sq', 'notes', 'errors.network'));
	await expect(mentor.page).toHaveURL(`${BASE}/link`);
	await mentor.page.unroute('**/api/shares/**');
	await mentor.page.getByRole('button', { name: L('sq', 'notes', 'open.retry') }).click();
	await expect(mentor.page.getByText(`${MARK}-7`)).toBeVisible();
	expect(mentor.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
	await mentor.context.close();
});

test('a link whose key was changed shows one error and nothing of the notes', async ({
	page,
	browser
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Ndryshuar', `${MARK}-5`);
	const link = await share(page, ['Ndryshuar']);
	const last = link.at(-1) === 'A' ? 'B' : 'A';
	const mentor = await mentorPage(browser);
	await mentor.page.goto(link.slice(0, -1) + last);
	await expect(mentor.page.getByRole('alert')).toHaveText(L('sq', 'notes', 'errors.link_invalid'));
	await expect(mentor.page.locator('main')).not.toContainText(MARK);
	await mentor.page.goto('/link#abc');
	await expect(mentor.page.getByText(/Kjo lidhje nuk është e plotë/)).toBeVisible();
	await mentor.context.close();
});

test('the API answers bad requests with 4xx JSON that names the field', async ({ request }) => {
	const bad = async (res: Awaited<ReturnType<typeof request.post>>) => ({
		status: res.status(),
		...((await res.json()) as { error: object }).error
	});
	const envelope = Buffer.concat([Buffer.from([1, 1]), randomBytes(24 + 256 + 16)]).toString(
		'base64url'
	);
	const secret = randomBytes(32).toString('base64url');
	expect(
		await bad(
			await request.post('/api/shares', {
				data: { ciphertext: envelope, revokeSecret: secret, expiresInDays: 45 }
			})
		)
	).toMatchObject({ status: 400, code: 'invalid', field: 'expiresInDays' });
	expect(
		await bad(
			await request.post('/api/shares', { data: { ciphertext: 'x', revokeSecret: secret } })
		)
	).toMatchObject({ status: 400, field: 'ciphertext' });
	expect(
		await bad(
			await request.post('/api/shares', {
				headers: { 'content-type': 'application/json' },
				data: Buffer.from('{"ciphertext":')
			})
		)
	).toMatchObject({ status: 400, code: 'invalid_json' });
	expect(await bad(await request.get('/api/shares/not-an-id'))).toMatchObject({
		status: 400,
		field: 'id'
	});
	expect(
		await bad(await request.get(`/api/shares/${randomBytes(16).toString('base64url')}`))
	).toMatchObject({
		status: 404,
		code: 'not_found'
	});
	expect(
		await bad(
			await request.post(`/api/shares/${randomBytes(16).toString('base64url')}/revoke`, {
				data: { revokeSecret: secret }
			})
		)
	).toMatchObject({ status: 404 });
	const created = await request.post('/api/shares', {
		data: { ciphertext: envelope, revokeSecret: secret }
	});
	expect(created.status()).toBe(201);
	const { id, expiresAt } = (await created.json()) as { id: string; expiresAt: string };
	// Default: 7 days, rounded up to the hour.
	const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(7);
	expect(days).toBeLessThanOrEqual(7 + 1 / 24);
	expect(new Date(expiresAt).getUTCMinutes()).toBe(0);
	expect(
		(await request.post(`/api/shares/${id}/revoke`, { data: { revokeSecret: secret } })).status()
	).toBe(204);
});

function filesUnder(root: string): string[] {
	return readdirSync(root).flatMap((name) => {
		const path = join(root, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

test('the database and the server log hold none of the plaintext, no IP and no user agent', async () => {
	const log = server.output();
	expect(log).toContain('"route":"/api/shares"');
	await server.stop();
	// Every row of every table, as the database itself renders it …
	const { openDatabase } = await import('../../src/lib/server/db/client');
	const { sql } = await import('drizzle-orm');
	const { queryRows } = await import('../../src/lib/server/db/client');
	const handle = await openDatabase({ pgliteDir: join(dir, 'pglite') });
	let dump = '';
	try {
		const tables = await queryRows<{ schema: string; name: string }>(
			handle.db,
			sql`select table_schema as schema, table_name as name from information_schema.tables
				where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`
		);
		expect(tables.map((t) => t.name)).toContain('shares');
		for (const t of tables) {
			const rows = await queryRows<{ row: string }>(
				handle.db,
				sql.raw(`select row_to_json(t)::text as row from "${t.schema}"."${t.name}" t`)
			);
			dump += rows.map((r) => r.row).join('\n');
		}
	} finally {
		await handle.close();
	}
	expect(dump).toContain('revoke_hash');
	// … and every byte of the database files.
	const raw = filesUnder(dir).map((f) => readFileSync(f));
	for (const text of [MARK, ...Object.values(SECRET), 'Për mentoren', 'mentorja ime']) {
		expect(dump, `database rows contain ${text}`).not.toContain(text);
		for (const bytes of raw)
			expect(bytes.includes(Buffer.from(text)), `database files contain ${text}`).toBe(false);
		expect(log).not.toContain(text);
	}
	expect(log).not.toMatch(/HeadlessChrome|Mozilla|127\.0\.0\.1/);
	// The share keys (the part after "#") went nowhere: not in any request's URL, headers
	// (Referer included) or body, not in the log, not in the database.
	expect(KEYS.length).toBeGreaterThanOrEqual(6);
	expect(SENT.length).toBeGreaterThan(20);
	for (const key of KEYS) {
		expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
		for (const request of SENT) expect(request, 'a request carries a share key').not.toContain(key);
		expect(log).not.toContain(key);
		expect(dump).not.toContain(key);
		for (const bytes of raw)
			expect(bytes.includes(Buffer.from(key)), 'database files contain a share key').toBe(false);
	}
	// The shared e2e server (notebook tests) logged no plaintext either.
	const shared = readFileSync(process.env.E2E_SERVER_LOG!, 'utf8');
	expect(shared).not.toMatch(/PLAINTEXT|HeadlessChrome|Mozilla/);
});
