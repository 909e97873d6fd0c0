import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { L } from './locale';
import { inLang, LANGS } from './routes';

/**
 * Full-page screenshots of the main pages, in both languages, on a phone and a desktop, for
 * people to look at (README, "Testing"). They go to artifacts/screenshots/ (git-ignored), not
 * test-results/, which Playwright empties at the start of every run.
 */
const DIR = join('artifacts', 'screenshots');

const PAGES: { name: string; path: string; prepare?: (lang: 'sq' | 'en') => Step }[] = [
	{ name: 'home', path: '/' },
	{ name: 'entitlements', path: '/entitlements' },
	{
		name: 'screener',
		path: '/entitlements/check',
		// The first question, not the intro.
		prepare: (lang) => async (page) => {
			await page
				.getByRole('button', { name: L(lang, 'entitlements', 'check.start'), exact: true })
				.click();
			await expect(page.locator('main fieldset.question').first()).toBeVisible();
		}
	},
	{ name: 'services', path: '/services' },
	{ name: 'municipality', path: '/services/kukes' },
	{ name: 'service', path: '/services/s/ccb7de55-79d8-5a15-9520-14d26b6edfd3' },
	{ name: 'help', path: '/help' },
	{ name: 'notes', path: '/notes' },
	{ name: 'returning', path: '/returning' },
	{ name: 'mentors', path: '/mentors' },
	{ name: 'mentor-list', path: '/mentors/prepare' },
	{ name: 'glossary', path: '/glossary' },
	{ name: 'accessibility', path: '/accessibility' },
	{ name: 'settings', path: '/settings' }
];

type Step = (page: import('@playwright/test').Page) => Promise<void>;

const WIDTHS = [360, 1280] as const;

/** Width and height from a PNG's IHDR chunk, to check that a real image was written. */
function pngSize(file: string): { width: number; height: number } {
	const b = readFileSync(file);
	expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

mkdirSync(DIR, { recursive: true });

for (const width of WIDTHS) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 800 } });
		for (const lang of LANGS) {
			test(`screenshots of the main pages (${lang}, ${width} px)`, async ({ page }) => {
				test.setTimeout(180_000);
				for (const { name, path, prepare } of PAGES) {
					await page.goto(inLang(lang, path));
					await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
					await page.waitForLoadState('networkidle');
					if (prepare) await prepare(lang)(page);
					const file = join(DIR, `${lang}-${width}-${name}.png`);
					await page.screenshot({ path: file, fullPage: true });
					// Written, a real PNG as wide as the viewport, and not a blank page.
					const size = pngSize(file);
					expect(size.width, file).toBe(width);
					expect(size.height, file).toBeGreaterThanOrEqual(400);
					expect(statSync(file).size, file).toBeGreaterThan(10_000);
				}
			});
		}
	});
}
