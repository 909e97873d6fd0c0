import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geo } from '$lib/geo';
import { GLOSSARY } from '$lib/glossary/terms';
import { albanianComparator, albanianSortKey, compareText } from './collate';

// Node has full ICU, so its Albanian collation is the reference the Chromium fallback must match.
const icu = new Intl.Collator('sq');

const directory = JSON.parse(readFileSync('data/directory/directory.json', 'utf8')) as {
	organizations: { name: string }[];
	services: { name: string }[];
};

/** Every list the app sorts for an Albanian reader, and words that test each letter. */
const LISTS: Record<string, string[]> = {
	municipalities: geo.municipalities.map((m) => m.name_sq),
	counties: geo.counties.map((c) => c.name_sq),
	glossary: GLOSSARY.map((e) => e.names.sq),
	services: directory.services.map((s) => s.name),
	organisations: directory.organizations.map((o) => o.name),
	letters: (
		'cok, çaj, dorë, dhi, emër, ëndërr, fik, gur, gjak, hekur, lule, llixhë, nuse, njeri, ' +
		'rosë, rrugë, sy, shi, tokë, thikë, xixë, xhaketë, zog, zhurmë, Cërrik, Çorovodë, ' +
		'Gramsh, Gjirokastër, Skrapar, Shkodër, Ward, Vlorë, Xhafzotaj, Kukës, kukës, ALO 116, ' +
		'116 ALO, Fushë-Arrëz, Fushë Krujë, Malësi e Madhe, Maliq, Mallakastër, café, cafe'
	).split(', ')
};

describe('Albanian alphabetical order without Intl data (Chromium ships none)', () => {
	for (const [name, list] of Object.entries(LISTS)) {
		it(`orders the ${name} as Intl's Albanian collation does`, () => {
			expect(list.length).toBeGreaterThan(5);
			const expected = [...list].sort(icu.compare);
			expect([...list].sort(albanianComparator())).toEqual(expected);
			// Reversed input, so an order that only held by luck of the input shows up.
			expect([...list].reverse().sort(albanianComparator())).toEqual(expected);
		});
	}

	it('counts the digraphs and ç, ë as letters of their own, each after its base letter', () => {
		const order = (words: string[]) => [...words].sort(albanianComparator());
		expect(order(['Shkodër', 'Skrapar', 'Sarandë'])).toEqual(['Sarandë', 'Skrapar', 'Shkodër']);
		expect(order(['Gjirokastër', 'Gramsh'])).toEqual(['Gramsh', 'Gjirokastër']);
		expect(order(['çaj', 'cok'])).toEqual(['cok', 'çaj']);
		expect(order(['ëndërr', 'emër', 'fik'])).toEqual(['emër', 'ëndërr', 'fik']);
	});

	it('ignores case in the key and keeps ties for base sensitivity', () => {
		expect(albanianSortKey('Kukës')).toBe(albanianSortKey('kukës'));
		expect(albanianComparator({ sensitivity: 'base' })('Kukës', 'kukës')).toBe(0);
		expect(albanianComparator()('Kukës', 'kukës')).toBe(icu.compare('Kukës', 'kukës'));
	});

	it('uses Intl itself where it has the data', () => {
		// In Node, Albanian data exists: compareText is Intl's collator.
		expect(['Shkodër', 'Skrapar'].sort(compareText('sq'))).toEqual(['Skrapar', 'Shkodër']);
		expect(['Shkodër', 'Skrapar'].sort(compareText('en'))).toEqual(['Shkodër', 'Skrapar']);
	});
});
