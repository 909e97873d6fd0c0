import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/entitlements';
import { geo } from '$lib/geo';
import { realSnapshot as snapshot } from '../../../tests/helpers/directory';
import { orgIdForKey, providersFor } from './providers';

const orgIds = new Set(snapshot.orgs.map((o) => o.id));

describe('entitlement providers in the directory', () => {
	it('every provider key of every entitlement is an organisation of the directory', () => {
		for (const e of catalogue.entitlements) {
			for (const key of e.providers.keys) {
				expect(orgIds.has(orgIdForKey(key)), `${e.id}: ${key}`).toBe(true);
			}
		}
	});

	it('every entitlement has at least one provider service for someone in any municipality', () => {
		for (const e of catalogue.entitlements) {
			for (const m of geo.municipalities) {
				const p = providersFor(snapshot, e.providers.keys, m.slug);
				const count =
					p.located.length +
					p.covering.length +
					p.nearby.reduce((n, x) => n + x.services.length, 0) +
					p.everywhere.length +
					p.elsewhere.length;
				expect(count, `${e.id} in ${m.slug}`).toBeGreaterThan(0);
			}
		}
	});

	it('lists only services of the given organisations, local ones apart from nationwide ones', () => {
		const p = providersFor(snapshot, ['tjeter-vizion'], 'elbasan');
		const tv = orgIdForKey('tjeter-vizion');
		const all = [...p.located, ...p.covering, ...p.everywhere];
		expect(all.length).toBeGreaterThan(0);
		for (const s of all) expect(snapshot.orgs[s.org]!.id).toBe(tv);
		expect(p.located.every((s) => s.at?.includes('elbasan'))).toBe(true);
	});

	it('without a municipality, lists only what works everywhere', () => {
		const p = providersFor(snapshot, ['child-protection-units', 'mohsp-helplines'], undefined);
		expect(p.municipality).toBeUndefined();
		expect(p.located).toEqual([]);
		expect(p.everywhere.length).toBeGreaterThan(0);
	});

	it('says where the services are when none is in or near the municipality', () => {
		const p = providersFor(snapshot, ['tjeter-vizion', 'vatra'], 'divjake');
		expect(p.located).toEqual([]);
		expect(p.elsewhere.length).toBeGreaterThan(0);
	});
});
