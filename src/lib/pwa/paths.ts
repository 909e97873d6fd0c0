import type { Lang } from '$lib/i18n/langs';

// Where Ura's own icons and per-language manifests are served from (static/). Kept apart
// from webmanifest.ts, which imports the locale files, so that the page code that points the
// <link>s at them (src/lib/ui/look.svelte.ts, hooks.server.ts) stays small.

export const FAVICON_PATH = '/favicon.svg';
export const APPLE_TOUCH_ICON_PATH = '/icons/apple-touch-icon.png';

/** Where each language's manifest is served from. */
export function webManifestPath(lang: Lang): string {
	return lang === 'en' ? '/en/manifest.webmanifest' : '/manifest.webmanifest';
}
