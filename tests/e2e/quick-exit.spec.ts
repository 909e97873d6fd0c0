import { expect, test } from './fixtures';

test('the quick exit button replaces the page with a neutral one', async ({ page, guard }) => {
	await page.goto('/');
	await page.goto('/entitlements');
	const href = (await page.getByTestId('quick-exit').getAttribute('href'))!;
	guard.allowNavigation(href);
	const before = await page.evaluate(() => history.length);
	await page.getByTestId('quick-exit').click();
	await expect(page).toHaveURL(href);
	// location.replace: the page that was left is gone from history, none was added.
	expect(await page.evaluate(() => history.length)).toBe(before);
	await page.goBack();
	await expect(page).not.toHaveURL(/\/entitlements/);
});

test('pressing Escape twice leaves too; once does not', async ({ page, guard }) => {
	await page.goto('/en/services');
	const href = (await page.getByTestId('quick-exit').getAttribute('href'))!;
	await expect(page.getByTestId('quick-exit')).toHaveAttribute('data-keys', 'on');
	guard.allowNavigation(href);
	await page.keyboard.press('Escape');
	await page.waitForTimeout(1200);
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/\/en\/services$/);
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(href);
});
