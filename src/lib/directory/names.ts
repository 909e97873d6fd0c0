// The raw geography file, not $lib/geo: these names are needed on every directory page in the
// browser, and $lib/geo validates the file with zod when loaded (the tests and the server do
// that; the browser need not download zod for it).
import raw from '../../../data/geo/albania.json';
import type { GeoData } from '$lib/geo/schema';
import type { Lang } from '$lib/i18n/langs';

const data = raw as GeoData;
const municipalities = new Map(data.municipalities.map((m) => [m.slug, m]));
const counties = new Map(data.counties.map((c) => [c.slug, c]));

/** A municipality's name in a language ("Kukës"; "Tirana" in English). */
export function municipalityName(slug: string, lang: Lang): string {
	const m = municipalities.get(slug);
	if (!m) return slug;
	return lang === 'sq' ? m.name_sq : m.name_en;
}

/**
 * A municipality's name as it reads after "in" (sq "në"), from the data's in_sq: "Malësi të
 * Madhe" ("Malësi e Madhe" in English).
 */
export function municipalityNameAfterIn(slug: string, lang: Lang): string {
	const m = municipalities.get(slug);
	if (!m) return slug;
	return lang === 'sq' ? m.in_sq : m.name_en;
}

/** A county's full name ("Qarku i Kukësit", "Kukës County"), or short ("Kukës"). */
export function countyName(slug: string, lang: Lang, short = false): string {
	const c = counties.get(slug);
	if (!c) return slug;
	if (short) return lang === 'sq' ? c.name_sq : c.name_en.replace(/ County$/, '');
	return lang === 'sq' ? c.qark_sq : c.name_en;
}

/** Index of a language in the snapshot's [sq, en] pairs. */
export function langIndex(lang: Lang): 0 | 1 {
	return lang === 'sq' ? 0 : 1;
}
