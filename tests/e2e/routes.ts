/** Every page route, without language prefix. Each is checked in Albanian and English. */
export const PAGE_ROUTES = [
	'/',
	'/entitlements',
	'/services',
	'/help',
	'/notes',
	'/link',
	'/returning',
	'/mentors'
] as const;

export const LANGS = ['sq', 'en'] as const;

export function inLang(lang: (typeof LANGS)[number], path: string): string {
	if (lang === 'sq') return path;
	return path === '/' ? '/en' : `/en${path}`;
}
