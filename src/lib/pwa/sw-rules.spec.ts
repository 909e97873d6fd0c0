import { describe, expect, it } from 'vitest';
import { isPublicData, isShellNavigation, sanitizeEnvModule, shellHeaders } from './sw-rules';

const u = (path: string) => new URL(path, 'https://ura.example');

describe('service worker rules', () => {
	it('answers page navigations with the shell, in both languages', () => {
		for (const p of ['/', '/en', '/entitlements/e01', '/en/services/kukes', '/notes', '/link']) {
			expect(isShellNavigation(u(p)), p).toBe(true);
		}
	});

	it('never answers the API, files, the manifest or the worker itself with the shell', () => {
		for (const p of [
			'/api/shares',
			'/healthz',
			'/directory/snapshot.json',
			'/release-manifest.json',
			'/service-worker.js',
			'/manifest.webmanifest',
			'/_app/env.js'
		]) {
			expect(isShellNavigation(u(p)), p).toBe(false);
		}
	});

	it('keeps only public directory data for offline use, never the API', () => {
		expect(isPublicData(u('/directory/snapshot.json'))).toBe(true);
		expect(isPublicData(u('/services/kukes/__data.json?x-sveltekit-invalidated=001'))).toBe(true);
		expect(isPublicData(u('/en/services/county/kukes/__data.json'))).toBe(true);
		expect(isPublicData(u('/api/shares/abc'))).toBe(false);
		expect(isPublicData(u('/help/__data.json'))).toBe(false);
		expect(isPublicData(u('/notes/__data.json'))).toBe(false);
	});

	it('accepts env.js only as an object of strings', () => {
		const good = 'export const env={PUBLIC_QUICK_EXIT_URL:"https://example.org/?q=weather"}';
		expect(sanitizeEnvModule(good)).toBe(good);
		expect(sanitizeEnvModule('export const env={}')).toBe('export const env={}');
		expect(sanitizeEnvModule('export const env={"A-B":"x\\"y"}')).not.toBeNull();
		for (const bad of [
			'export const env={A:"x"};fetch("//evil")',
			'export const env={A:fetch("//evil")}',
			'export const env={A:"x"+alert(1)}',
			'export const env={A:`${alert(1)}`}',
			'alert(1)'
		]) {
			expect(sanitizeEnvModule(bad), bad).toBeNull();
		}
	});

	it('serves the shell under its own signed policy, plus frame-ancestors', () => {
		const html =
			'<meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; script-src \'self\'">';
		const h = shellHeaders(html, new Headers({ 'x-frame-options': 'DENY', refresh: '0;url=x' }));
		expect(h.get('content-security-policy')).toBe(
			"default-src 'self'; script-src 'self'; frame-ancestors 'none'"
		);
		expect(h.get('x-frame-options')).toBe('DENY');
		expect(h.get('refresh')).toBeNull();
		expect(h.get('content-type')).toBe('text/html; charset=utf-8');
	});
});
