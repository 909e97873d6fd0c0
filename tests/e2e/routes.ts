/** Every page route, without language prefix. Each is checked in Albanian and English. */
export const PAGE_ROUTES = [
	'/',
	'/entitlements',
	'/entitlements/check',
	'/entitlements/e01',
	'/services',
	'/services/kukes',
	'/services/county/kukes',
	// The Kukës mobile unit: service pages are addressed by UUID, never by a descriptive key.
	'/services/s/ccb7de55-79d8-5a15-9520-14d26b6edfd3',
	'/help',
	'/help/replies',
	'/inbox',
	'/inbox/join',
	'/notes',
	'/link',
	'/returning',
	'/mentors',
	'/mentors/prepare',
	'/glossary',
	'/accessibility',
	'/settings'
] as const;

export const LANGS = ['sq', 'en'] as const;

export function inLang(lang: (typeof LANGS)[number], path: string): string {
	if (lang === 'sq') return path;
	return path === '/' ? '/en' : `/en${path}`;
}
