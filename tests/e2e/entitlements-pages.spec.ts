import { expect, test } from './fixtures';
import { L } from './locale';
import { inLang, LANGS } from './routes';

/*
 * The list of entitlements and each entitlement's page: readable without JavaScript, with
 * neutral codes in the URLs and neutral titles.
 */

const CODES = Array.from({ length: 33 }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const lang of LANGS) {
		test(`the list shows every entitlement with its conditions (${lang})`, async ({ page }) => {
			const res = await page.goto(inLang(lang, '/entitlements'));
			expect(res?.status()).toBe(200);
			const cards = page.locator('article.entitlement-card');
			await expect(cards).toHaveCount(CODES.length);
			for (const card of await cards.all()) {
				await expect(card.locator('h3 a')).toHaveAttribute('href', /\/entitlements\/e\d{2}$/);
				expect(await card.locator('ul.facts li').count()).toBeGreaterThan(0);
			}
			// Grouped by area, each group a section with a heading.
			expect(await page.locator('section.area h2').count()).toBe(9);
			// The date note names the badge the pages actually show.
			await expect(page.locator('p.notice')).toContainText(L(lang, 'common', 'toConfirm.label'));
		});

		test(`every entitlement page reads without JavaScript, with a neutral title (${lang})`, async ({
			page
		}) => {
			for (const code of CODES) {
				const res = await page.goto(inLang(lang, `/entitlements/${code}`));
				expect(res?.status(), code).toBe(200);
				expect(await page.title()).toBe(
					`${lang === 'sq' ? 'Mbështetja' : 'Support'} ${code.toUpperCase()} · Ura`
				);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
				expect(headings, code).toContain(L(lang, 'entitlements', 'detail.disclosure'));
				expect(headings, code).toContain(L(lang, 'entitlements', 'detail.apply'));
			}
		});

		test(`the check explains that it needs JavaScript and links to the list (${lang})`, async ({
			page
		}) => {
			await page.goto(inLang(lang, '/entitlements/check'));
			await expect(page.locator('main')).toContainText(
				lang === 'sq' ? 'ka nevojë për JavaScript' : 'needs JavaScript'
			);
			await page.getByRole('link', { name: L(lang, 'entitlements', 'check.toList') }).click();
			await expect(page).toHaveURL(new RegExp(`${lang === 'en' ? '/en' : ''}/entitlements$`));
		});
	}
});

test('addresses use codes only; an unknown or descriptive address is a 404', async ({
	page,
	guard
}) => {
	guard.expectConsoleError(/status of 404/);
	await page.goto('/entitlements');
	const hrefs = await page
		.locator('article.entitlement-card h3 a')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	for (const href of hrefs) {
		expect(href).toMatch(/^\/entitlements\/e\d{2}$/);
		expect(href).not.toMatch(/shelter|victim|traffick|trafik|strehez/i);
	}
	expect((await page.goto('/entitlements/e99'))?.status()).toBe(404);
	expect((await page.goto('/en/entitlements/shelter'))?.status()).toBe(404);
});

test('an entitlement page shows the amount with the date it applies from and its sources', async ({
	page
}) => {
	await page.goto('/en/entitlements/e01');
	const amounts = page.locator('.amounts');
	await expect(amounts).toContainText('Amount per month');
	await expect(amounts).toContainText('2021');
	await expect(amounts).toContainText(L('en', 'common', 'toConfirm.label'));
	await page.locator('details.sources summary').click();
	await expect(page.locator('details.sources li').first()).toContainText('Home Office');
});

test('amounts and their dates read as Albanian in Albanian, even though Chromium has no Albanian Intl data', async ({
	page
}) => {
	// Navigating inside the app renders the page in the browser, with Chromium's Intl.
	await page.goto('/entitlements');
	await page.waitForLoadState('networkidle');
	await page.locator('a[href="/entitlements/e01"]').first().click();
	await expect(page).toHaveURL(/\/entitlements\/e01$/u);
	const text = (await page.locator('.amounts').innerText()).replace(/\s/gu, ' ');
	expect(text).toContain('9 000 lekë');
	expect(text).not.toMatch(/ALL|9,000|Lekë/u);
	// The decision's month, as the sources date it (December 2021), in Albanian too.
	expect(text).toContain('dhjetor 2021');
	expect(text).not.toContain('December');
	expect(await page.evaluate(() => Intl.NumberFormat.supportedLocalesOf('sq').length)).toBe(0);
});
