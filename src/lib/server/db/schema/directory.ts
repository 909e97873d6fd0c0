import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';

/**
 * The service directory, shaped like Open Referral HSDS 3 (docs/hsds-albania-profile.md).
 * Column names are the HSDS field names, so a record maps to a row field by field; Ura's
 * extension fields keep their `ura_` prefix. Sub-records keep their order in `position`.
 * Public data only: nothing here is about a person who uses Ura.
 */

export const directoryOrganization = pgTable('directory_organization', {
	id: uuid('id').primaryKey(),
	ura_key: text('ura_key').notNull().unique(),
	name: text('name').notNull(),
	alternate_name: text('alternate_name'),
	description: text('description').notNull(),
	email: text('email'),
	website: text('website'),
	ura_name_en: text('ura_name_en').notNull(),
	ura_description_en: text('ura_description_en').notNull(),
	ura_citations: jsonb('ura_citations').$type<string[]>().notNull(),
	ura_to_verify: boolean('ura_to_verify').notNull()
});

export const directoryService = pgTable(
	'directory_service',
	{
		id: uuid('id').primaryKey(),
		organization_id: uuid('organization_id')
			.notNull()
			.references(() => directoryOrganization.id),
		ura_key: text('ura_key').notNull().unique(),
		name: text('name').notNull(),
		alternate_name: text('alternate_name'),
		description: text('description').notNull(),
		url: text('url'),
		email: text('email'),
		status: text('status').notNull(),
		application_process: text('application_process'),
		fees_description: text('fees_description'),
		eligibility_description: text('eligibility_description'),
		minimum_age: integer('minimum_age'),
		maximum_age: integer('maximum_age'),
		assured_date: text('assured_date').notNull(),
		ura_name_en: text('ura_name_en').notNull(),
		ura_description_en: text('ura_description_en').notNull(),
		ura_eligibility_en: text('ura_eligibility_en'),
		ura_application_process_en: text('ura_application_process_en'),
		ura_fees_en: text('ura_fees_en'),
		ura_kinds: jsonb('ura_kinds').$type<string[]>().notNull(),
		ura_audiences: jsonb('ura_audiences').$type<string[]>().notNull(),
		ura_free: boolean('ura_free'),
		ura_place_note: text('ura_place_note'),
		ura_place_note_en: text('ura_place_note_en'),
		ura_citations: jsonb('ura_citations').$type<string[]>().notNull(),
		ura_to_verify: boolean('ura_to_verify').notNull()
	},
	(t) => [index('directory_service_org_idx').on(t.organization_id)]
);

export const directoryLocation = pgTable('directory_location', {
	id: uuid('id').primaryKey(),
	ura_key: text('ura_key').notNull().unique(),
	location_type: text('location_type').notNull(),
	name: text('name').notNull(),
	alternate_name: text('alternate_name'),
	description: text('description'),
	ura_municipality: text('ura_municipality').notNull(),
	ura_name_en: text('ura_name_en').notNull(),
	ura_confidential: boolean('ura_confidential').notNull()
});

export const directoryAddress = pgTable('directory_address', {
	id: uuid('id').primaryKey(),
	location_id: uuid('location_id')
		.notNull()
		.references(() => directoryLocation.id, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	attention: text('attention'),
	address_1: text('address_1').notNull(),
	address_2: text('address_2'),
	city: text('city').notNull(),
	state_province: text('state_province').notNull(),
	postal_code: text('postal_code').notNull(),
	country: text('country').notNull(),
	address_type: text('address_type').notNull()
});

export const directoryServiceAtLocation = pgTable(
	'directory_service_at_location',
	{
		id: uuid('id').primaryKey(),
		service_id: uuid('service_id')
			.notNull()
			.references(() => directoryService.id, { onDelete: 'cascade' }),
		location_id: uuid('location_id')
			.notNull()
			.references(() => directoryLocation.id),
		position: integer('position').notNull(),
		description: text('description')
	},
	(t) => [index('directory_sal_service_idx').on(t.service_id)]
);

/** Phones of an organisation or of a service (exactly one of the two). */
export const directoryPhone = pgTable('directory_phone', {
	id: uuid('id').primaryKey(),
	organization_id: uuid('organization_id').references(() => directoryOrganization.id, {
		onDelete: 'cascade'
	}),
	service_id: uuid('service_id').references(() => directoryService.id, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	number: text('number').notNull(),
	extension: real('extension'),
	type: text('type'),
	description: text('description'),
	ura_description_en: text('ura_description_en')
});

/** Contacts of an organisation or of a service (exactly one of the two). */
export const directoryContact = pgTable('directory_contact', {
	id: uuid('id').primaryKey(),
	organization_id: uuid('organization_id').references(() => directoryOrganization.id, {
		onDelete: 'cascade'
	}),
	service_id: uuid('service_id').references(() => directoryService.id, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	name: text('name'),
	title: text('title'),
	department: text('department'),
	email: text('email')
});

export const directorySchedule = pgTable('directory_schedule', {
	id: uuid('id').primaryKey(),
	service_id: uuid('service_id')
		.notNull()
		.references(() => directoryService.id, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	valid_from: text('valid_from'),
	valid_to: text('valid_to'),
	freq: text('freq'),
	byday: text('byday'),
	opens_at: text('opens_at'),
	closes_at: text('closes_at'),
	description: text('description'),
	ura_description_en: text('ura_description_en')
});

export const directoryLanguage = pgTable('directory_language', {
	id: uuid('id').primaryKey(),
	service_id: uuid('service_id')
		.notNull()
		.references(() => directoryService.id, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	name: text('name'),
	code: text('code'),
	note: text('note')
});

export const directoryServiceArea = pgTable(
	'directory_service_area',
	{
		id: uuid('id').primaryKey(),
		service_id: uuid('service_id')
			.notNull()
			.references(() => directoryService.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		name: text('name').notNull(),
		description: text('description'),
		uri: text('uri').notNull()
	},
	(t) => [index('directory_service_area_service_idx').on(t.service_id)]
);

/**
 * Every change to the directory, versioned: who made it, when, and what changed (per record,
 * the fields before and after). `version` is the directory version the change produced; the
 * snapshot served to browsers carries the latest one.
 */
export const directoryChanges = pgTable('directory_changes', {
	version: integer('version').primaryKey(),
	changed_at: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
	changed_by: text('changed_by').notNull(),
	/** What made the change: 'seed' (first start), 'import' (CLI). */
	via: text('via').notNull(),
	diff: jsonb('diff').$type<DirectoryDiff>().notNull()
});

/** Per record ("services/<key>"): the top-level fields that changed, before and after. */
export type DirectoryDiff = Record<
	string,
	{ before: Record<string, unknown> | null; after: Record<string, unknown> }
>;
