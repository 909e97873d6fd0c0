import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { inLang, LANGS, PAGE_ROUTES } from './routes';

/**
 * Reflow, zoom, target size and motion (WCAG 2.2: 1.4.10, 1.4.4, 2.5.8, 2.3.3). A phone 320
 * CSS px wide, and 200% zoom on a 1280 px screen, which is 640 CSS px at device scale 2.
 */
const VIEWPORTS = [
	{ name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
	{ name: '200% zoom', viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 }
] as const;

type LayoutProblems = {
	/** The page itself scrolls sideways. */
	pageOverflow: { scrollWidth: number; clientWidth: number } | null;
	/** Elements that stick out past the right edge, outside any box that scrolls on its own. */
	offscreen: string[];
	/** Text cut off by overflow: hidden/clip in the main content. */
	clipped: string[];
};

/** Runs in the page: everything a 320 px reader would meet as "cannot see it all". */
function layoutProblems(): LayoutProblems {
	const describe = (el: Element) => {
		const cls = el.getAttribute('class')?.trim().split(/\s+/).slice(0, 2).join('.');
		const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
		return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} «${text}»`;
	};
	const scrollsOnItsOwn = (el: Element): boolean => {
		for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			const o = getComputedStyle(p).overflowX;
			if (o === 'auto' || o === 'scroll') return true;
		}
		return false;
	};
	const isHidden = (el: Element) => {
		const r = el.getBoundingClientRect();
		return r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === 'hidden';
	};
	const root = document.scrollingElement!;
	const width = root.clientWidth;
	const offscreen: string[] = [];
	const clipped: string[] = [];
	for (const el of document.body.querySelectorAll('*')) {
		if (isHidden(el)) continue;
		const r = el.getBoundingClientRect();
		if (r.right > width + 1 && !scrollsOnItsOwn(el)) offscreen.push(describe(el));
		if (!el.closest('main')) continue;
		const style = getComputedStyle(el);
		const hides = (o: string) => o === 'hidden' || o === 'clip';
		const hasText = (el.textContent ?? '').trim().length > 0;
		if (
			hasText &&
			((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
				(hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1))
		)
			clipped.push(describe(el));
	}
	return {
		pageOverflow:
			root.scrollWidth > width ? { scrollWidth: root.scrollWidth, clientWidth: width } : null,
		// The innermost offender says most; its ancestors stick out because of it.
		offscreen: offscreen.slice(-5),
		clipped
	};
}

type SmallTarget = { what: string; width: number; height: number };

/**
 * Runs in the page: interactive elements smaller than 24 × 24 CSS px that WCAG 2.5.8 does not
 * exempt. Exempt: links inside a sentence (inline, with other text in the same block), and
 * small targets with room around them (a 24 px circle on each touches no other target).
 */
function smallTargets(): SmallTarget[] {
	const MIN = 24;
	const selector =
		'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
	const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
		const r = el.getBoundingClientRect();
		const s = getComputedStyle(el);
		// Not shown (closed <details>, the skip link until focused, visually hidden labels).
		return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && el.checkVisibility();
	});
	const rects = new Map(all.map((el) => [el, el.getBoundingClientRect()]));
	const inSentence = (el: HTMLElement) => {
		if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
		const block = el.parentElement;
		const own = (el.textContent ?? '').trim().length;
		return !!block && (block.textContent ?? '').trim().length > own + 3;
	};
	const small = all.filter((el) => {
		const r = rects.get(el)!;
		return (r.width < MIN - 0.5 || r.height < MIN - 0.5) && !inSentence(el);
	});
	const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
	const circleHitsRect = (c: { x: number; y: number }, r: DOMRect) => {
		const dx = Math.max(r.left - c.x, 0, c.x - r.right);
		const dy = Math.max(r.top - c.y, 0, c.y - r.bottom);
		return dx * dx + dy * dy < (MIN / 2) ** 2;
	};
	return small
		.filter((el) => {
			const c = centre(rects.get(el)!);
			return all.some((other) => {
				if (other === el || other.contains(el) || el.contains(other)) return false;
				const r = rects.get(other)!;
				if (small.includes(other)) {
					const o = centre(r);
					return Math.hypot(o.x - c.x, o.y - c.y) < MIN;
				}
				return circleHitsRect(c, r);
			});
		})
		.map((el) => {
			const r = rects.get(el)!;
			const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
			return {
				what: `${el.tagName.toLowerCase()} «${label}»`,
				width: Math.round(r.width),
				height: Math.round(r.height)
			};
		});
}

async function checkShellReachable(page: Page, width: number) {
	const exit = page.getByTestId('quick-exit');
	await expect(exit).toBeInViewport();
	const box = (await exit.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width);
	const links = page.getByRole('navigation').first().getByRole('link');
	expect(await links.count()).toBeGreaterThan(3);
	for (const link of await links.all()) {
		await expect(link).toBeVisible();
		const b = (await link.boundingBox())!;
		expect(b.x).toBeGreaterThanOrEqual(0);
		expect(b.x + b.width).toBeLessThanOrEqual(width + 0.5);
	}
}

for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
	test.describe(`at ${name}`, () => {
		test.use({ viewport, deviceScaleFactor });
		for (const lang of LANGS) {
			for (const route of PAGE_ROUTES) {
				const path = inLang(lang, route);
				test(`${path} reflows: no sideways scrolling, nothing cut off, shell reachable, targets ≥ 24 px`, async ({
					page
				}) => {
					await page.goto(path);
					await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
					await page.waitForLoadState('networkidle');
					const problems = await page.evaluate(layoutProblems);
					expect(problems).toEqual({ pageOverflow: null, offscreen: [], clipped: [] });
					await checkShellReachable(page, viewport.width);
					expect(await page.evaluate(smallTargets)).toEqual([]);
				});
			}
		}
	});
}

/** Pages with the most moving parts: the shell, the screener, disclosures, forms. */
const MOTION_ROUTES = ['/', '/entitlements/check', '/services', '/help', '/notes', '/glossary'];

/** Runs in the page: the longest animation or transition on any element or pseudo-element. */
function longestMotion(): { what: string; seconds: number }[] {
	const secs = (v: string) =>
		Math.max(
			...v
				.split(',')
				.map((s) => (s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)) || 0)
		);
	const found: { what: string; seconds: number }[] = [];
	for (const el of document.querySelectorAll('*')) {
		for (const pseudo of [null, '::before', '::after', '::marker'] as const) {
			const s = getComputedStyle(el, pseudo);
			const animation = s.animationName !== 'none' ? secs(s.animationDuration) : 0;
			const transition =
				s.transitionProperty !== 'none' ? secs(s.transitionDuration) + secs(s.transitionDelay) : 0;
			const t = Math.max(animation, transition);
			if (t > 0.01) found.push({ what: `${el.tagName.toLowerCase()}${pseudo ?? ''}`, seconds: t });
		}
		if (getComputedStyle(el).scrollBehavior === 'smooth')
			found.push({ what: `${el.tagName.toLowerCase()} scroll-behavior: smooth`, seconds: 1 });
	}
	return found;
}

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });
	for (const lang of LANGS) {
		test(`nothing animates longer than 0.01 s (${lang})`, async ({ page }) => {
			for (const route of MOTION_ROUTES) {
				await page.goto(inLang(lang, route));
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await page.waitForLoadState('networkidle');
				// Open every disclosure and focus a control: states that often animate.
				for (const summary of await page.locator('main summary').all())
					if (await summary.isVisible()) await summary.click();
				await page.getByTestId('quick-exit').focus();
				expect(await page.evaluate(longestMotion), route).toEqual([]);
			}
		});
	}
});

test('the checks above catch what they look for (a wide block, clipped text, a tiny button)', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/glossary');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await page.evaluate(layoutProblems)).toEqual({
		pageOverflow: null,
		offscreen: [],
		clipped: []
	});
	expect(await page.evaluate(smallTargets)).toEqual([]);
	await page.evaluate(() => {
		const main = document.querySelector('main')!;
		const wide = document.createElement('p');
		wide.textContent = 'wide';
		wide.style.width = '500px';
		const clip = document.createElement('p');
		clip.textContent = 'A sentence too long for its box, cut off at the edge of it';
		clip.style.cssText = 'width: 100px; white-space: nowrap; overflow: hidden';
		const tiny = document.createElement('button');
		tiny.textContent = 'x';
		tiny.style.cssText = 'width: 16px; height: 16px; padding: 0; font-size: 8px';
		const next = document.createElement('button');
		next.textContent = 'y';
		main.prepend(wide, clip, tiny, next);
	});
	const found = await page.evaluate(layoutProblems);
	expect(found.pageOverflow).not.toBeNull();
	expect(found.offscreen.join()).toContain('«wide»');
	expect(found.clipped.join()).toContain('A sentence too long');
	expect((await page.evaluate(smallTargets)).map((t) => t.what)).toContain('button «x»');
});

test('reduced motion: the check sees a transition when the page has one', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => {
		document.querySelector('h1')!.style.transition = 'opacity 0.3s';
	});
	expect(await page.evaluate(longestMotion)).toContainEqual({ what: 'h1', seconds: 0.3 });
});
