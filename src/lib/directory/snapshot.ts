import { z } from 'zod';
import { AUDIENCES, KINDS, parseAreaUri } from './vocab';

/**
 * The directory as the browser gets it: one compact, versioned JSON file
 * (GET /directory/snapshot.json), fetched once and searched on the device. Public data
 * only; what a person types never leaves the device.
 */
export const SNAPSHOT_FORMAT = 1;

const pair = z.tuple([z.string(), z.string()]);

const SnapshotServiceSchema = z.object({
	id: z.uuid(),
	/** Index into `orgs`. */
	org: z.int().nonnegative(),
	name: pair,
	description: pair,
	eligibility: pair.optional(),
	kinds: z.array(z.enum(KINDS)),
	audiences: z.array(z.enum(AUDIENCES)),
	minAge: z.int().optional(),
	maxAge: z.int().optional(),
	languages: z.array(z.string()).optional(),
	free: z.boolean().optional(),
	/** Municipality slugs where the service has a location (towns only). */
	at: z.array(z.string()).optional(),
	/** Service area: 'national', 'all' (every municipality), 'county:<slug>', 'municipality:<slug>'. */
	areas: z.array(z.string()).optional(),
	/** Where the sources leave the place open. */
	placeNote: pair.optional(),
	toVerify: z.boolean()
});

export const SnapshotSchema = z.object({
	format: z.literal(SNAPSHOT_FORMAT),
	version: z.int().nonnegative(),
	orgs: z.array(
		z.object({
			id: z.uuid(),
			name: pair,
			/** The organisation's stable directory key (help-request recipients use it). */
			key: z.string().optional(),
			/** X25519 public key (base64url) for help requests, once its first admin made one. */
			publicKey: z
				.string()
				.regex(/^[A-Za-z0-9_-]{43}$/)
				.optional(),
			/** First 16 bytes of BLAKE2b-512 of the public key, grouped hex, to compare by eye. */
			fingerprint: z.string().optional(),
			/** The organisation's peer-mentor group key, once an admin set the group up. */
			mentorPublicKey: z
				.string()
				.regex(/^[A-Za-z0-9_-]{43}$/)
				.optional(),
			mentorFingerprint: z.string().optional()
		})
	),
	services: z.array(SnapshotServiceSchema)
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotService = z.infer<typeof SnapshotServiceSchema>;

/** The parts of an HSDS export (Albania profile) the snapshot needs. */
export type SnapshotSource = {
	organizations: { id: string; name: string; ura_name_en: string; ura_key?: string }[];
	services: {
		id: string;
		organization_id: string;
		name: string;
		ura_name_en: string;
		description: string;
		ura_description_en: string;
		eligibility_description?: string;
		ura_eligibility_en?: string;
		ura_kinds: string[];
		ura_audiences: string[];
		minimum_age?: number;
		maximum_age?: number;
		languages?: { code?: string }[];
		ura_free?: boolean;
		status: string;
		service_at_locations?: { location: { ura_municipality: string } }[];
		service_areas?: { uri: string }[];
		ura_place_note?: string;
		ura_place_note_en?: string;
		ura_to_verify: boolean;
	}[];
};

const MUNICIPALITY_COUNT = 61;

/** Builds the snapshot from an export; active services only. */
export function buildSnapshot(doc: SnapshotSource, version: number): Snapshot {
	const orgIndex = new Map(doc.organizations.map((o, i) => [o.id, i]));
	const services = doc.services
		.filter((s) => s.status === 'active')
		.map((s): SnapshotService => {
			const areaList = (s.service_areas ?? []).map((a) => parseAreaUri(a.uri)).filter((a) => !!a);
			const municipalities = areaList.filter((a) => a.level === 'municipality');
			let areas: string[] | undefined;
			if (areaList.some((a) => a.level === 'national')) areas = ['national'];
			else if (new Set(municipalities.map((m) => m.slug)).size === MUNICIPALITY_COUNT)
				areas = ['all'];
			else if (areaList.length)
				areas = areaList.map((a) => `${a.level}:${'slug' in a ? a.slug : ''}`);
			const at = [
				...new Set((s.service_at_locations ?? []).map((x) => x.location.ura_municipality))
			];
			const languages = (s.languages ?? []).map((l) => l.code).filter((c): c is string => !!c);
			return {
				id: s.id,
				org: orgIndex.get(s.organization_id) ?? 0,
				name: [s.name, s.ura_name_en],
				description: [s.description, s.ura_description_en],
				eligibility: s.eligibility_description
					? [s.eligibility_description, s.ura_eligibility_en ?? s.eligibility_description]
					: undefined,
				kinds: s.ura_kinds as SnapshotService['kinds'],
				audiences: s.ura_audiences as SnapshotService['audiences'],
				minAge: s.minimum_age,
				maxAge: s.maximum_age,
				languages: languages.length ? languages : undefined,
				free: s.ura_free,
				at: at.length ? at : undefined,
				areas,
				placeNote: s.ura_place_note
					? [s.ura_place_note, s.ura_place_note_en ?? s.ura_place_note]
					: undefined,
				toVerify: s.ura_to_verify
			};
		});
	return {
		format: SNAPSHOT_FORMAT,
		version,
		orgs: doc.organizations.map((o) => ({
			id: o.id,
			name: [o.name, o.ura_name_en],
			...(o.ura_key ? { key: o.ura_key } : {})
		})),
		services
	};
}
