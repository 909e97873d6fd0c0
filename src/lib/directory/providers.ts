import { v5 as uuidv5 } from 'uuid';
import { municipalityBySlug } from '$lib/geo';
import { servicesEverywhere, servicesForMunicipality, type MunicipalityServices } from './places';
import type { Snapshot, SnapshotService } from './snapshot';
import { URA_NAMESPACE } from './vocab';

/** An organisation's directory id from its stable key (UUID v5 under Ura's namespace). */
export function orgIdForKey(key: string): string {
	return uuidv5(key, URA_NAMESPACE);
}

export type Providers = Omit<MunicipalityServices, 'municipality' | 'county'> & {
	/** Undefined when the person gave no municipality (or preferred not to say). */
	municipality?: string;
	/**
	 * When nothing is located in, covers or is near the municipality: the organisations'
	 * services elsewhere (shelters take people from the whole country by referral).
	 */
	elsewhere: SnapshotService[];
};

/**
 * The services of the given organisations that a person in `municipality` can turn to, in
 * the municipality page's order: located there, covering it, the closest in the county when
 * there is neither, then those that work everywhere, and — when nothing is local or near —
 * where else they are. Without a municipality: what works everywhere, and the rest.
 */
export function providersFor(
	snapshot: Snapshot,
	orgKeys: readonly string[],
	municipality: string | undefined,
	lang: 0 | 1 = 0
): Providers {
	const ids = new Set(orgKeys.map(orgIdForKey));
	const ours = (s: SnapshotService) => ids.has(snapshot.orgs[s.org]?.id ?? '');
	const mine: Snapshot = { ...snapshot, services: snapshot.services.filter(ours) };
	if (!municipality || !municipalityBySlug(municipality)) {
		const everywhere = servicesEverywhere(mine, lang);
		return { located: [], covering: [], nearby: [], everywhere, elsewhere: rest(mine, everywhere) };
	}
	const { located, covering, nearby, everywhere } = servicesForMunicipality(
		mine,
		municipality,
		lang
	);
	const none = !located.length && !covering.length && !nearby.length;
	const elsewhere = none ? rest(mine, everywhere) : [];
	return { municipality, located, covering, nearby, everywhere, elsewhere };
}

function rest(snapshot: Snapshot, shown: SnapshotService[]): SnapshotService[] {
	const skip = new Set(shown.map((s) => s.id));
	return snapshot.services.filter((s) => !skip.has(s.id));
}
