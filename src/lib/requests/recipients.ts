/**
 * "An organisation that covers my municipality", resolved on the device from the directory
 * snapshot (the municipality is never sent anywhere): organisations that can receive
 * requests and have a service located in the municipality or whose area covers it; where
 * there is none, those that work everywhere in Albania. At most MAX_RECIPIENTS.
 */
import { coversLocally, isLocatedIn } from '$lib/directory/places';
import type { Snapshot, SnapshotService } from '$lib/directory/snapshot';
import { MAX_RECIPIENTS } from './formats';

export type KeyedOrg = {
	key: string;
	publicKey: string;
	name: [string, string];
	fingerprint?: string;
};

const everywhere = (s: SnapshotService) =>
	!!s.areas && (s.areas[0] === 'national' || s.areas[0] === 'all');

export function recipientsForMunicipality(
	snapshot: Snapshot,
	keyed: KeyedOrg[],
	municipality: string
): KeyedOrg[] {
	const byIndex = (test: (s: SnapshotService) => boolean) => {
		const keys = new Set(
			snapshot.services
				.filter(test)
				.map((s) => snapshot.orgs[s.org]?.key)
				.filter((k) => !!k)
		);
		return keyed.filter((o) => keys.has(o.key));
	};
	const local = byIndex((s) => isLocatedIn(s, municipality) || coversLocally(s, municipality));
	const chosen = local.length ? local : byIndex(everywhere);
	return chosen.slice(0, MAX_RECIPIENTS);
}
