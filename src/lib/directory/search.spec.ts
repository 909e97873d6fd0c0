import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { foldName, geo, resolveMunicipality } from '$lib/geo';
import { DirectorySearch, matchesFilters } from './search';
import { realSnapshot as snapshot, serviceByKey } from '../../../tests/helpers/directory';

const search = new DirectorySearch(snapshot, 0);
const idOf = (key: string) => serviceByKey(key).id;
const ids = (q: string, f = {}) => search.search(q, f).map((h) => h.service.id);

describe('normalisation', () => {
	it('folds case and Albanian letters: kukes = Kukës, durres = DURRËS, c = ç, e = ë', () => {
		expect(foldName('Kukës')).toBe(foldName('kukes'));
		expect(foldName('DURRËS')).toBe('durres');
		expect(foldName('Korçë')).toBe('korce');
		expect(ids('kukes')).toEqual(ids('Kukës'));
		expect(ids('korce')).toEqual(ids('KORÇË'));
		expect(ids('strehez').length).toBeGreaterThan(0);
		expect(ids('strehez')).toEqual(ids('strehëz'));
	});

	it('resolves all 61 municipalities by their ASCII form, and finds their services', () => {
		for (const m of geo.municipalities) {
			expect(resolveMunicipality(m.ascii)?.slug, m.ascii).toBe(m.slug);
			expect(resolveMunicipality(m.ascii.toLowerCase())?.slug).toBe(m.slug);
			// Every municipality has its own Child Protection Unit.
			expect(ids(m.ascii), m.ascii).toContain(idOf('cpu-municipal'));
		}
	});
});

describe('matching', () => {
	it('finds services in Kukës by the place name, in any spelling', () => {
		for (const q of ['kukes', 'Kukës', 'Kukësi', 'kukesi']) {
			const found = ids(q);
			expect(found, q).toContain(idOf('sss-kukes'));
			expect(found, q).toContain(idOf('tv-kukes-mobile-unit'));
		}
	});

	it('matches prefixes, as the person types', () => {
		expect(ids('stre')).toContain(idOf('vatra-shelter-reintegration'));
		expect(ids('avok')).toContain(idOf('clci-legal-aid'));
	});

	it('forgives a small typo', () => {
		expect(ids('Elbsan')).toContain(idOf('tv-child-shelter'));
		expect(ids('shkodra')).toContain(idOf('awen-emergency-shelters'));
		expect(ids('lilium')).toContain(idOf('lilium-crisis-centre'));
	});

	it('combines words: a kind and a place', () => {
		const found = ids('shelter elbasan');
		expect(found).toContain(idOf('tv-child-shelter'));
		expect(found).toContain(idOf('awen-emergency-shelters'));
		expect(found).not.toContain(idOf('vatra-shelter-reintegration'));
	});

	it('ignores particles and a half-typed short word next to longer words', () => {
		expect(ids('strehëz në elbasan')).toEqual(ids('strehëz elbasan'));
		expect(ids('shelter elbasan k')).toEqual(ids('shelter elbasan'));
		expect(ids('shelter elbasan')).not.toContain(idOf('vatra-shelter-reintegration'));
		// Alone, a short word is still searched.
		expect(ids('ko').length).toBeLessThan(snapshot.services.length);
	});

	it('ranks a match in the name above a match in the description only', () => {
		const hits = search.search('klinika ligjore');
		expect(hits[0]?.service.id).toBe(idOf('vatra-legal-clinic'));
		const scores = hits.map((h) => h.score);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
	});

	it('ranks a service located in a town above one that only mentions it', () => {
		const hits = search.search('Vlorë').map((h) => h.service.id);
		expect(hits.indexOf(idOf('vatra-shelter-reintegration'))).toBeLessThan(
			hits.indexOf(idOf('vatra-mobile-units'))
		);
	});

	it('finds every service of a kind or audience by a word for it, in either language', () => {
		const shelters = snapshot.services.filter((s) => s.kinds.includes('shelter')).map((s) => s.id);
		expect(shelters.length).toBeGreaterThan(1);
		for (const q of ['shelter', 'strehëz', 'strehez', 'streh', 'sheltr']) {
			expect(ids(q), q).toEqual(expect.arrayContaining(shelters));
		}
		const forChildren = snapshot.services
			.filter((s) => s.audiences.includes('children'))
			.map((s) => s.id);
		expect(ids('fëmijë')).toEqual(expect.arrayContaining(forChildren));
		// A category word combines with a place like any other word.
		for (const id of ids('shelter elbasan')) expect(ids('shelter')).toContain(id);
	});

	it('gives the same hits, in the same order, when typed letter by letter as when pasted', () => {
		const typed = new DirectorySearch(snapshot, 0);
		for (const q of ['strehëz në elbasan', 'psikolog durrës', 'avokat tiranë', 'shkodra']) {
			let last: string[] = [];
			for (let i = 1; i <= q.length; i++) {
				last = typed.search(q.slice(0, i)).map((h) => h.service.id);
			}
			const fresh = new DirectorySearch(snapshot, 0);
			expect(last, q).toEqual(fresh.search(q).map((h) => h.service.id));
		}
	});

	it('lists everything (filtered) for an empty query, and nothing for nonsense', () => {
		expect(search.search('').length).toBe(snapshot.services.length);
		expect(
			search
				.search('   ', { kinds: ['helpline'] })
				.every((h) => h.service.kinds.includes('helpline'))
		).toBe(true);
		expect(ids('qwxzqwxz')).toEqual([]);
	});
});

describe('filters', () => {
	it('keeps who it serves, kinds, age, language and free of charge', () => {
		const lgbti = search.search('', { audiences: ['lgbti'] }).map((h) => h.service.id);
		expect(lgbti).toEqual([idOf('lgbti-shelter-service')]);
		const forAge5 = search.search('', { kinds: ['shelter'], age: 5 }).map((h) => h.service.id);
		expect(forAge5).not.toContain(idOf('tv-child-shelter'));
		const forAge12 = search.search('', { kinds: ['shelter'], age: 12 }).map((h) => h.service.id);
		expect(forAge12).toContain(idOf('tv-child-shelter'));
		const free = search.search('', { freeOnly: true }).map((h) => h.service);
		expect(free.length).toBeGreaterThan(0);
		expect(free.every((s) => s.free === true)).toBe(true);
		// The sources state no languages: a language filter keeps nothing rather than guessing.
		expect(search.search('', { language: 'sq' })).toEqual([]);
	});

	it('treats an open age range as open', () => {
		const s = snapshot.services[0]!;
		expect(matchesFilters({ ...s, minAge: undefined, maxAge: 18 }, { age: 3 })).toBe(true);
		expect(matchesFilters({ ...s, minAge: 6, maxAge: undefined }, { age: 70 })).toBe(true);
		expect(matchesFilters({ ...s, minAge: 6, maxAge: 18 }, { age: 19 })).toBe(false);
	});
});

describe('snapshot', () => {
	it('is under 50 KB gzipped for the real data', () => {
		const bytes = gzipSync(JSON.stringify(snapshot), { level: 9 }).length;
		expect(bytes).toBeLessThan(50 * 1024);
	});

	it('marks nationwide and every-municipality services compactly', () => {
		const cpu = snapshot.services.find((s) => s.id === idOf('cpu-municipal'))!;
		expect(cpu.areas).toEqual(['all']);
		const iom = snapshot.services.find((s) => s.id === idOf('iom-voluntary-return'))!;
		expect(iom.areas).toEqual(['national']);
	});
});
