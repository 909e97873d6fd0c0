import { describe, expect, it } from 'vitest';
import { geo } from '$lib/geo';
import { nearestInCounty, servicesForCounty, servicesForMunicipality } from './places';
import { realSnapshot as snapshot, serviceByKey } from '../../../tests/helpers/directory';

const idOf = (key: string) => serviceByKey(key).id;
const idsOf = (list: { id: string }[]) => list.map((s) => s.id);

describe('what a municipality page lists, in order', () => {
	it('Kukës: located there, then covering it, and no fallback', () => {
		const p = servicesForMunicipality(snapshot, 'kukes');
		expect(idsOf(p.located)).toEqual([idOf('sss-kukes')]);
		expect(idsOf(p.covering)).toEqual([idOf('tv-kukes-mobile-unit')]);
		expect(p.nearby).toEqual([]);
		expect(idsOf(p.everywhere)).toContain(idOf('child-helpline'));
	});

	it('Has: no office, but the mobile unit comes there', () => {
		const p = servicesForMunicipality(snapshot, 'has');
		expect(p.located).toEqual([]);
		expect(idsOf(p.covering)).toEqual([idOf('tv-kukes-mobile-unit')]);
		expect(p.nearby).toEqual([]);
	});

	it('Kavajë: nothing listed, so the closest in the county, the county seat first', () => {
		const p = servicesForMunicipality(snapshot, 'kavaje');
		expect(p.located).toEqual([]);
		expect(p.covering).toEqual([]);
		expect(p.nearby[0]?.municipality).toBe('tirane');
		expect(idsOf(p.nearby[0]!.services)).toContain(idOf('de-shelter-reintegration'));
	});

	it('Fier: nothing in the whole county, so no fallback; nationwide services still listed', () => {
		const p = servicesForMunicipality(snapshot, 'fier');
		expect(p.located).toEqual([]);
		expect(p.covering).toEqual([]);
		expect(p.nearby).toEqual([]);
		expect(p.everywhere.length).toBeGreaterThan(5);
	});

	it('puts the municipality’s own offices (CPU, social services) before nationwide services', () => {
		const p = servicesForMunicipality(snapshot, 'pogradec');
		const first = idsOf(p.everywhere.slice(0, 2)).sort();
		expect(first).toEqual([idOf('cpu-municipal'), idOf('municipal-social-administrators')].sort());
	});

	it('never lists a service twice on one page', () => {
		for (const m of geo.municipalities) {
			const p = servicesForMunicipality(snapshot, m.slug);
			const all = [...p.located, ...p.covering, ...p.everywhere].map((s) => s.id);
			expect(new Set(all).size, m.slug).toBe(all.length);
		}
	});
});

describe('closest municipalities', () => {
	it('starts with the county seat and never returns the municipality itself', () => {
		expect(nearestInCounty('has')).toEqual(['kukes', 'tropoje']);
		expect(nearestInCounty('kukes')).toEqual(['has', 'tropoje']);
		expect(nearestInCounty('kavaje')[0]).toBe('tirane');
	});
});

describe('county pages', () => {
	it('list services located in or covering any municipality of the county', () => {
		const kukes = servicesForCounty(snapshot, 'kukes');
		expect(idsOf(kukes.local).sort()).toEqual(
			[idOf('sss-kukes'), idOf('tv-kukes-mobile-unit')].sort()
		);
		expect(servicesForCounty(snapshot, 'fier').local).toEqual([]);
	});
});
