import en from '../../../locales/en/pwa.json';
import sq from '../../../locales/sq/pwa.json';
import type { Lang } from '$lib/i18n/langs';

/** The brand colour (favicon background) and the page background. */
export const THEME_COLOR = '#1f4e5f';
export const BACKGROUND_COLOR = '#ffffff';

/** Icon sizes written by `npm run pwa:icons` from static/favicon.svg, the one source image. */
export const ICONS = [
	{ file: 'icon-192.png', size: 192, purpose: 'any' },
	{ file: 'icon-512.png', size: 512, purpose: 'any' },
	{ file: 'maskable-192.png', size: 192, purpose: 'maskable' },
	{ file: 'maskable-512.png', size: 512, purpose: 'maskable' },
	{ file: 'apple-touch-icon.png', size: 180, purpose: null }
] as const;

/**
 * The web app manifest of one language. The name is "Ura" in both: neutral on a home screen
 * that someone else may see. No notification permission, no share target, nothing that asks.
 */
export function webManifest(lang: Lang) {
	const start = lang === 'en' ? '/en' : '/';
	return {
		id: start,
		name: 'Ura',
		short_name: 'Ura',
		description: (lang === 'en' ? en : sq).manifest.description,
		lang,
		dir: 'ltr',
		start_url: start,
		scope: '/',
		display: 'standalone',
		background_color: BACKGROUND_COLOR,
		theme_color: THEME_COLOR,
		icons: [
			...ICONS.filter((i) => i.purpose).map((i) => ({
				src: `/icons/${i.file}`,
				sizes: `${i.size}x${i.size}`,
				type: 'image/png',
				purpose: i.purpose
			})),
			{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
		]
	};
}

export { webManifestPath } from './paths';

export function webManifestText(lang: Lang): string {
	return `${JSON.stringify(webManifest(lang), null, '\t')}\n`;
}
