import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { L } from './locale';
import { inLang } from './routes';

/*
 * What the screener's results add from other parts of the app: the directory's services near
 * the person ("who can help you"), saving the results into the encrypted notebook, and sharing
 * them with a mentor through an encrypted link. Still no request from the first question to
 * the results; saving and sharing happen only when asked.
 */

const DIVJAKE: Record<string, string> = {
	age: '25_plus',
	safe_now: 'yes',
	abroad: 'no',
	municipality: 'divjake',
	civil_registry: 'yes',
	housing: 'shelter',
	work: 'no',
	economic_aid: 'no',
	children: 'no',
	status_paper: 'yes',
	legal_case: 'no',
	gender: 'woman'
};

/** Answers the screener (prefer not to say where `answers` has nothing); returns the
 * requests made between the first question and the results. */
async function complete(
	page: Page,
	lang: 'sq' | 'en',
	answers: Record<string, string>,
	requests: string[]
): Promise<string[]> {
	// The page asks for the directory as it opens, before the first question.
	const directory = page.waitForResponse((r) => r.url().endsWith('/directory/snapshot.json'));
	await page.goto(inLang(lang, '/entitlements/check'));
	await directory;
	await page.getByRole('button', { name: L(lang, 'entitlements', 'check.start') }).click();
	const atFirstQuestion = requests.length;
	for (let i = 0; i < 25; i++) {
		const step = page.locator('[data-question]');
		if ((await page.locator('form.screener-step').count()) === 0) break;
		const id = (await step.getAttribute('data-question'))!;
		const answer = answers[id] ?? 'prefer_not';
		if ((await step.locator('select#q-municipality').count()) > 0)
			await step.locator('select').selectOption(answer);
		else if ((await step.locator(`input[value="${answer}"]`).count()) > 0)
			await step.locator(`input[value="${answer}"]`).check();
		else {
			await page.getByRole('button', { name: L(lang, 'entitlements', 'check.preferNot') }).click();
			await page.waitForFunction(
				(prev) => document.querySelector('[data-question]')?.getAttribute('data-question') !== prev,
				id
			);
			continue;
		}
		await page.locator('form.screener-step button[type=submit]').click();
		await page.waitForFunction(
			(prev) => document.querySelector('[data-question]')?.getAttribute('data-question') !== prev,
			id
		);
	}
	await expect(page.locator('#results-heading')).toBeFocused();
	return requests.slice(atFirstQuestion);
}

for (const lang of ['sq', 'en'] as const) {
	test(`results list the directory's services near the person, with no request (${lang})`, async ({
		page,
		guard
	}) => {
		expect(await complete(page, lang, DIVJAKE, guard.requests)).toEqual([]);

		const near = page.locator('.near-you');
		expect(await near.count()).toBeGreaterThan(3);
		for (const box of await near.all()) {
			await expect(box).toContainText(L(lang, 'entitlements', 'nearYou.title'));
			await expect(box).toContainText('Divjakë');
			await expect(box.locator(`a[href="${inLang(lang, '/services/divjake')}"]`)).toBeVisible();
		}
		// Where no provider is listed in Divjakë or its county, the page says where they are.
		const elsewhere = near.filter({ hasText: L(lang, 'entitlements', 'nearYou.elsewhere') });
		expect(await elsewhere.count()).toBeGreaterThan(0);
		expect(await elsewhere.first().locator('a[href*="/services/s/"]').count()).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);
	});
}

test('results are saved into the encrypted notebook and shared with a mentor by link', async ({
	page,
	context,
	guard
}) => {
	const PASS = 'a long enough passphrase';
	// A notebook already exists on this device, and is locked.
	await page.goto('/en/notes');
	await page.fill('#create-passphrase', PASS);
	await page.fill('#create-again', PASS);
	await page.click('form[aria-labelledby="create-title"] button[type=submit]');
	await expect(page.locator('#notes-title')).toBeVisible();

	const fresh = await context.newPage();
	await page.close();
	await complete(fresh, 'en', DIVJAKE, guard.requests);
	const requestsAtResults = guard.requests.length;

	await fresh.getByRole('button', { name: L('en', 'entitlements', 'actions.save') }).click();
	// Locked in this tab: the passphrase is asked for right here, the results stay.
	await expect(fresh.locator('#unlock-passphrase')).toBeFocused();
	await fresh.fill('#unlock-passphrase', PASS);
	await fresh.keyboard.press('Enter');
	await expect(fresh.locator('.result-actions-status [role=status]')).toContainText(
		L('en', 'entitlements', 'actions.saved')
	);
	// Saving sent nothing: the notebook is on the device.
	expect(guard.requests.slice(requestsAtResults).filter((u) => u.includes('/api/'))).toEqual([]);

	await fresh.getByRole('button', { name: L('en', 'entitlements', 'actions.share') }).click();
	const link = fresh.locator('#results-share-link');
	await expect(link).toBeVisible();
	const url = await link.inputValue();
	expect(url).toMatch(/\/en\/link#[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/u);
	// Only ciphertext went to the server: no answer or entitlement name in any request URL.
	expect(guard.requests.join(' ')).not.toMatch(/divjake|Shelter|e06/iu);

	// The notebook now holds the results and the link.
	await fresh.goto('/en/notes');
	await fresh.fill('#unlock-passphrase', PASS);
	await fresh.keyboard.press('Enter');
	await expect(fresh.locator('#notes-title')).toBeVisible();
	const dateTitle = L('en', 'entitlements', 'actions.savedTitle').split(',')[0]!;
	await expect(fresh.getByText(dateTitle).first()).toBeVisible();
});
