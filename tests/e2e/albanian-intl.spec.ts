import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { L } from './locale';

/*
 * Chromium — on desktop and on Android, what most people in Albania browse with — ships no
 * Albanian locale data: there `Intl` silently writes English month names, "A, B, and C" and
 * the root alphabetical order. The server (Node, full ICU) writes Albanian, so without the
 * app's fallbacks an Albanian page would change language or order once the browser renders it.
 * These tests render in the browser (in-app navigation, the screener's steps) and compare with
 * what Node's own Albanian data says. (Amounts and their dates: entitlements-pages.spec.ts.)
 */

const MONTHS = Array.from({ length: 12 }, (_, i) =>
	new Intl.DateTimeFormat('sq', { month: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2000, i, 15))
	)
);
const albanianOrder = (names: string[]) => [...names].sort(new Intl.Collator('sq').compare);

async function hydrated(page: Page) {
	await expect(page.getByTestId('quick-exit')).toHaveAttribute('data-keys', 'on');
}

test('this Chromium has no Albanian Intl data (what the fallbacks are for)', async ({ page }) => {
	await page.goto('/');
	const supported = await page.evaluate(() => [
		Intl.DateTimeFormat.supportedLocalesOf('sq-AL').length,
		Intl.Collator.supportedLocalesOf('sq-AL').length,
		Intl.ListFormat.supportedLocalesOf('sq-AL').length
	]);
	// If a later Chromium ships the data, the fallbacks simply stop being used.
	test.skip(
		supported.some((n) => n > 0),
		'this Chromium has Albanian data'
	);
	expect(supported).toEqual([0, 0, 0]);
});

test('the screener names the months in Albanian', async ({ page }) => {
	await page.goto('/entitlements/check');
	await hydrated(page);
	await page.getByRole('button', { name: L('sq', 'entitlements', 'check.start') }).click();
	const answers: Record<string, string> = { age: '25_plus', safe_now: 'yes', abroad: 'returned' };
	for (let i = 0; i < 10; i++) {
		const id = await page.locator('[data-question]').getAttribute('data-question');
		if (id === 'returned_when') break;
		expect(answers[id!], `unexpected question ${id}`).toBeDefined();
		await page.locator(`[data-question] input[type=radio][value="${answers[id!]}"]`).check();
		await page.locator('form.screener-step button[type=submit]').click();
		await page.waitForFunction(
			(prev) => document.querySelector('[data-question]')?.getAttribute('data-question') !== prev,
			id
		);
	}
	const names = await page.locator('select#q-month option:not([value=""])').allTextContents();
	expect(names.map((n) => n.trim())).toEqual(MONTHS);
});

test('lists of places and words are in Albanian alphabetical order', async ({ page }) => {
	await page.goto('/');
	await hydrated(page);

	// The returning guide's municipality list (rendered in the browser).
	await page
		.getByRole('link', { name: L('sq', 'common', 'nav.returning') })
		.first()
		.click();
	const place = page.locator('#returning-municipality');
	await expect(place).toBeVisible();
	const municipalities = (await place.locator('option:not([value=""])').allTextContents()).map(
		(n) => n.trim()
	);
	expect(municipalities).toHaveLength(61);
	expect(municipalities).toEqual(albanianOrder(municipalities));
	// The letters that the root order gets wrong.
	expect(municipalities.indexOf('Gramsh')).toBeLessThan(municipalities.indexOf('Gjirokastër'));
	expect(municipalities.indexOf('Skrapar')).toBeLessThan(municipalities.indexOf('Shkodër'));

	// The glossary, reached from the footer.
	await page.getByRole('link', { name: L('sq', 'common', 'footer.glossary') }).click();
	await expect(page).toHaveURL(/\/glossary$/);
	await expect(page.locator('.glossary-list dfn').first()).toBeVisible();
	const terms = (await page.locator('.glossary-list dfn').allTextContents()).map((n) => n.trim());
	expect(terms.length).toBeGreaterThan(20);
	expect(terms).toEqual([...terms].sort(new Intl.Collator('sq', { sensitivity: 'base' }).compare));
});
