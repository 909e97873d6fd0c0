import { countyBySlugOf, municipalityBySlug } from '$lib/geo';
import type { Lang } from '$lib/i18n/langs';

/** A municipality's name in a language ("Kukës"; "Tirana" in English). */
export function municipalityName(slug: string, lang: Lang): string {
	const m = municipalityBySlug(slug);
	if (!m) return slug;
	return lang === 'sq' ? m.name_sq : m.name_en;
}

/** A county's full name ("Qarku i Kukësit", "Kukës County"), or short ("Kukës"). */
export function countyName(slug: string, lang: Lang, short = false): string {
	const c = countyBySlugOf(slug);
	if (!c) return slug;
	if (short) return lang === 'sq' ? c.name_sq : c.name_en.replace(/ County$/, '');
	return lang === 'sq' ? c.qark_sq : c.name_en;
}

/** Index of a language in the snapshot's [sq, en] pairs. */
export function langIndex(lang: Lang): 0 | 1 {
	return lang === 'sq' ? 0 : 1;
}
