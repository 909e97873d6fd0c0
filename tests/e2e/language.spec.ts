import { expect, test } from './fixtures';
import { L } from './locale';

test('Albanian is the default, at unprefixed addresses', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(L('sq', 'home', 'title'));
});

test('the language switch persists only in localStorage, never in a cookie', async ({
	page,
	context
}) => {
	await page.goto('/services');
	await page.getByRole('link', { name: /English/ }).click();
	await expect(page).toHaveURL(/\/en\/services$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services');
	expect(await page.evaluate(() => localStorage.getItem('ura.lang'))).toBe('en');
	expect(await context.cookies()).toEqual([]);

	// A new visit to an Albanian address follows the stored choice.
	await page.goto('/mentors');
	await expect(page).toHaveURL(/\/en\/mentors$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('For mentors');

	await page.getByRole('link', { name: /Shqip/ }).click();
	await expect(page).toHaveURL(/\/mentors$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
	expect(await page.evaluate(() => localStorage.getItem('ura.lang'))).toBe('sq');
	await page.goto('/');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
	expect(await context.cookies()).toEqual([]);
});

test('pages are rendered on the server in the language of their address', async ({ request }) => {
	const en = await (await request.get('/en/returning')).text();
	expect(en).toContain('<html lang="en"');
	expect(en).toContain('Returning to Albania');
	const sq = await (await request.get('/returning')).text();
	expect(sq).toContain('<html lang="sq"');
	expect(sq).toContain('Kthimi në Shqipëri');
});
