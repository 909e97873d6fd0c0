import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { entitlementsCatalogue } from './scripts/entitlements/vite-plugin.js';

// The release public key the installed app pins (docs/release.md). Unset: an unsigned build
// (development, quick start); the service worker then installs updates without a signature.
const releasePublicKey = process.env.URA_RELEASE_PUBLIC_KEY ?? '';
if (releasePublicKey && !/^[A-Za-z0-9_-]{43}$/.test(releasePublicKey)) {
	throw new Error(
		'URA_RELEASE_PUBLIC_KEY must be a raw Ed25519 public key in base64url (43 chars)'
	);
}

export default defineConfig({
	plugins: [
		entitlementsCatalogue(),
		sveltekit(),
		// Workbox through @vite-pwa/sveltekit, injectManifest: our own service worker
		// (src/service-worker.ts) gets the list of files to precache. generateSW cannot make an
		// install depend on a signed manifest, which is why it is not used (docs/pwa.md).
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			// Our registration (src/lib/pwa/updates.svelte.ts) and per-language manifests (static/).
			injectRegister: false,
			manifest: false,
			injectManifest: {
				globPatterns: [
					'client/_app/immutable/**/*.{js,css}',
					'client/*.{svg,webmanifest}',
					'client/en/*.webmanifest',
					'client/icons/*.png',
					'prerendered/**/*.html'
				],
				// The libsodium chunk is ~530 KB; nothing else comes close.
				maximumFileSizeToCacheInBytes: 700_000
			}
		})
	],
	define: { __URA_RELEASE_PUBLIC_KEY__: JSON.stringify(releasePublicKey) },
	server: { port: 3000, fs: { allow: ['locales', 'data'] } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		// PGlite takes 2–4 s to start on two busy cores (TOOLCHAIN.md, pitfall 7).
		testTimeout: 15_000,
		hookTimeout: 30_000
	}
});
