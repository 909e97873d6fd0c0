import { page } from '$app/state';
import { translator, type Translate } from './i18n';
import { DEFAULT_LANG, isLang, localizePath, type Lang } from './langs';
import type { Namespace } from './resources';

export { loadNamespaces, translator, type Translate } from './i18n';
export * from './langs';
export type { Namespace, TranslationKey } from './resources';

/** The language of the page being shown (from the URL, via the root layout's data). */
export function currentLang(): Lang {
	const lang: unknown = page.data.lang;
	return isLang(lang) ? lang : DEFAULT_LANG;
}

/**
 * For components: t('key') in the current page's language. Each call reads the page's
 * language, so the text follows a language switch without remounting.
 */
export function useT<N extends Namespace>(ns: N): Translate<N> {
	return (key, options) => translator(currentLang(), ns)(key, options);
}

/** An in-app link in the current language. */
export function href(path: string): string {
	return localizePath(currentLang(), path);
}
