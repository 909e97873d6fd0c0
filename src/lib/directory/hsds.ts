import { z } from 'zod';

/**
 * Open Referral HSDS 3 records, as zod schemas, in two layers.
 *
 * 1. `Hsds*` — the HSDS fields Ura uses, typed as the official JSON schema types them
 *    (tests/fixtures/hsds/, from openreferral/specification). Loose: any other HSDS field
 *    passes through, so the official examples parse. `hsds.spec.ts` keeps this layer in step
 *    with the official schema: every field here exists there with the same type, and the
 *    required fields are the same.
 * 2. `Ura*` — the Albania profile (docs/hsds-albania-profile.md): the HSDS fields Ura stores,
 *    plus its extension fields (all prefixed `ura_`), strict — an unknown field is an error
 *    that names it, so nothing is silently dropped on import and a round trip is lossless.
 */

const uuid = z.uuid();
const text = z.string();
const number = z.number();

export const HsdsLanguageSchema = z.looseObject({
	id: uuid,
	service_id: uuid.optional(),
	location_id: uuid.optional(),
	phone_id: uuid.optional(),
	name: text.optional(),
	code: text.optional(),
	note: text.optional()
});

export const HsdsPhoneSchema = z.looseObject({
	id: uuid,
	location_id: uuid.optional(),
	service_id: uuid.optional(),
	organization_id: uuid.optional(),
	contact_id: uuid.optional(),
	service_at_location_id: uuid.optional(),
	number: text,
	extension: number.optional(),
	type: text.optional(),
	description: text.optional(),
	languages: z.array(HsdsLanguageSchema).optional()
});

export const HsdsContactSchema = z.looseObject({
	id: uuid,
	organization_id: uuid.optional(),
	service_id: uuid.optional(),
	service_at_location_id: uuid.optional(),
	location_id: uuid.optional(),
	name: text.optional(),
	title: text.optional(),
	department: text.optional(),
	email: z.email().optional(),
	phones: z.array(HsdsPhoneSchema).optional()
});

export const HsdsScheduleSchema = z.looseObject({
	id: uuid,
	service_id: uuid.optional(),
	location_id: uuid.optional(),
	service_at_location_id: uuid.optional(),
	valid_from: text.optional(),
	valid_to: text.optional(),
	dtstart: text.optional(),
	timezone: number.optional(),
	until: text.optional(),
	count: number.optional(),
	wkst: z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']).optional(),
	freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
	interval: number.optional(),
	byday: text.optional(),
	byweekno: text.optional(),
	bymonthday: text.optional(),
	byyearday: text.optional(),
	description: text.optional(),
	opens_at: text.optional(),
	closes_at: text.optional(),
	schedule_link: z.url().optional(),
	attending_type: text.optional(),
	notes: text.optional()
});

export const HsdsServiceAreaSchema = z.looseObject({
	id: uuid,
	service_id: uuid.optional(),
	service_at_location_id: uuid.optional(),
	name: text.optional(),
	description: text.optional(),
	extent: text.optional(),
	extent_type: text.optional(),
	uri: text.optional()
});

export const HsdsAddressSchema = z.looseObject({
	id: uuid,
	location_id: uuid.optional(),
	attention: text.optional(),
	address_1: text,
	address_2: text.optional(),
	city: text,
	region: text.optional(),
	state_province: text,
	postal_code: text,
	country: text,
	address_type: z.enum(['physical', 'postal', 'virtual'])
});

export const HsdsLocationSchema = z.looseObject({
	id: uuid,
	location_type: z.enum(['physical', 'postal', 'virtual']),
	url: z.url().optional(),
	organization_id: uuid.optional(),
	name: text.optional(),
	alternate_name: text.optional(),
	description: text.optional(),
	transportation: text.optional(),
	latitude: number.optional(),
	longitude: number.optional(),
	languages: z.array(HsdsLanguageSchema).optional(),
	addresses: z.array(HsdsAddressSchema).optional(),
	contacts: z.array(HsdsContactSchema).optional(),
	phones: z.array(HsdsPhoneSchema).optional(),
	schedules: z.array(HsdsScheduleSchema).optional()
});

export const HsdsServiceAtLocationSchema = z.looseObject({
	id: uuid,
	service_id: uuid.optional(),
	location_id: uuid.optional(),
	description: text.optional(),
	service_areas: z.array(HsdsServiceAreaSchema).optional(),
	contacts: z.array(HsdsContactSchema).optional(),
	phones: z.array(HsdsPhoneSchema).optional(),
	schedules: z.array(HsdsScheduleSchema).optional(),
	location: HsdsLocationSchema.optional()
});

export const HsdsOrganizationSchema = z.looseObject({
	id: uuid,
	name: text,
	alternate_name: text.optional(),
	description: text,
	email: z.email().optional(),
	website: z.url().optional(),
	year_incorporated: number.optional(),
	legal_status: text.optional(),
	uri: z.url().optional(),
	parent_organization_id: uuid.optional(),
	contacts: z.array(HsdsContactSchema).optional(),
	phones: z.array(HsdsPhoneSchema).optional(),
	locations: z.array(HsdsLocationSchema).optional()
});

export const HsdsServiceSchema = z.looseObject({
	id: uuid,
	organization_id: uuid.optional(),
	name: text,
	alternate_name: text.optional(),
	description: text.optional(),
	url: z.url().optional(),
	email: z.email().optional(),
	status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
	interpretation_services: text.optional(),
	application_process: text.optional(),
	fees_description: text.optional(),
	eligibility_description: text.optional(),
	minimum_age: number.optional(),
	maximum_age: number.optional(),
	assured_date: text.optional(),
	alert: text.optional(),
	phones: z.array(HsdsPhoneSchema).optional(),
	schedules: z.array(HsdsScheduleSchema).optional(),
	service_areas: z.array(HsdsServiceAreaSchema).optional(),
	service_at_locations: z.array(HsdsServiceAtLocationSchema).optional(),
	languages: z.array(HsdsLanguageSchema).optional(),
	organization: HsdsOrganizationSchema.optional(),
	contacts: z.array(HsdsContactSchema).optional()
});

/** Each HSDS-layer schema with the name of its definition in the official schema. */
export const HSDS_LAYER = {
	service: HsdsServiceSchema,
	organization: HsdsOrganizationSchema,
	service_at_location: HsdsServiceAtLocationSchema,
	location: HsdsLocationSchema,
	address: HsdsAddressSchema,
	phone: HsdsPhoneSchema,
	contact: HsdsContactSchema,
	schedule: HsdsScheduleSchema,
	service_area: HsdsServiceAreaSchema,
	language: HsdsLanguageSchema
} as const;
