import { readFileSync } from 'node:fs';
import { axeViolations, expect, test } from './fixtures';
import { addNote, createNotebook, disclose, dumpIndexedDb, SQ, unlock } from './helpers/notebook';
import { L } from './locale';

const PASS = 'lule mal kafe diell';

test('create a notebook, write, reload, unlock and read; storage holds no plaintext', async ({
	page
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Takimi me avokaten', 'E enjte ora 10, rruga PLAINTEXT-A1');
	await page.getByRole('button', { name: SQ.newChecklist }).click();
	await page.getByLabel(SQ.title, { exact: true }).fill('Dokumentet');
	for (const item of ['Pasaporta', 'Certifikata PLAINTEXT-A2']) {
		await page.getByLabel(SQ.newItem).fill(item);
		await page.keyboard.press('Enter');
	}
	await page.getByRole('button', { name: SQ.save, exact: true }).click();
	await expect(page.getByText('Certifikata PLAINTEXT-A2')).toBeVisible();

	const stored = await dumpIndexedDb(page);
	expect(stored).not.toMatch(/PLAINTEXT|Takimi|Dokumentet|Pasaporta|avokat/);
	// Neutral names: a database "ura-local" with stores "meta" and "items".
	expect(stored).toContain('db:ura-local');
	expect(stored.match(/^store:.*/gm)).toEqual(['store:items', 'store:meta']);

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Fletorja është e mbyllur' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('PLAINTEXT');
	await unlock(page, PASS);
	await expect(page.getByText('E enjte ora 10, rruga PLAINTEXT-A1')).toBeVisible();
	await expect(page.getByText('Certifikata PLAINTEXT-A2')).toBeVisible();
	// The address and the title never change with what the notebook holds.
	await expect(page).toHaveURL(/\/notes$/);
	expect(await page.title()).toBe('Shënimet e mia · Ura');
});

test('a wrong passphrase gives one calm message and nothing else', async ({ page }) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Sekret', 'PLAINTEXT-B1');
	await page.getByRole('button', { name: SQ.lock }).click();
	await unlock(page, 'lule mal kafe diel');
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText(SQ.wrong);
	await expect(page.getByRole('alert')).toHaveCount(1);
	await expect(page.getByLabel(SQ.passphrase, { exact: true })).toBeFocused();
	await expect(page.locator('main')).not.toContainText('PLAINTEXT-B1');
	await unlock(page, PASS);
	await expect(page.getByText('PLAINTEXT-B1')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('changing the passphrase: the new one opens, the old one does not, notes stay', async ({
	page
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Mbetet', 'PLAINTEXT-C1');
	await disclose(page, L('sq', 'notes', 'settings.changeTitle'));
	await page.getByLabel(L('sq', 'notes', 'settings.current')).fill(PASS);
	await page.getByLabel(L('sq', 'notes', 'settings.new'), { exact: true }).fill('yll i ri mbi det');
	await page.getByLabel(L('sq', 'notes', 'settings.newAgain')).fill('yll i ri mbi det');
	await page.getByRole('button', { name: L('sq', 'notes', 'settings.changeSubmit') }).click();
	await expect(
		page.getByRole('status').filter({ hasText: L('sq', 'notes', 'settings.changed') })
	).toBeVisible();
	await page.reload();
	await unlock(page, PASS);
	await expect(page.getByRole('alert')).toHaveText(SQ.wrong);
	await unlock(page, 'yll i ri mbi det');
	await expect(page.getByText('PLAINTEXT-C1')).toBeVisible();
});

test('export a backup, delete everything, restore it; and merge it into another notebook', async ({
	page,
	browser,
	baseURL
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Kopje', 'PLAINTEXT-D1');
	await disclose(page, L('sq', 'notes', 'settings.backupTitle'));
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: L('sq', 'notes', 'settings.backupSubmit') }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^ura-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const file = await download.path();
	const text = readFileSync(file, 'utf8');
	expect(text).not.toContain('PLAINTEXT');
	expect(text).not.toContain('Kopje');
	expect(JSON.parse(text)).toMatchObject({ format: 'ura-backup', version: 1 });

	await disclose(page, L('sq', 'notes', 'settings.deleteTitle'));
	await page.getByRole('button', { name: SQ.deleteAll, exact: true }).click();
	await page.getByRole('button', { name: SQ.deleteYes }).click();
	await expect(page.getByRole('heading', { name: SQ.createTitle })).toBeVisible();
	expect(await dumpIndexedDb(page)).not.toContain('store:items');

	await disclose(page, L('sq', 'notes', 'restore.title'));
	await page.getByLabel('Skedari i kopjes').setInputFiles(file);
	await page.getByLabel(L('sq', 'notes', 'settings.importPassphrase')).fill('jo ky fjalëkalim');
	await page.getByRole('button', { name: L('sq', 'notes', 'settings.importSubmit') }).click();
	await expect(page.getByRole('alert')).toHaveText(SQ.wrong);
	await page.getByLabel(L('sq', 'notes', 'settings.importPassphrase')).fill(PASS);
	await page.getByRole('button', { name: L('sq', 'notes', 'settings.importSubmit') }).click();
	await expect(page.getByText('PLAINTEXT-D1')).toBeVisible();

	// Another device with its own notebook adds the backup's notes to its own.
	const other = await browser.newContext({ baseURL });
	const page2 = await other.newPage();
	await createNotebook(page2, 'pajisje tjetër krejt');
	await disclose(page2, L('sq', 'notes', 'settings.importTitle'));
	await page2.getByLabel('Skedari i kopjes').setInputFiles(file);
	await page2.getByLabel(L('sq', 'notes', 'settings.importPassphrase')).fill(PASS);
	await page2.getByRole('button', { name: L('sq', 'notes', 'settings.importSubmit') }).click();
	await expect(
		page2.getByText(L('sq', 'notes', 'settings.imported_one').replace('{{count}}', '1'))
	).toBeVisible();
	await expect(page2.getByText('PLAINTEXT-D1')).toBeVisible();
	await page2.reload();
	await unlock(page2, 'pajisje tjetër krejt');
	await expect(page2.getByText('PLAINTEXT-D1')).toBeVisible();
	await other.close();
});

test('locks after the page is hidden for a while, and after five minutes without use', async ({
	page
}) => {
	await page.clock.install();
	await createNotebook(page, PASS);
	await addNote(page, 'Dil', 'PLAINTEXT-E1');

	// Hidden (another app, the phone locked) for more than a minute.
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await page.clock.fastForward('01:01');
	await expect(page.getByRole('heading', { name: 'Fletorja është e mbyllur' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('PLAINTEXT-E1');
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});

	// Five minutes without use.
	await unlock(page, PASS);
	await expect(page.getByText('PLAINTEXT-E1')).toBeVisible();
	await page.clock.fastForward('05:01');
	await expect(page.getByRole('heading', { name: 'Fletorja është e mbyllur' })).toBeVisible();
});

test('quick exit locks the notebook before the page is replaced', async ({ page }) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Dil', 'PLAINTEXT-E2');
	const exitUrl = (await page.getByTestId('quick-exit').getAttribute('href'))!;
	// The exit page is held back until the page being left has been looked at.
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await page.route(exitUrl, async (route) => {
		await held;
		await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Moti</title>' });
	});
	const leftBehind = await page.evaluate(async () => {
		(document.querySelector('[data-testid="quick-exit"]') as HTMLElement).click();
		await new Promise((r) => setTimeout(r, 50));
		return document.querySelector('main')!.innerText;
	});
	release();
	expect(leftBehind).toContain('Fletorja është e mbyllur');
	expect(leftBehind).not.toContain('PLAINTEXT-E2');
	await expect(page).toHaveURL(exitUrl);
});

test('the whole notebook works by keyboard alone', async ({ page }) => {
	await page.goto('/notes');
	await expect(page.getByLabel(SQ.passphrase, { exact: true })).toBeVisible();
	async function tabTo(name: string | RegExp, max = 40) {
		for (let i = 0; i < max; i++) {
			await page.keyboard.press('Tab');
			const label = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el) return '';
				const id = el.id;
				const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : '';
				return (label || el.textContent || '').trim();
			});
			if (typeof name === 'string' ? label === name : name.test(label)) return;
		}
		throw new Error(`could not reach ${name} by Tab`);
	}
	await tabTo(SQ.passphrase);
	await page.keyboard.type(PASS);
	await tabTo(SQ.again);
	await page.keyboard.type(PASS);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: SQ.notes, exact: true })).toBeFocused();
	await tabTo(SQ.newNote);
	await page.keyboard.press('Enter');
	await expect(page.getByLabel(SQ.title, { exact: true })).toBeFocused();
	await page.keyboard.type('Me tastierë');
	await page.keyboard.press('Tab');
	await page.keyboard.type('PLAINTEXT-F1');
	await tabTo(SQ.save);
	await page.keyboard.press('Enter');
	await expect(page.getByText('PLAINTEXT-F1')).toBeVisible();
	await page.keyboard.press('Shift+Tab');
	await tabTo(SQ.lock, 60);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Fletorja është e mbyllur' })).toBeVisible();
	await expect(page.getByLabel(SQ.passphrase, { exact: true })).toBeFocused();
	await page.keyboard.type(PASS);
	await page.keyboard.press('Enter');
	await expect(page.getByText('PLAINTEXT-F1')).toBeVisible();
});

for (const lang of ['sq', 'en'] as const) {
	test(`notebook screens have no axe violations (${lang})`, async ({ page }) => {
		const prefix = lang === 'en' ? '/en' : '';
		await page.goto(`${prefix}/notes`);
		await page.locator('#create-passphrase').waitFor();
		expect(await axeViolations(page), 'create').toEqual([]);
		// An error on the create form.
		await page.locator('#create-passphrase').fill('short');
		await page.locator('#create-again').fill('short');
		await page.locator('form[aria-labelledby="create-title"] button[type=submit]').click();
		await page.locator('#create-passphrase-error').waitFor();
		expect(await axeViolations(page), 'create error').toEqual([]);
		await page.locator('#create-passphrase').fill(PASS);
		await page.locator('#create-again').fill(PASS);
		await page.locator('form[aria-labelledby="create-title"] button[type=submit]').click();
		await page.locator('#notes-title').waitFor();
		await page.locator('.actions button').first().click();
		await page.locator('#entry-title').fill('A');
		expect(await axeViolations(page), 'editor').toEqual([]);
		await page.locator('#entry-body').fill('B');
		await page.locator('form[aria-labelledby="editor-title"] button[type=submit]').click();
		await page.locator('.entry').first().waitFor();
		for (const d of await page.locator('details').all()) await d.locator('summary').click();
		await page.locator('fieldset input[type=checkbox]').first().check();
		await page.locator('form:has(#share-days) button[type=submit]').click();
		await page.locator('#share-link').waitFor();
		expect(await axeViolations(page), 'unlocked, settings open, link made').toEqual([]);
		await page.locator('.session button').click();
		await page.locator('#unlock-passphrase').fill('wrong wrong');
		await page.locator('form[aria-labelledby="unlock-title"] button[type=submit]').click();
		await page.locator('#unlock-passphrase-error').waitFor();
		expect(await axeViolations(page), 'locked, wrong passphrase').toEqual([]);
	});
}

test('a reload revalidated from the HTTP cache (304) keeps the page’s own policy', async ({
	browser,
	baseURL,
	request
}) => {
	// The guarded context intercepts requests, which turns the HTTP cache off; this one does not.
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
	await page.goto('/notes');
	await expect(page.getByRole('heading', { name: SQ.createTitle })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: SQ.createTitle })).toBeVisible();
	expect(problems).toEqual([]);
	await context.close();
	// And directly: a 304 carries no Content-Security-Policy at all.
	const first = await request.get('/notes');
	const etag = first.headers()['etag']!;
	const again = await request.get('/notes', { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
	expect(again.headers()['content-security-policy']).toBeUndefined();
});
