import type { Page } from '@playwright/test';
import { L } from './locale';
import { axeViolations, expect, test } from './fixtures';
import { inLang, LANGS } from './routes';

/**
 * The two guides: "Returning to Albania" and "For mentors". The shell spec already checks
 * 200, headers and axe for every page route; this checks what is particular to a guide:
 * a table of contents that matches the headings, sources under every section, the
 * "to confirm" flags, links into the other sections, and reading with JavaScript off.
 */

const GUIDES = [
	{
		path: '/returning',
		sections: 9,
		title: { sq: 'Kthimi në Shqipëri', en: 'Returning to Albania' },
		firstSection: { sq: 'Kthimi vullnetar me ndihmë', en: 'Assisted voluntary return' }
	},
	{
		path: '/mentors',
		sections: 8,
		title: { sq: 'Për mentorët', en: 'For mentors' },
		firstSection: {
			sq: 'Mentorimi nga dikush që e ka kaluar vetë',
			en: 'Mentoring by someone who has been there'
		}
	}
] as const;

// The badge's label, as the locale files have it.
const TO_CONFIRM = {
	sq: L('sq', 'common', 'toConfirm.label'),
	en: L('en', 'common', 'toConfirm.label')
};

function withoutLang(path: string): string {
	if (path === '/en') return '/';
	return path.startsWith('/en/') ? path.slice(3) : path;
}

/** Every heading in <main>, in document order, as [level, text]. */
async function headings(page: Page): Promise<[number, string][]> {
	return page
		.locator('main')
		.locator('h1, h2, h3, h4, h5, h6')
		.evaluateAll((els) =>
			els.map(
				(el) => [Number(el.tagName.slice(1)), (el.textContent ?? '').trim()] as [number, string]
			)
		);
}

for (const lang of LANGS) {
	for (const guide of GUIDES) {
		const path = inLang(lang, guide.path);

		test(`${path}: one h1, headings in order, and a table of contents that matches them`, async ({
			page
		}) => {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.title[lang]);

			const all = await headings(page);
			expect(all.filter(([level]) => level === 1)).toHaveLength(1);
			for (let i = 1; i < all.length; i++)
				expect(all[i]![0], `heading "${all[i]![1]}" skips a level`).toBeLessThanOrEqual(
					all[i - 1]![0] + 1
				);

			const sections = page.locator('main section.guide-section');
			await expect(sections).toHaveCount(guide.sections);
			const sectionTitles = await sections.locator(':scope > h2').allTextContents();
			expect(sectionTitles[0]).toBe(guide.firstSection[lang]);

			const toc = page.locator('main .guide-toc a');
			expect((await toc.allTextContents()).map((s) => s.trim())).toEqual(
				sectionTitles.map((s) => s.trim())
			);
			for (const href of await toc.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
				expect(href).toMatch(/^#[a-z0-9-]+$/);
				await expect(page.locator(href)).toHaveClass(/guide-section/);
			}
		});

		test(`${path}: every section lists its sources, and open sources name the report`, async ({
			page
		}) => {
			await page.goto(path);
			const sections = page.locator('main section.guide-section');
			const count = await sections.count();
			for (let i = 0; i < count; i++)
				await expect(sections.nth(i).locator(':scope > details.sources')).toHaveCount(1);

			const first = sections.first().locator(':scope > details.sources');
			await first.locator('summary').click();
			await expect(first.locator('li').first()).toBeVisible();
			await expect(first).toContainText('Home Office (UK)');
			// Unsettled facts are flagged, never stated as if sure.
			await expect(page.locator('main .to-confirm').first()).toContainText(TO_CONFIRM[lang]);
		});

		test(`${path}: links into the other sections stay in ${lang} and work`, async ({
			page,
			request
		}) => {
			await page.goto(path);
			const hrefs = await page
				.locator('main a[href^="/"]')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			expect(hrefs.length).toBeGreaterThan(0);
			const targets = new Set(hrefs.map((h) => h.split('#')[0]!));
			for (const target of ['/services', '/help', '/notes', '/entitlements/check'])
				expect([...targets].map(withoutLang)).toContain(target);

			for (const href of targets) {
				if (lang === 'en') expect(href).toMatch(/^\/en\//);
				else expect(href).not.toMatch(/^\/en\//);
				// Every page a guide links to answers, whether or not it is in PAGE_ROUTES
				// (the mentors' guide links to two entitlement pages, e11 and e13).
				expect((await request.get(href)).status(), href).toBe(200);
			}

			// A real click, like a person would.
			await page
				.locator('main .guide-links a')
				.filter({ hasText: lang === 'sq' ? 'Shërbimet' : 'Services' })
				.click();
			await expect(page).toHaveURL(new RegExp(`${lang === 'en' ? '/en' : ''}/services$`));
		});

		test(`${path}: fits a 390px phone without sideways scrolling`, async ({ page }) => {
			await page.setViewportSize({ width: 390, height: 844 });
			await page.goto(path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});

		test(`${path}: no axe violations with every source list opened`, async ({ page }) => {
			await page.goto(path);
			await page
				.locator('main details')
				.evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
			expect(await axeViolations(page)).toEqual([]);
		});
	}
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const lang of LANGS) {
		for (const guide of GUIDES) {
			const path = inLang(lang, guide.path);

			test(`${path} reads in full, and its contents and sources work`, async ({ page }) => {
				const res = await page.goto(path);
				expect(res?.status()).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				await expect(page.locator('main section.guide-section')).toHaveCount(guide.sections);

				// The table of contents is plain anchors.
				const last = page.locator('main .guide-toc a').last();
				const anchor = (await last.getAttribute('href'))!;
				await last.click();
				await expect(page).toHaveURL(new RegExp(`${anchor}$`));
				await expect(page.locator(`${anchor} > h2`)).toBeInViewport();

				// <details> opens without script.
				const sources = page.locator(`${anchor} > details.sources`);
				await sources.locator('summary').click();
				await expect(sources.locator('li').first()).toBeVisible();
			});
		}
	}
});
