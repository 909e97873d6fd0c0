import type { Browser, Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { L } from './locale';
import { inLang, LANGS } from './routes';

/*
 * A mentor builds a checklist for a mentee (/mentors/prepare): one kind of support from the
 * catalogue, one service found by the on-device search, one step in their own words; makes
 * an encrypted link. The mentee, in another browser, opens it, follows the links, keeps the
 * list in their own notebook and ticks an item off there. And "What to do next" on an
 * entitlement page is saved as a checklist too. The builder is driven by keyboard.
 */

type Lang = (typeof LANGS)[number];
const MENTOR_PASS = 'mentorja ka një fjalëkalim të gjatë';
const MENTEE_PASS = 'rruga e re drejt shtëpisë';

/** The mentee's phone: its own storage, with the same guard as the test's own context. */
async function menteePage(browser: Browser, baseURL: string) {
	const origin = new URL(baseURL).origin;
	const context = await browser.newContext({ baseURL });
	const problems: string[] = [];
	context.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
	context.on('weberror', (e) => problems.push(e.error().message));
	await context.route(
		(url) => url.origin !== origin,
		(route) => {
			problems.push(`other origin: ${route.request().url()}`);
			return route.abort();
		}
	);
	return { page: await context.newPage(), context, problems };
}

async function createNotebook(page: Page, lang: Lang, passphrase: string) {
	await page.getByLabel(L(lang, 'notes', 'passphrase'), { exact: true }).fill(passphrase);
	await page.getByLabel(L(lang, 'notes', 'passphraseAgain'), { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: L(lang, 'notes', 'create.submit') }).click();
}

async function unlockNotes(page: Page, lang: Lang, passphrase: string) {
	await page.goto(inLang(lang, '/notes'));
	await page.getByLabel(L(lang, 'notes', 'passphrase'), { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: L(lang, 'notes', 'unlock.submit') }).click();
	await expect(
		page.getByRole('heading', { name: L(lang, 'notes', 'list.title'), exact: true })
	).toBeVisible();
}

const m = (lang: Lang, key: string, vars: Record<string, string | number> = {}) =>
	Object.entries(vars).reduce(
		(s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)),
		L(lang, 'mentorlist', key)
	);

for (const lang of LANGS) {
	test(`a mentor builds a checklist and the mentee opens, keeps and ticks it (${lang})`, async ({
		page,
		browser,
		baseURL
	}) => {
		// Two devices, three notebooks opened with Argon2id, and axe five times: a long journey.
		test.setTimeout(180_000);
		const title = lang === 'sq' ? 'Hapat për këtë muaj' : 'Steps for this month';
		const step =
			lang === 'sq' ? 'Takohemi të martën në qendër' : 'We meet on Tuesday at the centre';
		const extra = lang === 'sq' ? 'Hap që do të hiqet' : 'A step to remove';

		// From the mentors' guide to the builder.
		await page.goto(inLang(lang, '/mentors'));
		await page.getByRole('link', { name: L(lang, 'mentors', 'ura.prepareLabel') }).click();
		await expect(page).toHaveURL(new RegExp(`${inLang(lang, '/mentors/prepare')}$`));
		const search = page.getByLabel(m(lang, 'serviceLabel'));
		await expect(search).toBeEnabled();
		expect(await axeViolations(page)).toEqual([]);

		// By keyboard: the title, a kind of support, a service, two steps.
		await page.getByLabel(m(lang, 'titleLabel')).focus();
		await page.keyboard.type(title);
		await page.keyboard.press('Tab');
		const select = page.getByLabel(m(lang, 'entitlementLabel'), { exact: true });
		await expect(select).toBeFocused();
		await select.selectOption('e01');
		const entitlementName = (await select.locator('option:checked').textContent())!.trim();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: m(lang, 'addEntitlement') })).toBeFocused();
		await page.keyboard.press('Enter');

		await search.focus();
		await page.keyboard.type('Vatra');
		const firstAdd = page
			.getByRole('button', { name: new RegExp(`^${m(lang, 'addNamed', { text: '' })}`) })
			.first();
		await expect(firstAdd).toBeVisible();
		const serviceName = (await page.locator('.hit-name').first().textContent())!.trim();
		await page.keyboard.press('Tab');
		await expect(firstAdd).toBeFocused();
		await page.keyboard.press('Enter');

		await page.getByLabel(m(lang, 'stepLabel'), { exact: true }).focus();
		await page.keyboard.type(step);
		await page.keyboard.press('Enter');
		await page.keyboard.type(extra);
		await page.keyboard.press('Enter');

		const list = page.locator('ol.built > li');
		await expect(list).toHaveCount(4);
		// Reorder by keyboard: the step moves up one place; focus stays with it.
		const up = page.getByRole('button', { name: m(lang, 'up', { text: step }) });
		await up.focus();
		await page.keyboard.press('Enter');
		await expect(list.nth(1)).toContainText(step);
		await expect(up).toBeFocused();
		// Remove by keyboard: focus goes to the next item's remove button, or the one before.
		await page.getByRole('button', { name: m(lang, 'remove', { text: extra }) }).focus();
		await page.keyboard.press('Enter');
		await expect(list).toHaveCount(3);
		await expect(page.locator('ol.built > li button:focus')).toHaveCount(1);
		await expect(list.nth(0)).toContainText(entitlementName);
		await expect(list.nth(1)).toContainText(step);
		await expect(list.nth(2)).toContainText(serviceName);

		// The link: the mentor has no notebook here yet, so one is made on the spot.
		await page.getByRole('button', { name: m(lang, 'makeLink') }).click();
		await createNotebook(page, lang, MENTOR_PASS);
		const url = page.locator('#builder-link-url');
		await expect(url).toHaveValue(
			new RegExp(`${inLang(lang, '/link')}#[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}$`)
		);
		const link = await url.inputValue();
		// The list never went to the server in the clear, nor into the address bar.
		expect(page.url()).not.toContain('#');
		expect(await axeViolations(page)).toEqual([]);

		// The mentee, on another device.
		const mentee = await menteePage(browser, baseURL!);
		await mentee.page.goto(link);
		await expect(mentee.page.getByRole('heading', { name: title })).toBeVisible();
		const entitlementLink = mentee.page.getByRole('link', { name: entitlementName });
		const serviceLink = mentee.page.getByRole('link', { name: serviceName });
		await expect(entitlementLink).toHaveAttribute('href', inLang(lang, '/entitlements/e01'));
		await expect(serviceLink).toHaveAttribute(
			'href',
			new RegExp(`^${inLang(lang, '/services/s/')}[0-9a-f-]{36}$`)
		);
		await expect(mentee.page.getByText(step)).toBeVisible();
		await expect(mentee.page.getByRole('link', { name: step })).toHaveCount(0);
		for (const l of [entitlementLink, serviceLink]) {
			const res = await mentee.page.request.get((await l.getAttribute('href'))!);
			expect(res.status()).toBe(200);
		}
		expect(await axeViolations(mentee.page)).toEqual([]);

		// Kept in the mentee's own notebook, and ticked off there.
		await createNotebook(mentee.page, lang, MENTEE_PASS);
		await mentee.page.getByRole('button', { name: L(lang, 'notes', 'open.saveSubmit') }).click();
		await expect(
			mentee.page.getByText(L(lang, 'notes', 'open.saved_one').replace('{{count}}', '1'))
		).toBeVisible();
		await unlockNotes(mentee.page, lang, MENTEE_PASS);
		await expect(mentee.page.getByRole('heading', { name: title })).toBeVisible();
		await mentee.page.getByRole('checkbox', { name: step }).check();
		await expect(mentee.page.getByRole('checkbox', { name: step })).toBeChecked();
		expect(await axeViolations(mentee.page)).toEqual([]);
		await unlockNotes(mentee.page, lang, MENTEE_PASS);
		await expect(mentee.page.getByRole('checkbox', { name: step })).toBeChecked();
		await expect(mentee.page.getByRole('checkbox', { name: entitlementName })).not.toBeChecked();

		// The item's link opens the entitlement's page, where the next steps can be saved too.
		await mentee.page
			.getByRole('link', {
				name: L(lang, 'notes', 'list.openItem').replace('{{text}}', entitlementName)
			})
			.click();
		await expect(mentee.page).toHaveURL(new RegExp(`${inLang(lang, '/entitlements/e01')}$`));
		await expect(mentee.page.getByRole('heading', { level: 1 })).toHaveText(entitlementName);
		const save = mentee.page.getByRole('button', {
			name: L(lang, 'entitlements', 'nextSteps.save')
		});
		await save.click();
		const unlock = mentee.page.getByRole('button', { name: L(lang, 'notes', 'unlock.submit') });
		if (await unlock.isVisible()) {
			await mentee.page
				.getByLabel(L(lang, 'notes', 'passphrase'), { exact: true })
				.fill(MENTEE_PASS);
			await unlock.click();
		}
		await expect(mentee.page.getByText(L(lang, 'notes', 'saveTo.saved'))).toBeVisible();
		expect(await axeViolations(mentee.page)).toEqual([]);

		const nextTitle = L(lang, 'entitlements', 'nextSteps.savedTitle').replace(
			'{{name}}',
			entitlementName
		);
		await unlockNotes(mentee.page, lang, MENTEE_PASS);
		const entry = mentee.page.locator('article.entry', {
			has: mentee.page.getByRole('heading', { name: nextTitle })
		});
		await expect(entry).toBeVisible();
		const boxes = entry.getByRole('checkbox');
		expect(await boxes.count()).toBeGreaterThan(1);
		await boxes.nth(1).check();
		await expect(boxes.nth(1)).toBeChecked();
		// Its first item links back to the entitlement's page, where the sources are.
		await expect(entry.getByRole('link').first()).toHaveAttribute(
			'href',
			inLang(lang, '/entitlements/e01')
		);

		expect(mentee.problems).toEqual([]);
		await mentee.context.close();
	});
}

for (const lang of LANGS) {
	test(`the list builder works offline once Ura is installed; only the link needs the internet (${lang})`, async ({
		page,
		context,
		guard
	}) => {
		test.setTimeout(120_000);
		// Offline, the failed share request is logged by the browser; that is the point here.
		guard.expectConsoleError(/Failed to (load resource|fetch)|ERR_INTERNET_DISCONNECTED/);
		const step = lang === 'sq' ? 'Shkojmë bashkë te zyra' : 'We go to the office together';

		// One visit online installs Ura; then the connection goes.
		await page.goto(inLang(lang, '/mentors'));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000
		});
		await context.setOffline(true);
		await page.goto(inLang(lang, '/mentors/prepare'));
		await expect(page.getByText(m(lang, 'linkOnline'))).toBeVisible();

		// Kinds of support, services (the directory on the device) and own steps, all offline.
		const select = page.getByLabel(m(lang, 'entitlementLabel'), { exact: true });
		await select.selectOption('e01');
		await page.getByRole('button', { name: m(lang, 'addEntitlement') }).click();
		const search = page.getByLabel(m(lang, 'serviceLabel'));
		await expect(search).toBeEnabled();
		await search.fill('Vatra');
		await page
			.getByRole('button', { name: new RegExp(`^${m(lang, 'addNamed', { text: '' })}`) })
			.first()
			.click();
		await page.getByLabel(m(lang, 'stepLabel'), { exact: true }).fill(step);
		await page.getByRole('button', { name: m(lang, 'addStep') }).click();
		await expect(page.locator('ol.built > li')).toHaveCount(3);

		// Saved in a notebook created here, offline.
		await page.getByRole('button', { name: m(lang, 'save') }).click();
		await createNotebook(page, lang, MENTOR_PASS);
		await expect(page.getByText(L(lang, 'notes', 'saveTo.saved'))).toBeVisible();

		// The link cannot be made offline: a plain message, and the list is still there.
		await page.getByRole('button', { name: m(lang, 'makeLink') }).click();
		await expect(page.getByRole('alert')).toHaveText(L(lang, 'notes', 'errors.network'));
		await expect(page.locator('ol.built > li')).toHaveCount(3);
		expect(await axeViolations(page)).toEqual([]);

		// In the notes, offline too.
		await unlockNotes(page, lang, MENTOR_PASS);
		await expect(page.getByRole('checkbox', { name: step })).toBeVisible();
		await context.setOffline(false);
	});
}
