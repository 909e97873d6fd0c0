import { countyBySlugOf, geo, municipalitiesInCounty, municipalityBySlug } from '$lib/geo';
import { compareText } from '$lib/i18n/collate';
import type { Snapshot, SnapshotService } from './snapshot';

/**
 * Which services a person in a municipality can turn to, in the order a municipality page
 * shows them (issue 5): located there; then those whose area covers it (mobile units,
 * county services); then — only where there is neither — the closest options in the same
 * county, said plainly; and last, what works everywhere in Albania.
 */
export type MunicipalityServices = {
	municipality: string;
	county: string;
	located: SnapshotService[];
	covering: SnapshotService[];
	/** Only when `located` and `covering` are both empty. Closest first. */
	nearby: { municipality: string; services: SnapshotService[] }[];
	everywhere: SnapshotService[];
};

function isEverywhere(s: SnapshotService): boolean {
	return !!s.areas && (s.areas[0] === 'national' || s.areas[0] === 'all');
}

export function isLocatedIn(s: SnapshotService, municipality: string): boolean {
	return s.at?.includes(municipality) ?? false;
}

/** Covers the municipality through its service area (not counting nationwide services). */
export function coversLocally(s: SnapshotService, municipality: string): boolean {
	if (!s.areas || isEverywhere(s)) return false;
	const county = municipalityBySlug(municipality)?.county;
	return s.areas.some((a) => a === `municipality:${municipality}` || a === `county:${county}`);
}

const byName = (lang: 0 | 1) => {
	const compare = compareText(lang === 0 ? 'sq' : 'en');
	return (a: SnapshotService, b: SnapshotService) => compare(a.name[lang], b.name[lang]);
};

export function servicesForMunicipality(
	snapshot: Snapshot,
	municipality: string,
	lang: 0 | 1 = 0
): MunicipalityServices {
	const m = municipalityBySlug(municipality);
	if (!m) throw new Error(`unknown municipality ${municipality}`);
	const sort = byName(lang);
	const located = snapshot.services.filter((s) => isLocatedIn(s, m.slug)).sort(sort);
	const covering = snapshot.services
		.filter((s) => !isLocatedIn(s, m.slug) && coversLocally(s, m.slug))
		.sort(sort);
	const everywhere = everywhereFirstLocal(snapshot, sort);
	const nearby: MunicipalityServices['nearby'] = [];
	if (!located.length && !covering.length) {
		for (const other of nearestInCounty(m.slug)) {
			const services = snapshot.services
				.filter((s) => isLocatedIn(s, other) || coversLocally(s, other))
				.sort(sort);
			if (services.length) nearby.push({ municipality: other, services });
		}
	}
	return { municipality: m.slug, county: m.county, located, covering, nearby, everywhere };
}

/** Nationwide services, those of every municipality (its own office: CPU, social services) first. */
function everywhereFirstLocal(
	snapshot: Snapshot,
	sort: (a: SnapshotService, b: SnapshotService) => number
): SnapshotService[] {
	const all = snapshot.services.filter((s) => s.areas?.[0] === 'all').sort(sort);
	const national = snapshot.services.filter((s) => s.areas?.[0] === 'national').sort(sort);
	return [...all, ...national];
}

/**
 * The other municipalities of the same county, closest first. Ura has no coordinates (and
 * no map), so "closest" is the county seat — where services concentrate (sources: L317) —
 * and then the others by name.
 */
export function nearestInCounty(municipality: string): string[] {
	const m = municipalityBySlug(municipality);
	if (!m) return [];
	const seat = countyBySlugOf(m.county)?.seat_municipality;
	const others = municipalitiesInCounty(m.county)
		.map((x) => x.slug)
		.filter((slug) => slug !== m.slug && slug !== seat)
		.sort();
	return seat && seat !== m.slug ? [seat, ...others] : others;
}

/** Services with a place in the county (located in, or covering, any of its municipalities). */
export function servicesForCounty(
	snapshot: Snapshot,
	county: string,
	lang: 0 | 1 = 0
): { local: SnapshotService[]; everywhere: SnapshotService[] } {
	const slugs = municipalitiesInCounty(county).map((m) => m.slug);
	const local = snapshot.services
		.filter((s) => slugs.some((m) => isLocatedIn(s, m) || coversLocally(s, m)))
		.sort(byName(lang));
	return { local, everywhere: everywhereFirstLocal(snapshot, byName(lang)) };
}

/** How many services are located in or cover each municipality (for the browse list). */
export function localCounts(snapshot: Snapshot): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of geo.municipalities) {
		counts.set(
			m.slug,
			snapshot.services.filter((s) => isLocatedIn(s, m.slug) || coversLocally(s, m.slug)).length
		);
	}
	return counts;
}

/** Services that work everywhere in Albania: those of every municipality first, then nationwide. */
export function servicesEverywhere(snapshot: Snapshot, lang: 0 | 1 = 0): SnapshotService[] {
	return everywhereFirstLocal(snapshot, byName(lang));
}
