// Plain values shared by the engine, the UI and the schemas. Kept apart from schema.ts so the
// browser's screener does not bundle zod: the catalogue is validated at build time and in the
// tests, never again on the device.

/** The answer everyone may give to every question. It is never a value in a condition. */
export const PREFER_NOT = 'prefer_not';

/** The directory's organisation keys (shared contract in BRIEF.md). */
export const ORGANISATION_KEYS = [
	'state-shelter-linza',
	'different-and-equal',
	'tjeter-vizion',
	'vatra',
	'nisma-arsis',
	'venerini-lezhe',
	'caritas-albania',
	'awen',
	'lgbti-shelter',
	'lilium-centre',
	'public-health-care',
	'mohsp-helplines',
	'clci',
	'shkej',
	'terre-des-hommes',
	'mary-ward-loreto',
	'key-adviser',
	'iom',
	'naes',
	'state-social-service',
	'child-protection-units',
	'municipal-social-services',
	'tirana-social-services',
	'prosecution-victim-coordinators',
	'state-police',
	'national-anti-trafficking-coordinator'
] as const;

/** The areas of life entitlements are grouped by. */
export const AREAS = [
	'money',
	'health',
	'shelter',
	'housing',
	'legal',
	'work',
	'children',
	'return',
	'community'
] as const;

/** Placeholders the app fills in a draft request; everything else is written by hand. */
export const REQUEST_PLACEHOLDERS = ['municipality', 'date'] as const;
