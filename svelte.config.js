import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Kit hashes the scripts it writes itself; the small inline scripts in src/app.html
// (language redirect before first paint) are hashed here so the CSP can stay strict
// without 'unsafe-inline'.
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const appHtmlScriptHashes = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	(m) =>
		/** @type {const} */ (
			`sha256-${createHash('sha256')
				.update(m[1] ?? '')
				.digest('base64')}`
		)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The PWA plugin registers the service worker (see vite.config.ts).
		serviceWorker: { register: false },
		// Absolute asset paths: the prerendered app shell is served by the service worker at
		// every page address (/en/services/kukes…), where relative ./_app/ paths would break.
		paths: { relative: false },
		csp: {
			// Hashes, not nonces: pages stay byte-identical between requests, so the
			// service worker can cache them and the cached CSP still matches.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', ...appHtmlScriptHashes],
				// Strict, except for the one style attribute Kit writes itself: the visually
				// hidden route announcer for screen readers (kit/src/core/sync/write_root.js).
				// The e2e console guard fails on any CSP violation if Kit ever changes it.
				'style-src': [
					'self',
					'unsafe-hashes',
					'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
				],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		},
		// Kit's own origin check answers in plain text before hooks run; hooks.server.ts makes
		// the same check (and a stricter one) and answers in the API's JSON error shape.
		csrf: { trustedOrigins: ['*'] },
		typescript: {
			config(tsconfig) {
				tsconfig.include.push(
					'../scripts/**/*.js',
					'../scripts/**/*.ts',
					'../playwright.config.ts',
					'../drizzle.config.ts',
					'../svelte.config.js'
				);
			}
		}
	}
};

export default config;
