import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { startServer, type RunningServer } from './helpers/server';
import { L } from './locale';
import { inLang, LANGS } from './routes';

/**
 * Help requests end to end, against an app instance of its own (embedded database in a fresh
 * directory), so that afterwards its whole database and its log can be searched for the
 * plaintexts. Two browsers: the person asking for help, and a responder of Vatra.
 */
test.describe.configure({ mode: 'serial' });

const MARK = `HQ${randomBytes(5).toString('hex')}`;
const SECRET = {
	request: `Kam nevojë për një mjek në Vlorë ${MARK}-1`,
	reply: `Eja të mërkurën në ora 10 ${MARK}-2`,
	note: `Shënim i brendshëm ${MARK}-3`,
	offline: `Pa internet ${MARK}-4`,
	later: `E shkrova pa internet, e dërgova më vonë ${MARK}-5`,
	phone: `06${MARK.slice(2, 10)}`
};
const USER = 'drita.vatra';
const PASS = 'ura mbi lumin e kaltër';
const UA_MARK = 'UraProbe/7 (help-e2e)';

let server: RunningServer;
let dir: string;
let invite: string;
const tx = (key: string) => L('sq', 'help', key);

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ura-help-e2e-'));
	// The first admin's invitation, made by the CLI before the app starts (PGlite: one process).
	const cli = spawnSync('npx', ['tsx', 'scripts/responders/invite-admin.ts', '--org', 'vatra'], {
		env: { ...process.env, URA_DATA_DIR: dir, DATABASE_URL: '' },
		encoding: 'utf8'
	});
	expect(cli.status, cli.stderr).toBe(0);
	invite = /(\/inbox\/join#[A-Za-z0-9_-]{43})/.exec(cli.stdout)![1]!;
	server = await startServer({
		URA_DATA_DIR: dir,
		// Low enough to reach in a test; the other buckets keep their defaults.
		URA_RATE_HELP_REPLIES: '25/600'
	});
});

test.afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

type Browsing = { context: BrowserContext; page: Page; problems: string[] };

/** A browser of its own (storage, cookies), on the test instance, that refuses other origins. */
async function open(browser: Browser, allow: RegExp[] = []): Promise<Browsing> {
	const context = await browser.newContext({ baseURL: server.url, userAgent: UA_MARK });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' && !allow.some((a) => a.test(m.text()))) problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(e.message));
	await context.route(
		(url) => url.origin !== server.url,
		(route) => {
			problems.push(`other origin: ${route.request().url()}`);
			return route.abort();
		}
	);
	return { context, page, problems };
}

let responder: Browsing;

async function signIn(page: Page) {
	await page.goto('/inbox');
	await page.getByLabel(tx('inbox.signIn.username')).fill(USER);
	await page.getByLabel(tx('inbox.signIn.passphrase')).fill(PASS);
	await page.getByRole('button', { name: tx('inbox.signIn.submit') }).click();
	await expect(page.getByRole('button', { name: tx('inbox.signOut') })).toBeVisible();
}

async function fillRequest(page: Page, text: string) {
	await page.goto('/help');
	await page.getByLabel(tx('form.orgLabel')).selectOption('vatra');
	await page.getByLabel(tx('form.needs.health')).check();
	await page.getByLabel(tx('form.textLabel')).fill(text);
}

/** What a page going offline prints on the console: expected, not a problem. */
const OFFLINE_NOISE = /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/;

/** Writes a request and sends it with the connection gone: sealed and queued on the device. */
async function sendOffline({ page, context }: Browsing, text: string) {
	await fillRequest(page, text);
	// The page loaded its sealing code while online; then the connection goes.
	await expect(page.locator('form[data-crypto="ready"]')).toBeAttached();
	await context.setOffline(true);
	await page.getByRole('button', { name: tx('form.submit') }).click();
	await expect(page.getByText(tx('code.queued'))).toBeVisible();
}

/** The requests waiting in the outbox's database, as the page stores them. */
function outboxRecords(page: Page): Promise<unknown[]> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('ura-outbox');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const all = await new Promise<unknown[]>((resolve) => {
			const r = db.transaction('pending').objectStore('pending').getAll();
			r.onsuccess = () => resolve(r.result);
		});
		db.close();
		return all;
	});
}

test('the first admin of Vatra joins with the CLI’s one-time link', async ({ browser }) => {
	responder = await open(browser);
	const { page } = responder;
	await page.goto(invite);
	// The token leaves the address bar at once.
	await expect(page).toHaveURL(`${server.url}/inbox/join`);
	await page.getByLabel(tx('join.username')).fill(USER);
	await page.getByLabel(tx('join.passphrase'), { exact: true }).fill(PASS);
	await page.getByLabel(tx('join.again')).fill(PASS);
	await page.getByRole('button', { name: tx('join.submit') }).click();
	await expect(page.getByText(tx('join.done'))).toBeVisible();
	// Session cookie: HttpOnly, Secure (127.0.0.1 is a secure context), SameSite=Strict.
	const [cookie] = await responder.context.cookies();
	expect(cookie).toMatchObject({
		name: '__Host-ura_s',
		httpOnly: true,
		secure: true,
		sameSite: 'Strict'
	});
	await page.getByRole('link', { name: tx('join.toInbox') }).click();
	await expect(
		page.getByRole('heading', {
			name: L('sq', 'help', 'inbox.count_other').replace('{{count}}', '0')
		})
	).toBeVisible();
	await expect(page.getByTestId('org-fingerprint')).toContainText(/([0-9a-f]{4} ){7}[0-9a-f]{4}/);

	// The same link does not work twice.
	const again = await open(browser);
	await again.page.goto(invite);
	await again.page.getByLabel(tx('join.username')).fill('someone.else');
	await again.page.getByLabel(tx('join.passphrase'), { exact: true }).fill(PASS);
	await again.page.getByLabel(tx('join.again')).fill(PASS);
	await again.page.getByRole('button', { name: tx('join.submit') }).click();
	await expect(again.page.getByText(tx('join.errors.invite_invalid'))).toBeVisible();
	await again.context.close();
	// The snapshot now publishes Vatra's key and fingerprint.
	const snapshot = (await (await fetch(`${server.url}/directory/snapshot.json`)).json()) as {
		orgs: { key?: string; publicKey?: string; fingerprint?: string }[];
	};
	const vatra = snapshot.orgs.find((o) => o.key === 'vatra')!;
	expect(vatra.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
	expect(vatra.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
});

let code = '';

test('a survivor asks for help; the responder reads it, notes and replies; the survivor reads the reply with the code', async ({
	browser
}) => {
	const survivor = await open(browser);
	const { page } = survivor;
	await fillRequest(page, SECRET.request);
	await page.getByLabel(tx('form.contact.phone')).check();
	await page.getByLabel(tx('form.contactValue.phone')).fill(SECRET.phone);
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: tx('form.submit') }).click();
	await expect(page.getByText(tx('code.sent'))).toBeVisible();
	code = (await page.getByTestId('pickup-code').textContent())!.trim();
	expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{2}$/);
	expect(await axeViolations(page)).toEqual([]);
	// No cookie for the person asking for help.
	expect(await survivor.context.cookies()).toEqual([]);

	const { page: inbox } = responder;
	await inbox.getByRole('button', { name: tx('inbox.refresh') }).click();
	await expect(inbox.getByText(SECRET.request)).toBeVisible();
	await expect(inbox.getByText(SECRET.phone)).toBeVisible();
	await inbox.getByLabel(tx('inbox.notes.label')).fill(SECRET.note);
	await inbox.getByRole('button', { name: tx('inbox.notes.submit') }).click();
	await expect(inbox.getByText(SECRET.note)).toBeVisible();
	await inbox.getByLabel(tx('inbox.reply.label')).fill(SECRET.reply);
	await inbox.getByRole('button', { name: tx('inbox.reply.submit') }).click();
	await expect(inbox.getByText(tx('inbox.reply.sent'))).toBeVisible();
	await expect(inbox.getByLabel(tx('inbox.status.label'))).toHaveValue('in_progress');
	expect(await axeViolations(inbox)).toEqual([]);

	// Another device: only the code.
	const other = await open(browser);
	await other.page.goto('/help/replies');
	await expect(other.page.getByRole('button', { name: tx('replies.submit') })).toBeEnabled();
	// A mistyped code is caught by its check symbol, before anything is sent.
	const typo = code.slice(0, 3) + (code[3] === '7' ? '8' : '7') + code.slice(4);
	await other.page.getByLabel(tx('replies.codeLabel')).fill(typo);
	await other.page.getByRole('button', { name: tx('replies.submit') }).click();
	await expect(other.page.getByText(tx('replies.problem.check'))).toBeVisible();
	// Lower case and spaces are fine.
	await other.page
		.getByLabel(tx('replies.codeLabel'))
		.fill(code.toLowerCase().replaceAll('-', ' '));
	await other.page.getByRole('button', { name: tx('replies.submit') }).click();
	await expect(other.page.getByText(SECRET.reply)).toBeVisible();
	await expect(other.page).toHaveURL(`${server.url}/help/replies`);
	expect(await axeViolations(other.page)).toEqual([]);
	for (const b of [survivor, other]) expect(b.problems).toEqual([]);
	await survivor.context.close();
	await other.context.close();
});

for (const lang of LANGS) {
	test(`the form works with the keyboard alone, and the code screen takes the focus (${lang})`, async ({
		browser
	}) => {
		const b = await open(browser);
		const { page } = b;
		const say = (key: string) => L(lang, 'help', key);
		await page.goto(inLang(lang, '/help'));
		await expect(page.locator('form[data-crypto="ready"]')).toBeAttached();
		await page.getByLabel(say('form.orgLabel'), { exact: true }).focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.getByLabel(say('form.orgLabel'), { exact: true })).toHaveValue('vatra');
		await page.keyboard.press('Tab');
		await expect(page.getByLabel(say('form.needs.safe_place'))).toBeFocused();
		await page.keyboard.press('Space');
		for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
		await expect(page.getByLabel(say('form.textLabel'))).toBeFocused();
		await page.keyboard.type(`keyboard ${MARK}`);
		await page.keyboard.press('Tab'); // contact (one stop per radio group)
		await page.keyboard.press('Tab'); // language
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: say('form.submit') })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { name: say('code.title') })).toBeFocused();
		await expect(page.getByText(say('code.sent'))).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
		expect(b.problems).toEqual([]);
		await b.context.close();
	});
}

test('a wrong code and an empty mailbox get the same neutral answer', async ({ browser }) => {
	const b = await open(browser);
	await b.page.goto('/en/help/replies');
	await expect(
		b.page.getByRole('button', { name: L('en', 'help', 'replies.submit') })
	).toBeEnabled();
	// A valid code nobody used: 21 symbols and their check symbol.
	const { newPickupCode } = await import('../../src/lib/requests/code');
	await b.page
		.getByLabel(L('en', 'help', 'replies.codeLabel'))
		.fill(newPickupCode((n) => new Uint8Array(randomBytes(n))));
	await b.page.getByRole('button', { name: L('en', 'help', 'replies.submit') }).click();
	await expect(b.page.getByText(L('en', 'help', 'replies.none'))).toBeVisible();
	expect(await axeViolations(b.page)).toEqual([]);
	expect(b.problems).toEqual([]);
	await b.context.close();
});

test('sent while offline: queued on the device, delivered exactly once when back online', async ({
	browser
}) => {
	const survivor = await open(browser, [OFFLINE_NOISE]);
	const { page, context } = survivor;
	await sendOffline(survivor, SECRET.offline);
	// The queue holds ciphertext only.
	const queued = JSON.stringify(await outboxRecords(page));
	expect(queued).toContain('idempotencyKey');
	expect(queued).not.toContain(MARK);

	// Back online, but the first answer is lost on the way: the server stored the request,
	// the browser saw a failure and retries with the same idempotency key.
	let posts = 0;
	await context.route('**/api/help/requests', async (route) => {
		posts++;
		if (posts === 1) {
			await route.fetch();
			await route.abort('connectionreset');
		} else {
			await route.continue();
		}
	});
	await context.setOffline(false);
	await expect(page.getByText(tx('code.sent'))).toBeVisible({ timeout: 20_000 });
	expect(posts).toBe(2);

	const { page: inbox } = responder;
	await inbox.getByRole('button', { name: tx('inbox.refresh') }).click();
	await expect(inbox.getByText(SECRET.offline)).toHaveCount(1);
	expect(survivor.problems).toEqual([]);
	await context.close();
});

test('a request queued offline goes out when Ura is next open online, on any page', async ({
	browser
}) => {
	const survivor = await open(browser, [OFFLINE_NOISE]);
	const { page, context } = survivor;
	await sendOffline(survivor, SECRET.later);
	// The person closes the tab before the connection comes back.
	await page.close();

	// Later, online, they open Ura's home page, not the help form.
	await context.setOffline(false);
	let posts = 0;
	await context.route('**/api/help/requests', async (route) => {
		posts++;
		await route.continue();
	});
	const later = await context.newPage();
	await later.goto('/');
	const waiting = async () => (await outboxRecords(later)).length;
	await expect.poll(waiting, { timeout: 20_000 }).toBe(0);
	expect(posts).toBe(1);

	const { page: inbox } = responder;
	await inbox.getByRole('button', { name: tx('inbox.refresh') }).click();
	await expect(inbox.getByText(SECRET.later)).toHaveCount(1);

	// "Delete everything" removes the database; the page's listener must not bring it back,
	// empty, the next time the connection returns (that would show the form was used).
	const left = await later.evaluate(async () => {
		await new Promise<void>((resolve, reject) => {
			const r = indexedDB.deleteDatabase('ura-outbox');
			r.onsuccess = () => resolve();
			r.onerror = () => reject(r.error);
		});
		window.dispatchEvent(new Event('online'));
		await new Promise((resolve) => setTimeout(resolve, 1000));
		return (await indexedDB.databases()).map((d) => d.name);
	});
	expect(left).not.toContain('ura-outbox');
	expect(survivor.problems).toEqual([]);
	await context.close();
});

test('deleting with the code removes the request and its replies', async ({ browser }) => {
	const survivor = await open(browser);
	const { page } = survivor;
	await page.goto('/help/replies');
	await expect(page.getByRole('button', { name: tx('replies.submit') })).toBeEnabled();
	await page.getByLabel(tx('replies.codeLabel')).fill(code);
	await page.getByRole('button', { name: tx('replies.submit') }).click();
	await expect(page.getByText(SECRET.reply)).toBeVisible();
	await page.getByRole('button', { name: tx('replies.delete') }).click();
	await page.getByRole('button', { name: tx('replies.deleteYes') }).click();
	await expect(page.getByText(tx('replies.deleted'))).toBeVisible();
	await page.getByLabel(tx('replies.codeLabel')).fill(code);
	await page.getByRole('button', { name: tx('replies.submit') }).click();
	await expect(page.getByText(tx('replies.none'))).toBeVisible();

	// The responder signs out and in again: a wrong passphrase and an unknown username get
	// the same answer.
	const { page: inbox } = responder;
	await inbox.getByRole('button', { name: tx('inbox.signOut') }).click();
	for (const [user, pass] of [
		[USER, 'not the passphrase at all'],
		['nobody.here', PASS]
	]) {
		await inbox.getByLabel(tx('inbox.signIn.username')).fill(user!);
		await inbox.getByLabel(tx('inbox.signIn.passphrase')).fill(pass!);
		await inbox.getByRole('button', { name: tx('inbox.signIn.submit') }).click();
		await expect(inbox.getByText(tx('inbox.signIn.wrong'))).toBeVisible();
	}
	await signIn(inbox);
	await expect(inbox.getByText(SECRET.request)).toHaveCount(0);
	await expect(inbox.getByText(SECRET.offline)).toBeVisible();
	expect(survivor.problems).toEqual([]);
	await survivor.context.close();
});

test('the APIs refuse bad input with 4xx naming the field, cross-site writes, and too many tries', async () => {
	const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	const bad = await post('/api/help/requests', {
		lookupId: 'AAAAAAAAAAAAAAAAAAAAAA',
		items: [{ org: 'vatra', ciphertext: 'AAAA', idempotencyKey: 'AAAAAAAAAAAAAAAAAAAAAA' }]
	});
	expect(bad.status).toBe(400);
	expect(((await bad.json()) as { error: { field: string } }).error.field).toBe(
		'items.0.ciphertext'
	);
	// Responder endpoints: same Origin and the custom header, or 403.
	expect((await post('/api/responders/challenge', { username: 'x' })).status).toBe(403);
	expect(
		(
			await post(
				'/api/responders/challenge',
				{ username: 'x' },
				{ origin: 'https://evil.example', 'x-ura-csrf': '1' }
			)
		).status
	).toBe(403);
	expect((await fetch(`${server.url}/api/inbox`)).status).toBe(401);
	// The replies mailbox is rate-limited (25 per 10 minutes in this instance).
	let limited: Response | undefined;
	for (let i = 0; i < 30 && !limited; i++) {
		const res = await post('/api/help/replies', {
			lookupId: randomBytes(16).toString('base64url')
		});
		if (res.status === 429) limited = res;
		else expect(res.status).toBe(200);
	}
	expect(limited).toBeDefined();
	expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
});

function filesUnder(root: string): string[] {
	return readdirSync(root).flatMap((name) => {
		const path = join(root, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

test('the database and the server log hold none of the plaintexts, no IP and no user agent', async () => {
	await responder?.context.close();
	const log = server.output();
	expect(log).toContain('"route":"/api/help/requests"');
	await server.stop();
	const { openDatabase, queryRows } = await import('../../src/lib/server/db/client');
	const { sql } = await import('drizzle-orm');
	const handle = await openDatabase({ pgliteDir: join(dir, 'pglite') });
	let dump = '';
	try {
		const tables = await queryRows<{ schema: string; name: string }>(
			handle.db,
			sql`select table_schema as schema, table_name as name from information_schema.tables
				where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`
		);
		expect(tables.map((t) => t.name)).toContain('help_requests');
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
	expect(dump).toContain('lookup_hash');
	const raw = filesUnder(dir).map((f) => readFileSync(f));
	for (const text of [MARK, ...Object.values(SECRET), PASS]) {
		expect(dump, `database rows contain ${text}`).not.toContain(text);
		for (const bytes of raw)
			expect(bytes.includes(Buffer.from(text)), `database files contain ${text}`).toBe(false);
		expect(log).not.toContain(text);
	}
	for (const text of ['127.0.0.1', 'UraProbe', 'HeadlessChrome']) {
		expect(dump, `database rows contain ${text}`).not.toContain(text);
		expect(log).not.toContain(text);
	}
});
