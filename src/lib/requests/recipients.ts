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

type PublishedKeys = { key?: string; publicKey?: string; mentorPublicKey?: string };

/**
 * Organisation keys whose peer-mentor group key can be offered: one that is not the same as
 * its staff key, nor repeats any other key in the snapshot. A group key equal to the staff key
 * would be read by every staff member, though the form says only peer mentors read it; a
 * repeated key means the snapshot cannot be trusted for that organisation. (Keys are compared
 * as the server's base64url text, which is canonical.)
 */
export function distinctMentorGroups(orgs: readonly PublishedKeys[]): Set<string> {
	const uses = new Map<string, number>();
	for (const o of orgs) {
		for (const k of [o.publicKey, o.mentorPublicKey]) {
			if (k) uses.set(k, (uses.get(k) ?? 0) + 1);
		}
	}
	return new Set(
		orgs
			.filter(
				(o): o is PublishedKeys & { key: string; mentorPublicKey: string } =>
					!!o.key &&
					!!o.mentorPublicKey &&
					o.mentorPublicKey !== o.publicKey &&
					uses.get(o.mentorPublicKey) === 1
			)
			.map((o) => o.key)
	);
}
