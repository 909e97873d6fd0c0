/**
 * Ura's controlled vocabularies for the directory (extension fields `ura_kinds` and
 * `ura_audiences`, docs/hsds-albania-profile.md). Labels live in locales/{sq,en}/services.json
 * under `kind.*` and `audience.*`.
 */
export const KINDS = [
	'shelter',
	'legal',
	'health',
	'psychological',
	'employment',
	'education',
	'housing',
	'helpline',
	'mobile-unit',
	'social',
	'child-protection',
	'return',
	'justice'
] as const;
export type Kind = (typeof KINDS)[number];

export const AUDIENCES = ['women', 'men', 'children', 'families', 'lgbti', 'returnees'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Ura's namespace for UUID v5 ids derived from keys (BRIEF: shared contract). */
export const URA_NAMESPACE = '6f1d2c3b-9a7e-5b4c-8d2e-1f0a9b8c7d6e';

/** The profile this directory follows; written into every export. */
export const HSDS_VERSION = '3.1';
export const PROFILE_URI = 'urn:ura:hsds-albania-profile:1';

/** Service-area URIs (HSDS `service_area.uri`) of the Albania profile. */
export const AREA_NATIONAL = 'urn:ura:al:national';
export const areaUriOfCounty = (slug: string) => `urn:ura:al:county:${slug}`;
export const areaUriOfMunicipality = (slug: string) => `urn:ura:al:municipality:${slug}`;

export type Area =
	| { level: 'national' }
	| { level: 'county'; slug: string }
	| { level: 'municipality'; slug: string };

export function parseAreaUri(uri: string): Area | undefined {
	if (uri === AREA_NATIONAL) return { level: 'national' };
	const m = /^urn:ura:al:(county|municipality):([a-z]+(?:-[a-z]+)*)$/.exec(uri);
	if (!m) return undefined;
	return { level: m[1] as 'county' | 'municipality', slug: m[2]! };
}

/**
 * Words people type for each kind and audience, in both languages (folded when indexed).
 * Search terms only; the labels shown are in locales/{sq,en}/services.json.
 */
export const KIND_TERMS: Record<Kind, string> = {
	shelter: 'strehëz strehim strehë shtëpi shelter refuge safe house',
	legal: 'ligjor avokat juridik ndihmë ligjore legal lawyer law advice',
	health: 'shëndet mjek spital shëndetësor health doctor hospital medical',
	psychological:
		'psikolog psikologjik këshillim psikosocial psychological counselling therapy mental',
	employment: 'punë punësim pune job work employment training',
	education: 'shkollë shkollim kurs mësim arsim education school course training',
	housing: 'banesë strehim qira apartament housing rent flat home',
	helpline: 'linjë telefon ndihmë helpline phone line call',
	'mobile-unit': 'njësi e lëvizshme mobile unit outreach',
	social: 'social ndihmë ekonomike administrator social support aid',
	'child-protection': 'mbrojtje fëmijë fëmijët child protection children',
	return: 'kthim kthehem rikthim return returnee returning migration',
	justice: 'polici prokurori drejtësi police prosecutor justice report'
};

export const AUDIENCE_TERMS: Record<Audience, string> = {
	women: 'gra grua vajza femra women woman girls',
	men: 'burra burrë djem meshkuj men man boys',
	children: 'fëmijë fëmijët të mitur djem vajza children child minors',
	families: 'familje nëna familja families family mothers',
	lgbti: 'lgbti lgbt gay lesbike trans lgbtiq',
	returnees: 'të kthyer kthim emigrant returnees returning migrants'
};
