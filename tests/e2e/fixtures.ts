import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type CDPSession, type Page } from '@playwright/test';

export { expect };

export type Guard = {
	/**
	 * Every URL any page of this test asked for, in order. Requests the service worker makes
	 * on its own (installing the precache in the background) are not here: they are a fixed
	 * list of the app's files, never anything a person typed. They still go through the
	 * other-origin check below.
	 */
	requests: string[];
	/** Lets one navigation to another origin through (the quick exit's destination). */
	allowNavigation(url: string): void;
	/** Declares a console error this test expects (e.g. the browser's note on a 404). */
	expectConsoleError(pattern: RegExp): void;
};

/**
 * Every e2e test runs under this guard. It records each request, answers any request to
 * another origin with an abort, and at the end fails the test if there was one (privacy
 * promise: nothing ever goes to another origin), or if a page logged a console error,
 * threw, or hit a Content-Security-Policy violation.
 */
export const test = base.extend<{ guard: Guard }>({
	guard: [
		async ({ context, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const requests: string[] = [];
			const foreign: string[] = [];
			const problems: string[] = [];
			const allowed = new Set<string>();
			const expectedErrors: RegExp[] = [];

			context.on('request', (r) => {
				if (!r.serviceWorker()) requests.push(r.url());
			});
			await context.route(
				(url) => url.origin !== origin,
				async (route) => {
					const url = route.request().url();
					if (allowed.has(url) && route.request().isNavigationRequest()) {
						await route.fulfill({
							status: 200,
							contentType: 'text/html',
							body: '<!doctype html><title>Weather</title><h1>Weather</h1>'
						});
						return;
					}
					foreign.push(url);
					await route.abort('blockedbyclient');
				}
			);
			context.on('console', (msg) => {
				if (msg.type() !== 'error') return;
				if (expectedErrors.some((p) => p.test(msg.text()))) return;
				problems.push(`console error: ${msg.text()}`);
			});
			context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
			// Chromium reports some CSP violations (e.g. an eval probe inside try/catch) only as
			// DevTools issues, not on the console: listen to those too.
			// A second DevTools session has a side effect: at each new document Chromium applies
			// its (empty) network emulation too, so navigator.onLine says true again after
			// context.setOffline(true), and pages never learn that they are offline. So the
			// offline state is mirrored to these sessions as well.
			const sessions: CDPSession[] = [];
			let offline = false;
			const emulate = (cdp: CDPSession) =>
				cdp.send('Network.emulateNetworkConditions', {
					offline,
					latency: 0,
					downloadThroughput: -1,
					uploadThroughput: -1
				});
			const setOffline = context.setOffline.bind(context);
			context.setOffline = async (value) => {
				offline = value;
				await setOffline(value);
				await Promise.all(sessions.map((cdp) => emulate(cdp).catch(() => {})));
			};
			context.on('page', (page) => {
				void context.newCDPSession(page).then(async (cdp) => {
					sessions.push(cdp);
					if (offline) await emulate(cdp).catch(() => {});
					cdp.on('Audits.issueAdded', ({ issue }) => {
						if (issue.code !== 'ContentSecurityPolicyIssue') return;
						const d = issue.details.contentSecurityPolicyIssueDetails;
						problems.push(
							`CSP issue: ${d?.violatedDirective} ${d?.contentSecurityPolicyViolationType} at ${d?.sourceCodeLocation?.url ?? page.url()}`
						);
					});
					await cdp.send('Audits.enable').catch(() => {});
				});
			});

			await use({
				requests,
				allowNavigation: (url) => allowed.add(url),
				expectConsoleError: (pattern) => expectedErrors.push(pattern)
			});

			expect(foreign, 'requests to other origins').toEqual([]);
			expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
		},
		{ auto: true }
	]
});

/** axe-core with the WCAG 2.0–2.2 A and AA rules; returns the violations. */
export async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)
	}));
}
