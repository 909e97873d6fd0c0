import i18next, { type TOptions } from 'i18next';
import { DEFAULT_LANG, type Lang } from './langs';
import type { Namespace, TranslationKey } from './resources';

/**
 * One i18next instance for the whole process. It is safe on the server because requests
 * never change its language: every lookup goes through getFixedT(lang, ns), and the
 * resource bundles are the same static files for everyone.
 */
const instance = i18next.createInstance();
void instance.init({
	lng: DEFAULT_LANG,
	fallbackLng: false,
	resources: {},
	partialBundledLanguages: true,
	initAsync: false,
	// Svelte escapes text; never pass a translation to {@html}.
	interpolation: { escapeValue: false },
	returnNull: false,
	saveMissing: true,
	missingKeyHandler: (lngs, ns, key) => {
		// Surfaces in the e2e console guard, which fails a test on any console error.
		console.error(`i18n: missing key ${ns}:${key} for ${lngs.join(',')}`);
	}
});

// Each namespace of each language is its own chunk, loaded only by the routes that need it.
const loaders = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', {
	import: 'default'
});

export async function loadNamespaces(lang: Lang, namespaces: readonly Namespace[]): Promise<void> {
	await Promise.all(
		namespaces.map(async (ns) => {
			if (instance.hasResourceBundle(lang, ns)) return;
			const load = loaders[`/locales/${lang}/${ns}.json`];
			if (!load) throw new Error(`i18n: no file locales/${lang}/${ns}.json`);
			instance.addResourceBundle(lang, ns, await load(), true, true);
		})
	);
}

export type Translate<N extends Namespace> = (key: TranslationKey<N>, options?: TOptions) => string;

/** A translator bound to one language and namespace. */
export function translator<N extends Namespace>(lang: Lang, ns: N): Translate<N> {
	const t = instance.getFixedT(lang, ns);
	return (key, options) => t(key as string, options ?? {}) as string;
}
