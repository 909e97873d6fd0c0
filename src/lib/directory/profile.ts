import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { countyBySlugOf, municipalityBySlug } from '$lib/geo';
import { CitationSchema } from '$lib/sources/schema';
import {
	HsdsAddressSchema as A,
	HsdsContactSchema as C,
	HsdsLanguageSchema as L,
	HsdsLocationSchema as Loc,
	HsdsOrganizationSchema as O,
	HsdsPhoneSchema as P,
	HsdsScheduleSchema as Sch,
	HsdsServiceAreaSchema as SA,
	HsdsServiceSchema as S
} from './hsds';
import { AUDIENCES, HSDS_VERSION, KINDS, parseAreaUri, PROFILE_URI, URA_NAMESPACE } from './vocab';

/**
 * The Albania profile of HSDS 3 (docs/hsds-albania-profile.md): the records Ura imports,
 * stores and exports. Strict objects: a field Ura does not store is an error naming it.
 * HSDS text fields are in Albanian; English goes in `ura_*_en` extension fields.
 */

/** A stable, human-readable key: lowercase ASCII words joined by hyphens. */
export const KeySchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a key is lowercase ASCII words joined by hyphens');
const nonEmpty = z.string().trim().min(1);
const isoDate = z.iso.date();
const municipalitySlug = z
	.string()
	.refine((s) => municipalityBySlug(s) !== undefined, 'not one of the 61 municipality slugs');

export function idOfKey(key: string): string {
	return uuidv5(key, URA_NAMESPACE);
}

export const UraLanguageSchema = z.strictObject({
	id: L.shape.id,
	name: L.shape.name,
	code: L.shape.code,
	note: L.shape.note
});

export const UraPhoneSchema = z.strictObject({
	id: P.shape.id,
	number: nonEmpty,
	extension: P.shape.extension,
	type: P.shape.type,
	description: P.shape.description,
	ura_description_en: z.string().optional()
});

export const UraContactSchema = z.strictObject({
	id: C.shape.id,
	name: C.shape.name,
	title: C.shape.title,
	department: C.shape.department,
	email: C.shape.email
});

export const UraScheduleSchema = z.strictObject({
	id: Sch.shape.id,
	valid_from: isoDate.optional(),
	valid_to: isoDate.optional(),
	freq: Sch.shape.freq,
	byday: z
		.string()
		.regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/, 'e.g. MO,TU,WE')
		.optional(),
	opens_at: z
		.string()
		.regex(/^\d{2}:\d{2}$/, 'HH:MM')
		.optional(),
	closes_at: z
		.string()
		.regex(/^\d{2}:\d{2}$/, 'HH:MM')
		.optional(),
	description: Sch.shape.description,
	ura_description_en: z.string().optional()
});

export const UraServiceAreaSchema = z.strictObject({
	id: SA.shape.id,
	name: nonEmpty,
	description: SA.shape.description,
	uri: z.string().refine((uri) => {
		const area = parseAreaUri(uri);
		if (!area) return false;
		if (area.level === 'county') return countyBySlugOf(area.slug) !== undefined;
		if (area.level === 'municipality') return municipalityBySlug(area.slug) !== undefined;
		return true;
	}, 'expected urn:ura:al:national, urn:ura:al:county:<slug> or urn:ura:al:municipality:<slug>')
});

export const UraAddressSchema = z.strictObject({
	id: A.shape.id,
	attention: A.shape.attention,
	address_1: nonEmpty,
	address_2: A.shape.address_2,
	city: nonEmpty,
	state_province: nonEmpty,
	postal_code: nonEmpty,
	country: z.literal('AL'),
	address_type: A.shape.address_type
});

export const UraLocationSchema = z.strictObject({
	id: Loc.shape.id,
	location_type: z.literal('physical'),
	name: nonEmpty,
	alternate_name: Loc.shape.alternate_name,
	description: Loc.shape.description,
	addresses: z.array(UraAddressSchema).optional(),
	ura_key: KeySchema,
	ura_municipality: municipalitySlug,
	ura_name_en: nonEmpty,
	/** A shelter: show the town only, never a street, and never a map. */
	ura_confidential: z.boolean()
});

export const UraServiceAtLocationSchema = z.strictObject({
	id: Loc.shape.id,
	description: z.string().optional(),
	location: UraLocationSchema
});

const citations = z.array(CitationSchema);

export const UraOrganizationSchema = z.strictObject({
	id: O.shape.id,
	name: nonEmpty,
	alternate_name: O.shape.alternate_name,
	description: nonEmpty,
	email: O.shape.email,
	website: O.shape.website,
	phones: z.array(UraPhoneSchema).optional(),
	contacts: z.array(UraContactSchema).optional(),
	ura_key: KeySchema,
	ura_name_en: nonEmpty,
	ura_description_en: nonEmpty,
	ura_citations: citations,
	/** Entries taken from the sources: "to be verified by the organisation". */
	ura_to_verify: z.boolean()
});

export const UraServiceSchema = z
	.strictObject({
		id: S.shape.id,
		organization_id: z.uuid(),
		name: nonEmpty,
		alternate_name: S.shape.alternate_name,
		description: nonEmpty,
		url: S.shape.url,
		email: S.shape.email,
		status: S.shape.status,
		application_process: S.shape.application_process,
		fees_description: S.shape.fees_description,
		eligibility_description: S.shape.eligibility_description,
		minimum_age: z.int().min(0).max(120).optional(),
		maximum_age: z.int().min(0).max(120).optional(),
		/** When this entry was last checked (against its sources, or by the organisation). */
		assured_date: isoDate,
		phones: z.array(UraPhoneSchema).optional(),
		schedules: z.array(UraScheduleSchema).optional(),
		service_areas: z.array(UraServiceAreaSchema).optional(),
		service_at_locations: z.array(UraServiceAtLocationSchema).optional(),
		languages: z.array(UraLanguageSchema).optional(),
		contacts: z.array(UraContactSchema).optional(),
		ura_key: KeySchema,
		ura_name_en: nonEmpty,
		ura_description_en: nonEmpty,
		ura_eligibility_en: z.string().optional(),
		ura_application_process_en: z.string().optional(),
		ura_fees_en: z.string().optional(),
		ura_kinds: z.array(z.enum(KINDS)).min(1),
		ura_audiences: z.array(z.enum(AUDIENCES)),
		/** Free of charge: true or false only when a source says so; absent when unknown. */
		ura_free: z.boolean().optional(),
		/** Where the sources leave the place open ("8 municipalities, not named"). */
		ura_place_note: z.string().optional(),
		ura_place_note_en: z.string().optional(),
		ura_citations: citations,
		ura_to_verify: z.boolean()
	})
	.refine(
		(s) =>
			s.minimum_age === undefined || s.maximum_age === undefined || s.minimum_age <= s.maximum_age,
		{ message: 'minimum_age is above maximum_age', path: ['maximum_age'] }
	);

const DocumentShapeSchema = z.strictObject({
	hsds_version: z.literal(HSDS_VERSION),
	profile: z.literal(PROFILE_URI),
	organizations: z.array(UraOrganizationSchema),
	services: z.array(UraServiceSchema)
});
type DocumentShape = z.infer<typeof DocumentShapeSchema>;

export const DirectoryDocumentSchema = DocumentShapeSchema.superRefine((doc, ctx) =>
	checkDocument(doc, ctx)
);

export type UraOrganization = z.infer<typeof UraOrganizationSchema>;
export type UraService = z.infer<typeof UraServiceSchema>;
export type UraLocation = z.infer<typeof UraLocationSchema>;
export type DirectoryDocument = z.infer<typeof DirectoryDocumentSchema>;

/** Rules across records: keyed ids, unique ids, references, shared locations agree. */
function checkDocument(doc: DocumentShape, ctx: z.RefinementCtx): void {
	const seen = new Map<string, string>();
	const claim = (id: string, where: string, path: PropertyKey[]) => {
		const prior = seen.get(id);
		if (prior && prior !== where) {
			ctx.addIssue({ code: 'custom', message: `id ${id} is also used by ${prior}`, path });
		}
		seen.set(id, where);
	};
	const keyed = (rec: { id: string; ura_key: string }, path: PropertyKey[]) => {
		const expected = idOfKey(rec.ura_key);
		if (rec.id !== expected) {
			ctx.addIssue({
				code: 'custom',
				message: `id must be the UUID v5 of ura_key "${rec.ura_key}": ${expected}`,
				path: [...path, 'id']
			});
		}
	};
	const keys = new Set<string>();
	const uniqueKey = (key: string, path: PropertyKey[]) => {
		if (keys.has(key)) {
			ctx.addIssue({ code: 'custom', message: `duplicate ura_key "${key}"`, path });
		}
		keys.add(key);
	};
	doc.organizations.forEach((o, i) => {
		const path = ['organizations', i];
		keyed(o, path);
		uniqueKey(o.ura_key, [...path, 'ura_key']);
		claim(o.id, `organization ${o.ura_key}`, [...path, 'id']);
		o.phones?.forEach((p, j) => claim(p.id, `a phone of ${o.ura_key}`, [...path, 'phones', j]));
		o.contacts?.forEach((c, j) =>
			claim(c.id, `a contact of ${o.ura_key}`, [...path, 'contacts', j])
		);
	});
	const locations = new Map<string, string>();
	doc.services.forEach((s, i) => {
		const path = ['services', i];
		keyed(s, path);
		uniqueKey(s.ura_key, [...path, 'ura_key']);
		claim(s.id, `service ${s.ura_key}`, [...path, 'id']);
		const subs = [
			['phones', s.phones],
			['schedules', s.schedules],
			['service_areas', s.service_areas],
			['languages', s.languages],
			['contacts', s.contacts],
			['service_at_locations', s.service_at_locations]
		] as const;
		for (const [field, list] of subs) {
			list?.forEach((r, j) => claim(r.id, `a ${field} entry of ${s.ura_key}`, [...path, field, j]));
		}
		s.service_at_locations?.forEach((sal, j) => {
			const loc = sal.location;
			const lpath = [...path, 'service_at_locations', j, 'location'];
			keyed(loc, lpath);
			const json = JSON.stringify(loc);
			const prior = locations.get(loc.id);
			if (prior !== undefined && prior !== json) {
				ctx.addIssue({
					code: 'custom',
					message: `location ${loc.ura_key} appears twice with different content`,
					path: lpath
				});
			}
			if (prior === undefined) claim(loc.id, `location ${loc.ura_key}`, [...lpath, 'id']);
			locations.set(loc.id, json);
		});
	});
	// References to organisations outside the file are checked against the database on import.
}

export type ImportProblem = { record: string; field: string; message: string };

/** Zod issues as "which record, which field, what is wrong", for people editing a file. */
export function describeProblems(input: unknown, error: z.ZodError): ImportProblem[] {
	const doc = (input ?? {}) as Record<string, unknown>;
	return error.issues.map((issue) => {
		const [list, index, ...rest] = issue.path;
		let record = '(document)';
		let fieldPath = issue.path;
		if ((list === 'organizations' || list === 'services') && typeof index === 'number') {
			const rec = (doc[list] as Record<string, unknown>[] | undefined)?.[index];
			const key = typeof rec?.ura_key === 'string' ? ` "${rec.ura_key}"` : '';
			record = `${list === 'services' ? 'service' : 'organization'} #${index + 1}${key}`;
			fieldPath = rest;
		}
		return {
			record,
			field: fieldPath.length ? fieldPath.map(String).join('.') : '(record)',
			message: issue.message
		};
	});
}
