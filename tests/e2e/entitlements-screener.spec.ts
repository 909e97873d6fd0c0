import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { L } from './locale';
import { inLang } from './routes';

/*
 * The screener, as the three personas of issue 4 answer it. Privacy is checked on the way:
 * no request at all from the first question to the results, no change of URL, no history
 * entry per step, nothing in storage; and accessibility: focus moves to each question's
 * heading, everything works by keyboard, axe finds nothing on any step in either language.
 */

type Answer = string | string[];
type Persona = Record<string, Answer>;

const TIRANA: Persona = {
	age: '25_plus',
	safe_now: 'yes',
	abroad: 'no',
	municipality: 'tirane',
	civil_registry: 'yes',
	housing: 'own_place',
	work: 'no',
	economic_aid: 'no',
	children: 'yes',
	child_ages: ['under_3'],
	single_parent: 'yes',
	status_paper: 'yes',
	legal_case: 'prefer_not',
	gender: 'woman'
};

const KUKES_BEFORE_ARRIVAL: Persona = {
	age: '18_24',
	safe_now: 'yes',
	abroad: 'abroad_now',
	recognised_abroad: 'yes',
	municipality: 'kukes',
	civil_registry: 'yes',
	children: 'no',
	status_paper: 'no',
	legal_case: 'no',
	gender: 'man'
};

const ELBASAN_16: Persona = {
	age: '14_17',
	safe_now: 'not_sure',
	abroad: 'no',
	municipality: 'elbasan',
	civil_registry: 'yes',
	housing: 'family',
	children: 'no',
	status_paper: 'prefer_not',
	legal_case: 'no',
	gender: 'prefer_not'
};

const START = {
	sq: L('sq', 'entitlements', 'check.start'),
	en: L('en', 'entitlements', 'check.start')
};
const PREFER_NOT = {
	sq: L('sq', 'entitlements', 'check.preferNot'),
	en: L('en', 'entitlements', 'check.preferNot')
};
const PREPARE = {
	sq: L('sq', 'entitlements', 'results.prepare'),
	en: L('en', 'entitlements', 'results.prepare')
};

const currentQuestion = (page: Page) =>
	page.locator('[data-question]').getAttribute('data-question');

/** Answers the question on screen with the mouse, and continues. */
async function answerWithMouse(page: Page, lang: 'sq' | 'en', answer: Answer) {
	const step = page.locator('[data-question]');
	if (answer === 'prefer_not' && (await step.locator('input[type=radio]').count()) === 0) {
		if ((await step.locator('select#q-municipality').count()) > 0)
			await step.locator('select').selectOption('prefer_not');
		else {
			await page.getByRole('button', { name: PREFER_NOT[lang] }).click();
			return;
		}
	} else if (Array.isArray(answer)) {
		for (const v of answer) await step.locator(`input[type=checkbox][value="${v}"]`).check();
	} else if ((await step.locator('select#q-municipality').count()) > 0) {
		await step.locator('select').selectOption(answer);
	} else if ((await step.locator('select#q-year').count()) > 0) {
		const [year, month] = answer.split('-');
		await step.locator('#q-year').selectOption(year!);
		if (month) await step.locator('#q-month').selectOption(month);
	} else {
		await step.locator(`input[type=radio][value="${answer}"]`).check();
	}
	await page.locator('form.screener-step button[type=submit]').click();
}

/** Goes through the screener as `persona`, checking each step; returns the question ids seen. */
async function complete(
	page: Page,
	lang: 'sq' | 'en',
	persona: Persona,
	{ axe = false }: { axe?: boolean } = {}
): Promise<string[]> {
	const seen: string[] = [];
	for (let i = 0; i < 20; i++) {
		const form = page.locator('form.screener-step');
		if ((await form.count()) === 0) break;
		const id = (await currentQuestion(page))!;
		seen.push(id);
		// Focus is on the new question's heading, and progress is shown.
		await expect(page.locator('.question-text')).toBeFocused();
		await expect(page.locator('progress')).toBeVisible();
		if (axe) expect(await axeViolations(page), `axe on "${id}" (${lang})`).toEqual([]);
		expect(persona[id], `persona has no answer for "${id}"`).toBeDefined();
		await answerWithMouse(page, lang, persona[id]!);
		await page.waitForFunction(
			(prev) => document.querySelector('[data-question]')?.getAttribute('data-question') !== prev,
			id
		);
	}
	await expect(page.locator('#results-heading')).toBeFocused();
	return seen;
}

const verdictOf = (page: Page, id: string) =>
	page.locator(`article.result-card:has(h4#r-${id})`).getAttribute('class');

async function start(page: Page, lang: 'sq' | 'en') {
	await page.goto(inLang(lang, '/entitlements/check'));
	await page.getByRole('button', { name: START[lang] }).click();
	await expect(page.locator('.question-text')).toBeFocused();
}

test('persona 1, a recognised adult in Tirana, sees what she is likely to get (sq)', async ({
	page,
	guard
}) => {
	await start(page, 'sq');
	const url = page.url();
	const historyLength = await page.evaluate(() => window.history.length);
	const requestsAtFirstQuestion = guard.requests.length;

	const seen = await complete(page, 'sq', TIRANA);
	expect(seen).not.toContain('returned_when');
	expect(seen).toContain('child_ages');

	// Nothing left the page: no request, no new URL, no history entry, nothing stored.
	expect(guard.requests.slice(requestsAtFirstQuestion)).toEqual([]);
	expect(page.url()).toBe(url);
	expect(await page.evaluate(() => window.history.length)).toBe(historyLength);
	const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
	expect(stored).not.toMatch(/tirane|status_paper|own_place|25_plus/);

	for (const id of ['e01', 'e02', 'e03', 'e10', 'e21', 'e27'])
		expect(await verdictOf(page, id), id).toContain('result-card--likely');
	expect(await verdictOf(page, 'e26')).toContain('result-card--unlikely');

	// The economic aid card: the amount with its date, how to apply, who learns about it.
	const e01 = page.locator('article.result-card:has(h4#r-e01)');
	await expect(e01.locator('.amounts')).toContainText('Shuma në muaj');
	await expect(e01.locator('.amount-date')).toContainText('2021');
	await e01.locator('.result-details > summary').click();
	await expect(
		e01.getByRole('heading', { name: L('sq', 'entitlements', 'detail.disclosure') })
	).toBeVisible();
	await expect(
		e01.getByRole('heading', { name: L('sq', 'entitlements', 'detail.apply') })
	).toBeVisible();

	// Prepare to apply: a checklist and a draft request with the municipality filled in.
	await page.getByRole('button', { name: PREPARE.sq }).click();
	await expect(page.locator('#prepare-heading')).toBeFocused();
	const letter = page.locator('.prepare-item:has(h3#p-e01) .letter');
	await expect(letter).toContainText('Bashkia Tiranë');
	await expect(letter).toContainText('Kërkesë për ndihmë ekonomike');
	await expect(letter).not.toContainText(/trafik|viktim/i);
	expect(guard.requests.slice(requestsAtFirstQuestion)).toEqual([]);
	expect(page.url()).toBe(url);
});

test('persona 2, a returnee to Kukës before arrival, sees assisted return and what comes after (en)', async ({
	page,
	guard
}) => {
	await start(page, 'en');
	const requestsAtFirstQuestion = guard.requests.length;
	const seen = await complete(page, 'en', KUKES_BEFORE_ARRIVAL, { axe: true });
	expect(seen).toContain('recognised_abroad');
	expect(seen).not.toContain('housing');
	expect(seen).not.toContain('work');

	expect(await verdictOf(page, 'e25')).toContain('result-card--likely');
	expect(await verdictOf(page, 'e26')).toContain('result-card--possible');
	expect(await verdictOf(page, 'e01')).toContain('result-card--possible');
	const e26 = page.locator('article.result-card:has(h4#r-e26)');
	await expect(e26).toContainText('After you come back, go to the labour office within 2 years.');
	expect(await axeViolations(page), 'axe on the results').toEqual([]);

	await page.getByRole('button', { name: PREPARE.en }).click();
	await expect(page.locator('.prepare-item h3')).toContainText([
		'Assisted voluntary return and reception on arrival'
	]);
	expect(await axeViolations(page), 'axe on prepare to apply').toEqual([]);
	expect(guard.requests.slice(requestsAtFirstQuestion)).toEqual([]);
});

test('persona 3, a 16-year-old in Elbasan, goes through by keyboard alone (sq)', async ({
	page,
	guard
}) => {
	await page.goto('/entitlements/check');
	// To the Start button by keyboard.
	await page.getByRole('button', { name: START.sq }).focus();
	await page.keyboard.press('Enter');
	const requestsAtFirstQuestion = guard.requests.length;

	for (let i = 0; i < 20; i++) {
		if ((await page.locator('form.screener-step').count()) === 0) break;
		const id = (await currentQuestion(page))!;
		await expect(page.locator('.question-text')).toBeFocused();
		const answer = ELBASAN_16[id];
		expect(answer, id).toBeDefined();
		const step = page.locator('[data-question]');
		if ((await step.locator('select#q-municipality').count()) > 0) {
			await page.keyboard.press('Tab');
			await expect(step.locator('select')).toBeFocused();
			await page.keyboard.type('Elbasan');
			await expect(step.locator('select')).toHaveValue('elbasan');
		} else {
			const radios = step.locator('input[type=radio]');
			const values = await radios.evaluateAll((els) =>
				els.map((e) => (e as HTMLInputElement).value)
			);
			await page.keyboard.press('Tab');
			await expect(radios.first()).toBeFocused();
			await page.keyboard.press('Space');
			for (let k = 0; k < values.indexOf(answer as string); k++)
				await page.keyboard.press('ArrowDown');
			await expect(step.locator(`input[value="${answer}"]`)).toBeChecked();
		}
		// Then past Back to Continue.
		await page.keyboard.press('Tab');
		await expect(
			page.getByRole('button', { name: L('sq', 'entitlements', 'check.back') })
		).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(page.locator('form.screener-step button[type=submit]')).toBeFocused();
		await page.keyboard.press('Enter');
		await page.waitForFunction(
			(prev) => document.querySelector('[data-question]')?.getAttribute('data-question') !== prev,
			id
		);
	}
	await expect(page.locator('#results-heading')).toBeFocused();
	expect(guard.requests.slice(requestsAtFirstQuestion)).toEqual([]);

	for (const id of ['e23', 'e20', 'e04', 'e31'])
		expect(await verdictOf(page, id), id).toContain('result-card--likely');
	expect(await verdictOf(page, 'e24')).toContain('result-card--possible');
	expect(await verdictOf(page, 'e01')).toContain('result-card--unlikely');
	// Not sure about safety: the safety block, with the child protection unit for under-18s.
	await expect(page.locator('aside.safety')).toContainText('njësia për mbrojtjen e fëmijës');
	// It names the quick exit button by the button's own label.
	await expect(page.locator('aside.safety')).toContainText(
		`«${L('sq', 'common', 'quickExit.label')}»`
	);
});

for (const lang of ['sq', 'en'] as const) {
	test(`every screener step and the results have no axe violations (${lang})`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(inLang(lang, '/entitlements/check'));
		expect(await axeViolations(page), 'axe on the intro').toEqual([]);
		await page.getByRole('button', { name: START[lang] }).click();
		// A path that meets every kind of question: month, multiple choice, municipality.
		await complete(
			page,
			lang,
			{ ...TIRANA, abroad: 'returned', returned_when: '2025-05', recognised_abroad: 'not_sure' },
			{ axe: true }
		);
		expect(await axeViolations(page), 'axe on the results').toEqual([]);
		await page.locator('.result-details summary').first().click();
		expect(await axeViolations(page), 'axe with details open').toEqual([]);
		await page.getByRole('button', { name: PREPARE[lang] }).click();
		expect(await axeViolations(page), 'axe on prepare to apply').toEqual([]);
	});
}

test('back and forward keep the answers, and an error is announced when nothing is chosen', async ({
	page
}) => {
	await start(page, 'en');
	await page.locator('form.screener-step button[type=submit]').click();
	await expect(page.getByRole('alert')).toHaveText(L('en', 'entitlements', 'check.choose'));
	await page.locator('input[value="25_plus"]').check();
	await page.getByRole('button', { name: L('en', 'entitlements', 'check.next') }).click();
	await expect(page.locator('[data-question]')).toHaveAttribute('data-question', 'safe_now');
	await expect(page.locator('.progress label')).toContainText('Question 2 of');
	await page.getByRole('button', { name: L('en', 'entitlements', 'check.back') }).click();
	await expect(page.locator('[data-question]')).toHaveAttribute('data-question', 'age');
	await expect(page.locator('input[value="25_plus"]')).toBeChecked();
	await expect(page.locator('.question-text')).toBeFocused();
	await page.getByRole('button', { name: L('en', 'entitlements', 'check.back') }).click();
	await expect(page.getByRole('button', { name: START.en })).toBeVisible();
});

test('the screener needs no network at all once the page is loaded', async ({ page, context }) => {
	await page.goto('/en/entitlements/check');
	await page.waitForLoadState('networkidle');
	await context.setOffline(true);
	await page.getByRole('button', { name: START.en }).click();
	await complete(page, 'en', ELBASAN_16);
	expect(await verdictOf(page, 'e23')).toContain('result-card--likely');
	await page.getByRole('button', { name: PREPARE.en }).click();
	await expect(page.locator('#prepare-heading')).toBeVisible();
	await context.setOffline(false);
});

test('on the English page the letter stays in Albanian, with an Albanian blank when no municipality was given', async ({
	page
}) => {
	await start(page, 'en');
	await complete(page, 'en', { ...TIRANA, municipality: 'prefer_not' });
	expect(await verdictOf(page, 'e01')).toContain('result-card--likely');
	await page.getByRole('button', { name: PREPARE.en }).click();
	const letter = page.locator('.prepare-item:has(h3#p-e01) .letter');
	await expect(letter).toHaveAttribute('lang', 'sq');
	await expect(letter).toContainText('Bashkia [emri i bashkisë]');
	await expect(letter).toContainText('Të nderuar,');
	await expect(letter).toContainText('Me respekt,');
	await expect(letter).not.toContainText(/municipality|trafik|viktim/i);
});

test('printing the results leaves out the site and the buttons', async ({ page }) => {
	await start(page, 'sq');
	await complete(page, 'sq', KUKES_BEFORE_ARRIVAL);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.locator('.result-actions')).toBeHidden();
	await expect(page.locator('article.result-card').first()).toBeVisible();
});
