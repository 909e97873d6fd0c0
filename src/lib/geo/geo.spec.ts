import { describe, expect, it } from 'vitest';
import raw from '../../../data/geo/albania.json';
import { checkBundledData } from '$lib/server/data-check';
import { GeoDataSchema } from './schema';
import { municipalityNameAfterIn } from '$lib/directory/names';
import {
	countyBySlugOf,
	foldName,
	geo,
	municipalitiesInCounty,
	municipalityBySlug,
	resolveMunicipality
} from '.';

describe('Albanian geography', () => {
	it('matches its schema (the pages use it unchecked; the server checks it at start)', () => {
		expect(GeoDataSchema.parse(raw)).toEqual(geo);
		expect(() => checkBundledData()).not.toThrow();
		const bad = structuredClone(raw);
		bad.municipalities[3]!.county = 'atlantis';
		const result = GeoDataSchema.safeParse(bad);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['municipalities', 3, 'county']);
	});

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

	describe('the form after “në” (in_sq)', () => {
		const inSq = (slug: string) => municipalityBySlug(slug)!.in_sq;

		it('changes the article of an adjective or a genitive: në Malësi të Madhe, në Vau të Dejës', () => {
			expect(inSq('malesi-e-madhe')).toBe('Malësi të Madhe');
			expect(inSq('vau-i-dejes')).toBe('Vau të Dejës');
		});

		it('keeps the indefinite name otherwise: në Tiranë, në Kukës, në Fushë-Arrëz, në Memaliaj', () => {
			expect(inSq('tirane')).toBe('Tiranë');
			expect(inSq('kukes')).toBe('Kukës');
			expect(inSq('fushe-arrez')).toBe('Fushë-Arrëz');
			expect(inSq('memaliaj')).toBe('Memaliaj');
		});

		it('differs from the name exactly where the name has a free-standing article, for all 61', () => {
			for (const m of geo.municipalities) {
				const hasArticle = /\s(e|i|së|të)\s/.test(m.name_sq);
				expect(m.in_sq !== m.name_sq, m.slug).toBe(hasArticle);
				expect(m.in_sq, m.slug).not.toMatch(/\s(e|i)\s/);
				// Indefinite, never the definite form of speech ("në Tirana" is wrong).
				if (m.definite_sq !== m.name_sq) expect(m.in_sq, m.slug).not.toBe(m.definite_sq);
			}
		});

		it('names each of the 12 counties by its indefinite name after “në”', () => {
			const expected: Record<string, string> = {
				berat: 'Berat',
				diber: 'Dibër',
				durres: 'Durrës',
				elbasan: 'Elbasan',
				fier: 'Fier',
				gjirokaster: 'Gjirokastër',
				korce: 'Korçë',
				kukes: 'Kukës',
				lezhe: 'Lezhë',
				shkoder: 'Shkodër',
				tirane: 'Tiranë',
				vlore: 'Vlorë'
			};
			expect(Object.fromEntries(geo.counties.map((c) => [c.slug, c.in_sq]))).toEqual(expected);
			// A county and its seat municipality read the same after “në”.
			for (const c of geo.counties) {
				expect(countyBySlugOf(c.slug)!.in_sq).toBe(municipalityBySlug(c.seat_municipality)!.in_sq);
			}
		});

		it('is what the directory pages show, and the English name in English', () => {
			expect(municipalityNameAfterIn('malesi-e-madhe', 'sq')).toBe('Malësi të Madhe');
			expect(municipalityNameAfterIn('malesi-e-madhe', 'en')).toBe('Malësi e Madhe');
			expect(municipalityNameAfterIn('tirane', 'en')).toBe('Tirana');
		});

		it('is a spelling people may type too', () => {
			expect(resolveMunicipality('Malësi të Madhe')?.slug).toBe('malesi-e-madhe');
			expect(resolveMunicipality('vau te dejes')?.slug).toBe('vau-i-dejes');
		});
	});
});
