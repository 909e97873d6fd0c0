import { describe, expect, it } from 'vitest';
import { foldName, geo, municipalitiesInCounty, municipalityBySlug, resolveMunicipality } from '.';

describe('Albanian geography', () => {
	it('has the 12 counties and 61 municipalities, each municipality in a county', () => {
		expect(geo.counties).toHaveLength(12);
		expect(geo.municipalities).toHaveLength(61);
		const total = geo.counties.reduce((n, c) => n + municipalitiesInCounty(c.slug).length, 0);
		expect(total).toBe(61);
	});

	it('resolves every municipality by its ASCII form, its slug and its Albanian names', () => {
		for (const m of geo.municipalities) {
			expect(resolveMunicipality(m.ascii)?.slug).toBe(m.slug);
			expect(resolveMunicipality(m.ascii.toLowerCase())?.slug).toBe(m.slug);
			expect(resolveMunicipality(m.slug)?.slug).toBe(m.slug);
			expect(resolveMunicipality(m.name_sq)?.slug).toBe(m.slug);
			expect(resolveMunicipality(m.definite_sq)?.slug).toBe(m.slug);
		}
	});

	it('folds diacritics: kukes = Kukës, durres = Durrës, korca = Korça', () => {
		expect(foldName('Kukës')).toBe('kukes');
		expect(foldName('ÇËRRIK')).toBe('cerrik');
		expect(resolveMunicipality('kukes')?.name_sq).toBe('Kukës');
		expect(resolveMunicipality('durres')?.name_sq).toBe('Durrës');
		expect(resolveMunicipality('Korca')?.name_sq).toBe('Korçë');
		expect(resolveMunicipality('Tirana')?.slug).toBe('tirane');
		expect(resolveMunicipality('vau i dejes')?.slug).toBe('vau-i-dejes');
	});

	it('keeps the names with their diacritics and the seeds’ place names', () => {
		expect(municipalityBySlug('kukes')?.county).toBe('kukes');
		expect(municipalityBySlug('kavaje')?.county).toBe('tirane');
		expect(municipalityBySlug('has')?.county).toBe('kukes');
		expect(municipalityBySlug('tropoje')?.county).toBe('kukes');
		expect(municipalityBySlug('gjirokaster')?.name_sq).toBe('Gjirokastër');
	});

	it('does not guess: an unknown name resolves to nothing', () => {
		expect(resolveMunicipality('London')).toBeUndefined();
		expect(resolveMunicipality('')).toBeUndefined();
	});
});
