import { L } from './locale';
import { axeViolations, expect, test } from './fixtures';
import { LANGS, inLang } from './routes';

const SNAPSHOT = '/directory/snapshot.json';

/** A services string with its {{placeholders}} filled in. */
function S(lang: 'sq' | 'en', key: string, vars: Record<string, string> = {}): string {
	return L(lang, 'services', key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

async function openSearch(page: import('@playwright/test').Page, path = '/services') {
	const snapshot = page.waitForResponse((r) => r.url().endsWith(SNAPSHOT) && r.status() === 200);
	await page.goto(path);
	await snapshot;
	const box = page.locator('#directory-q');
	await expect(box).toBeEnabled();
	return box;
}

test('searching "kukes" finds the services in Kukës', async ({ page }) => {
	const box = await openSearch(page);
	await box.fill('kukes');
	const results = page.locator('.directory-search .service-card');
	await expect(results.first()).toBeVisible();
	await expect(
		results.filter({ hasText: 'Drejtoria rajonale e Shërbimit Social Shtetëror, Kukës' })
	).toHaveCount(1);
	await expect(results.filter({ hasText: 'Njësia e lëvizshme e Kukësit' })).toHaveCount(1);
	await expect(page.getByRole('status').filter({ hasText: /shërbim/ })).toBeVisible();
});

test('typing and filtering make no network request once the snapshot is loaded', async ({
	page,
	guard
}) => {
	const box = await openSearch(page);
	await page.waitForLoadState('networkidle');
	const before = guard.requests.length;
	await box.pressSequentially('strehez elbasan', { delay: 20 });
	await expect(page.locator('.directory-search .service-card').first()).toBeVisible();
	await box.fill('');
	await box.pressSequentially('Korçë', { delay: 20 });
	await page.getByText(L('sq', 'services', 'filters.title'), { exact: true }).click();
	await page.getByLabel('Fëmijë', { exact: true }).check();
	await page.getByLabel('Mosha', { exact: true }).fill('12');
	await page.getByLabel(/Vetëm shërbime falas/).check();
	await page.waitForTimeout(300);
	expect(guard.requests.slice(before)).toEqual([]);
});

test('a municipality with no listed service says so and shows the closest in its county', async ({
	page
}) => {
	await page.goto('/services/kavaje');
	await expect(page.getByTestId('no-local-service')).toHaveText(
		S('sq', 'place.noneNearest', { place: 'Kavajë', nearest: 'Tiranë' })
	);
	await expect(
		page.getByRole('heading', {
			name: S('sq', 'place.nearbyIn', { place: 'Tiranë' }),
			level: 2,
			exact: true
		})
	).toBeVisible();
	await page.goto('/en/services/kavaje');
	await expect(page.getByTestId('no-local-service')).toHaveText(
		S('en', 'place.noneNearest', { place: 'Kavajë', nearest: 'Tirana' })
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('municipality pages are served complete, in both languages', async ({ page, guard }) => {
		await page.goto('/services/kukes');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			S('sq', 'place.title', { place: 'Kukës' })
		);
		await expect(
			page.getByRole('heading', {
				name: S('sq', 'place.located', { place: 'Kukës' }),
				level: 2,
				exact: true
			})
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Njësia e lëvizshme e Kukësit' })).toBeVisible();
		await page.goto('/en/services/has');
		await expect(
			page.getByRole('heading', { name: S('en', 'place.covering', { place: 'Has' }), level: 2 })
		).toBeVisible();
		await page.getByRole('link', { name: 'Kukës mobile unit' }).click();
		await expect(page).toHaveURL(/\/en\/services\/s\/[0-9a-f-]{36}$/);
		// The only contact in the sources: the organisation's website, from a footnote.
		await expect(page.getByRole('link', { name: 'www.tjetervizion.org' })).toBeVisible();
		await expect(page.getByText(L('en', 'common', 'toConfirm.label'))).toBeVisible();
		await page.goto('/en/services/county/kukes');
		await page.getByRole('link', { name: 'National helpline for children' }).click();
		await expect(page.getByText('Our sources give no contact details')).toBeVisible();
		// No search without JavaScript (it would have to send the query): the page says so.
		await page.goto('/services');
		await expect(page.getByText(S('sq', 'search.noJs'))).toBeVisible();
		expect(guard.requests.some((u) => u.endsWith(SNAPSHOT))).toBe(false);
	});
});

for (const lang of LANGS) {
	test(`the search with results and filters open has no axe violations (${lang})`, async ({
		page
	}) => {
		const box = await openSearch(page, inLang(lang, '/services'));
		await box.fill(lang === 'sq' ? 'strehez' : 'shelter');
		await expect(page.locator('.directory-search .service-card').first()).toBeVisible();
		await page.locator('.filters summary').click();
		expect(await axeViolations(page)).toEqual([]);
	});

	test(`every municipality and county page answers in ${lang}`, async ({ request }) => {
		const res = await request.get(inLang(lang, '/services'));
		const html = await res.text();
		const links = [...html.matchAll(/href="([^"]*\/services\/(?:county\/)?[a-z-]+)"/g)].map(
			(m) => m[1]!
		);
		expect(new Set(links).size).toBe(61 + 12);
		for (const link of new Set(links)) {
			expect((await request.get(link)).status(), link).toBe(200);
		}
	});
}

test('a place name reads right after “në”: Malësi të Madhe, Vau të Dejës', async ({ page }) => {
	await page.goto('/services/malesi-e-madhe');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		S('sq', 'place.title', { place: 'Malësi të Madhe' })
	);
	await expect(page).toHaveTitle(`${S('sq', 'place.title', { place: 'Malësi të Madhe' })} · Ura`);
	await expect(page.getByTestId('no-local-service')).toHaveText(
		S('sq', 'place.noneNearest', { place: 'Malësi të Madhe', nearest: 'Shkodër' })
	);
	await expect(
		page.getByText(S('sq', 'place.everywhereHint', { place: 'Malësi të Madhe' }))
	).toBeVisible();
	await expect(page.locator('main')).not.toContainText(/\bnë (Malësi e Madhe|Vau i Dejës)/i);
	await page.goto('/services/vau-i-dejes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		S('sq', 'place.title', { place: 'Vau të Dejës' })
	);
	await page.goto('/en/services/malesi-e-madhe');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		S('en', 'place.title', { place: 'Malësi e Madhe' })
	);
});

test('the crisis centre shows the sourced name “Liliun”; “Lilium” finds it, flagged to check', async ({
	page
}) => {
	const box = await openSearch(page);
	await box.fill('Lilium');
	const name = 'Qendra e krizës “Liliun”';
	const card = page.locator('.directory-search .service-card').filter({ hasText: name });
	await expect(card).toHaveCount(1);
	await card.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(
		page.getByText('mund të njihet edhe si “Lilium”. Pyetni për t’u siguruar')
	).toBeVisible();
	await expect(page.locator('.to-confirm')).toBeVisible();
});

test('the kind filter says Strehëz for shelter and Banesë for housing', async ({ page }) => {
	await openSearch(page);
	await page.locator('.filters summary').click();
	await expect(page.getByLabel('Strehëz', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Banesë', { exact: true })).toBeVisible();
	await page.goto('/en/services');
	await page.locator('.filters summary').click();
	await expect(page.getByLabel('Shelter', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Housing', { exact: true })).toBeVisible();
});

test('service pages are addressed by UUID, with a neutral title', async ({ page }) => {
	await page.goto('/services/vlore');
	await page.getByRole('link', { name: 'Strehim dhe riintegrim në Vlorë' }).click();
	await expect(page).toHaveURL(/\/services\/s\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
	await expect(page).toHaveTitle('Shërbimi · Ura');
	await expect(page.getByText(S('sq', 'service.townOrVillageOnly'))).toBeVisible();
	await page.locator('.sources summary').click();
	await expect(page.locator('.sources li').first()).toBeVisible();
});

test('unknown places and services are 404s', async ({ request }) => {
	expect((await request.get('/services/atlantis')).status()).toBe(404);
	expect((await request.get('/services/county/atlantis')).status()).toBe(404);
	expect((await request.get('/services/s/00000000-0000-5000-8000-000000000000')).status()).toBe(
		404
	);
	expect((await request.get('/services/s/lgbti-shelter')).status()).toBe(404);
});

test('the snapshot is public, versioned and cacheable with an ETag', async ({ request }) => {
	const res = await request.get(SNAPSHOT);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('application/json');
	expect(res.headers()['cache-control']).toContain('public');
	const etag = res.headers()['etag']!;
	expect(etag).toMatch(/^"[\w-]+"$/);
	const body = (await res.json()) as { format: number; version: number; services: unknown[] };
	expect(body.format).toBe(1);
	expect(body.version).toBeGreaterThanOrEqual(1);
	expect(body.services.length).toBeGreaterThan(40);
	const again = await request.get(SNAPSHOT, { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
});

/** Presses Tab until `selector` has the focus; fails after `max` presses. */
async function tabTo(page: import('@playwright/test').Page, selector: string, max = 80) {
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

for (const lang of LANGS) {
	test(`search works with the keyboard alone: type, Tab to a result, Enter opens it (${lang})`, async ({
		page
	}) => {
		await openSearch(page, inLang(lang, '/services'));
		// From the top of the page, as a keyboard user arrives.
		await page.locator('body').focus();
		await tabTo(page, '#directory-q');
		await page.keyboard.type('kukes');
		const first = page.locator('.directory-search .service-card a').first();
		await expect(first).toBeVisible();
		const name = (await first.innerText()).trim();
		await tabTo(page, '.directory-search .service-card a');
		await expect(page.locator(':focus')).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(
			new RegExp(`${lang === 'en' ? '/en' : ''}/services/s/[0-9a-f-]{36}$`)
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	});
}
