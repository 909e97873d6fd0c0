import { describe, expect, it } from 'vitest';
import { geo } from '$lib/geo';
import { DirectoryDocumentSchema, describeProblems, idOfKey } from './profile';
import { directoryData as data, serviceByKey } from '../../../tests/helpers/directory';
import { areaUriOfMunicipality } from './vocab';

// BRIEF.md, "Shared contract: directory keys": other data refers to these by key.
const CONTRACT_KEYS = [
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
];

describe('the directory data (data/directory)', () => {
	it('has every organisation key of the shared contract, with the id derived from it', () => {
		const byKey = new Map(data.organizations.map((o) => [o.ura_key, o]));
		for (const key of CONTRACT_KEYS) {
			expect(byKey.get(key)?.id, key).toBe(idOfKey(key));
		}
	});

	it('gives every organisation at least one service, and every record its sources', () => {
		for (const o of data.organizations) {
			expect(
				data.services.some((s) => s.organization_id === o.id),
				o.ura_key
			).toBe(true);
			expect(o.ura_citations.length, o.ura_key).toBeGreaterThan(0);
		}
		for (const s of data.services) expect(s.ura_citations.length, s.ura_key).toBeGreaterThan(0);
	});

	it('marks everything taken from the sources as to be verified by the organisation', () => {
		expect(data.services.every((s) => s.ura_to_verify)).toBe(true);
		expect(data.organizations.every((o) => o.ura_to_verify)).toBe(true);
	});

	it('holds no phone number, e-mail or street address (none is in the sources)', () => {
		for (const s of data.services) {
			expect(s.phones ?? [], s.ura_key).toEqual([]);
			expect(s.email, s.ura_key).toBeUndefined();
			for (const sal of s.service_at_locations ?? [])
				expect(sal.location.addresses ?? []).toEqual([]);
		}
		for (const o of data.organizations) {
			expect(o.phones ?? []).toEqual([]);
			expect(o.email).toBeUndefined();
		}
		expect(JSON.stringify(data)).not.toMatch(/\+355|\b0\d{2}[ -]?\d{3}[ -]?\d{3}\b/);
	});

	it('shows shelters by town only', () => {
		const shelters = data.services.filter((s) => s.ura_kinds.includes('shelter'));
		expect(shelters.length).toBeGreaterThan(8);
		for (const s of shelters) {
			for (const sal of s.service_at_locations ?? []) {
				expect(sal.location.ura_confidential, s.ura_key).toBe(true);
				expect(sal.location.addresses, s.ura_key).toBeUndefined();
			}
		}
	});

	it('has Child Protection Units and municipal social services in all 61 municipalities', () => {
		for (const key of ['cpu-municipal', 'municipal-social-administrators']) {
			const uris = new Set(serviceByKey(key).service_areas?.map((a) => a.uri));
			for (const m of geo.municipalities)
				expect(uris.has(areaUriOfMunicipality(m.slug)), m.slug).toBe(true);
			expect(serviceByKey(key).service_at_locations).toBeUndefined();
		}
	});

	it('covers the Kukës county municipalities with the Kukës mobile unit', () => {
		const uris = serviceByKey('tv-kukes-mobile-unit').service_areas?.map((a) => a.uri);
		expect(uris).toEqual(['has', 'kukes', 'tropoje'].map(areaUriOfMunicipality));
	});
});

describe('import validation names the record and the field', () => {
	const clone = () => JSON.parse(JSON.stringify(data)) as Record<string, unknown[]>;

	it('reports a missing required field and a field the profile does not know', () => {
		const doc = clone();
		const service = doc.services![2] as Record<string, unknown>;
		delete service.name;
		service.latitude = 41.1;
		const result = DirectoryDocumentSchema.safeParse(doc);
		expect(result.success).toBe(false);
		const problems = describeProblems(doc, result.error!);
		const key = service.ura_key as string;
		expect(problems).toContainEqual(
			expect.objectContaining({ record: `service #3 "${key}"`, field: 'name' })
		);
		expect(problems.some((p) => p.record.includes(key) && /latitude/.test(p.message))).toBe(true);
	});

	it('refuses an id that is not the UUID v5 of the key, and says which it should be', () => {
		const doc = clone();
		const org = doc.organizations![0] as Record<string, unknown>;
		org.id = '00000000-0000-4000-8000-000000000000';
		const result = DirectoryDocumentSchema.safeParse(doc);
		const problems = describeProblems(doc, result.error!);
		expect(problems[0]).toMatchObject({ record: `organization #1 "${org.ura_key}"`, field: 'id' });
		expect(problems[0]!.message).toContain(idOfKey(org.ura_key as string));
	});

	it('refuses a citation outside the sources and an unknown municipality', () => {
		const doc = clone();
		const s = doc.services![0] as { ura_citations: string[] };
		s.ura_citations = ['003_6b794c46dcf16d6c.txt:L999999'];
		const withLoc = doc.services!.find(
			(x) => (x as { service_at_locations?: unknown[] }).service_at_locations
		) as { service_at_locations: { location: { ura_municipality: string } }[] };
		withLoc.service_at_locations[0]!.location.ura_municipality = 'atlantis';
		const problems = describeProblems(doc, DirectoryDocumentSchema.safeParse(doc).error!);
		expect(problems.map((p) => p.field)).toContain('ura_citations.0');
		expect(problems.map((p) => p.field)).toContain(
			'service_at_locations.0.location.ura_municipality'
		);
	});
});
