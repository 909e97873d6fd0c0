import raw from '../../../data/geo/albania.json';
import type { Lang } from '$lib/i18n/langs';
import type { County, GeoData, Municipality } from './schema';

export type { County, Municipality } from './schema';

/**
 * Albania's 12 counties (qarqe) and 61 municipalities (bashki), from data/geo/albania.json.
 * Checked against GeoDataSchema by the tests and when the server starts
 * (src/lib/server/data-check.ts), so a bad edit fails there, not in a person's browser —
 * and zod stays out of every page that shows a place name.
 */
export const geo: GeoData = raw as GeoData;

const bySlug = new Map(geo.municipalities.map((m) => [m.slug, m]));
const countyBySlug = new Map(geo.counties.map((c) => [c.slug, c]));

export function municipalityBySlug(slug: string): Municipality | undefined {
	return bySlug.get(slug);
}

export function countyBySlugOf(slug: string): County | undefined {
	return countyBySlug.get(slug);
}

export function municipalitiesInCounty(county: string): Municipality[] {
	return geo.municipalities.filter((m) => m.county === county);
}

/** A place name as shown to a person in their language. */
export function placeName(place: Municipality | County, lang: Lang): string {
	return lang === 'sq' ? place.name_sq : place.name_en;
}

/**
 * Folds a name for matching: lower case, ë→e, ç→c and any other accent removed, so that
 * "kukes" finds "Kukës" and "Durres" finds "Durrës".
 */
export function foldName(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const byFoldedName = new Map<string, Municipality>();
for (const m of geo.municipalities) {
	for (const name of [
		m.name_sq,
		m.definite_sq,
		m.in_sq,
		m.ascii,
		m.name_en,
		m.slug,
		...m.aliases
	]) {
		byFoldedName.set(foldName(name), m);
	}
}

/** The municipality a typed name refers to, in any of its spellings; exact match only. */
export function resolveMunicipality(name: string): Municipality | undefined {
	return byFoldedName.get(foldName(name.replace(/-/g, ' ')));
}
