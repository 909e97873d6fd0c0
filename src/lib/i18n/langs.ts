/** Albanian first: it is the default language and the unprefixed URLs are Albanian. */
export const LANGS = ['sq', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'sq';

/** BCP 47 tags for Intl; Albanian as used in Albania. */
export const INTL_LOCALE: Record<Lang, string> = { sq: 'sq-AL', en: 'en-GB' };

/** The only place the chosen language is kept: this device's localStorage (no cookie). */
export const LANG_STORAGE_KEY = 'ura.lang';

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function langFromParam(param: string | undefined): Lang {
	return isLang(param) ? param : DEFAULT_LANG;
}

/** Strips a leading /sq or /en from a pathname: '/en/services' → '/services'. */
export function stripLang(pathname: string): string {
	const m = /^\/(sq|en)(?=\/|$)/.exec(pathname);
	const rest = m ? pathname.slice(m[0].length) : pathname;
	return rest === '' ? '/' : rest;
}

/** The URL of an in-app path in a language: Albanian unprefixed, English under /en. */
export function localizePath(lang: Lang, path: string): string {
	const clean = stripLang(path);
	if (lang === DEFAULT_LANG) return clean;
	return clean === '/' ? `/${lang}` : `/${lang}${clean}`;
}

/** The language a pathname is in: '/en/…' is English, everything else Albanian. */
export function langFromPath(pathname: string): Lang {
	return langFromParam(/^\/(sq|en)(?=\/|$)/.exec(pathname)?.[1]);
}
