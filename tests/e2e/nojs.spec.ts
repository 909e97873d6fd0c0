import { expect, test } from './fixtures';
import { inLang, LANGS, PAGE_ROUTES } from './routes';

test.use({ javaScriptEnabled: false });

for (const lang of LANGS) {
	test(`every page can be read and navigated without JavaScript (${lang})`, async ({ page }) => {
		for (const route of PAGE_ROUTES) {
			const res = await page.goto(inLang(lang, route));
			expect(res?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(20);
		}
		await page.goto(inLang(lang, '/'));
		const nav = page.getByRole('navigation');
		await nav.getByRole('link').nth(1).click();
		await expect(page).toHaveURL(new RegExp(`${lang === 'en' ? '/en' : ''}/services$`));
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
	});
}

test('the quick exit still works as a plain link without JavaScript', async ({ page, guard }) => {
	await page.goto('/');
	const href = await page.getByTestId('quick-exit').getAttribute('href');
	expect(href).toMatch(/^https:\/\//);
	guard.allowNavigation(href!);
	await page.getByTestId('quick-exit').click();
	await expect(page).toHaveURL(href!);
});
