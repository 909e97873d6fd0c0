import { axeViolations, expect, test } from './fixtures';
import { L } from './locale';
import { inLang, LANGS, PAGE_ROUTES } from './routes';

const REQUIRED_HEADERS = {
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff'
};

for (const lang of LANGS) {
	for (const route of PAGE_ROUTES) {
		const path = inLang(lang, route);

		test(`${path} answers 200 in ${lang}, with the shell, headers and no other origin`, async ({
			page,
			guard
		}) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);

			const headers = response!.headers();
			for (const [name, value] of Object.entries(REQUIRED_HEADERS))
				expect(headers[name]).toBe(value);
			const csp = headers['content-security-policy'] ?? '';
			expect(csp).toContain("default-src 'self'");
			expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("form-action 'self'");
			expect(headers['permissions-policy']).toContain('camera=()');
			expect(headers['permissions-policy']).toContain('geolocation=()');

			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.getByTestId('quick-exit')).toBeVisible();
			await expect(page.getByRole('navigation')).toBeVisible();
			const title = await page.title();
			expect(title).toMatch(/Ura/);
			// Neutral presence: nothing about trafficking in titles or URLs.
			expect(title.toLowerCase()).not.toMatch(/traffick|trafik|viktim|victim/);
			await page.waitForLoadState('networkidle');
			expect(guard.requests.length).toBeGreaterThan(0);
			for (const url of guard.requests)
				expect(new URL(url).origin).toBe(new URL(page.url()).origin);
		});

		test(`${path} has no axe violations in ${lang}`, async ({ page }) => {
			await page.goto(path);
			expect(await axeViolations(page)).toEqual([]);
		});
	}
}

test('static files carry the security headers too', async ({ request, page }) => {
	await page.goto('/');
	const cssHref = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
	const css = await request.get(new URL(cssHref!, page.url()).toString());
	expect(css.status()).toBe(200);
	expect(css.headers()['x-content-type-options']).toBe('nosniff');
	expect(css.headers()['referrer-policy']).toBe('no-referrer');
	expect(css.headers()['content-security-policy']).toContain("default-src 'none'");
});

test('/healthz says ok and nothing else', async ({ request }) => {
	const res = await request.get('/healthz');
	expect(res.status()).toBe(200);
	expect(res.headers()['cache-control']).toBe('no-store');
	expect(await res.json()).toEqual({ status: 'ok' });
});

test('an unknown address is a 404 page in the language of its path', async ({ page, guard }) => {
	guard.expectConsoleError(/status of 404/);
	const sq = await page.goto('/nuk-ekziston');
	expect(sq?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Faqja nuk u gjet');
	const en = await page.goto('/en/does-not-exist');
	expect(en?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('every main section is reachable by keyboard alone', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: L('sq', 'common', 'skipLink') })).toBeFocused();
	const names: string[] = [];
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		names.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
	}
	for (const key of ['entitlements', 'services', 'help', 'notes', 'returning', 'mentors']) {
		const label = L('sq', 'common', `nav.${key}`);
		expect(names).toContain(label);
	}
	// Enter on a focused nav link goes there.
	await page.getByRole('navigation').getByRole('link', { name: 'Shërbimet' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/services$/);
});
