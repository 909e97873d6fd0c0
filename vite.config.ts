import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { entitlementsCatalogue } from './scripts/entitlements/vite-plugin.js';

export default defineConfig({
	plugins: [entitlementsCatalogue(), sveltekit()],
	server: { port: 3000, fs: { allow: ['locales', 'data'] } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		// PGlite takes 2–4 s to start on two busy cores (TOOLCHAIN.md, pitfall 7).
		testTimeout: 15_000,
		hookTimeout: 30_000
	}
});
