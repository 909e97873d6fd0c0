import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '../../../locales/en/glossary.json';
import sq from '../../../locales/sq/glossary.json';
import { CitationSchema } from '$lib/sources/schema';
import { GLOSSARY, glossaryEntry, sortedGlossary } from './terms';

/** The shape of an entry, checked here and not in the page: the data is a typed module. */
const EntrySchema = z.object({
	// The anchor is part of a URL (/glossary#id): neutral words only.
	id: z
		.string()
		.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)
		.refine((s) => !/traffick|trafik|victim|viktim/.test(s), 'anchors stay neutral'),
	names: z.object({ sq: z.string().min(2), en: z.string().min(2) }),
	albanianFromSeed: z.boolean(),
	cites: z.array(CitationSchema).min(1),
	confirm: z.string().optional()
});

describe('the glossary', () => {
	it('has well-formed entries, each citing at least one real seed line', () => {
		for (const entry of GLOSSARY)
			expect(EntrySchema.safeParse(entry).error?.issues ?? [], entry.id).toEqual([]);
	});

	it('gives every term one anchor', () => {
		const ids = GLOSSARY.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('explains every term in Albanian and English, and nothing else', () => {
		const ids = GLOSSARY.map((e) => e.id).sort();
		expect(Object.keys(sq.terms).sort()).toEqual(ids);
		expect(Object.keys(en.terms).sort()).toEqual(ids);
	});

	it('has a "check locally" text for exactly the entries that ask for one', () => {
		const confirms = GLOSSARY.flatMap((e) => (e.confirm ? [e.confirm] : [])).sort();
		expect(Object.keys(sq.confirm).sort()).toEqual(confirms);
		expect(Object.keys(en.confirm).sort()).toEqual(confirms);
	});

	it('keeps Albanian names in Albanian (not the English name copied)', () => {
		for (const e of GLOSSARY) expect(e.names.sq, e.id).not.toBe(e.names.en);
	});

	it('sorts in the reader’s language and keeps every entry', () => {
		for (const lang of ['sq', 'en'] as const) {
			const names = sortedGlossary(lang).map((e) => e.names[lang]);
			expect(names).toHaveLength(GLOSSARY.length);
			const collator = new Intl.Collator(lang, { sensitivity: 'base' });
			for (let i = 1; i < names.length; i++)
				expect(collator.compare(names[i - 1]!, names[i]!)).toBeLessThanOrEqual(0);
		}
	});

	it('finds an entry by id', () => {
		expect(glossaryEntry('municipality').names.sq).toBe('Bashki');
	});
});

describe('the glossary links from entitlement pages', () => {
	it('name real entitlements and real terms', async () => {
		const { readdirSync } = await import('node:fs');
		const { ENTITLEMENT_TERMS } = await import('./related');
		const entitlements = new Set(
			readdirSync('data/entitlements')
				.filter((f) => /^e\d+\.yaml$/.test(f))
				.map((f) => f.replace('.yaml', ''))
		);
		const ids = new Set<string>(GLOSSARY.map((e) => e.id));
		for (const [code, terms] of Object.entries(ENTITLEMENT_TERMS)) {
			expect(entitlements.has(code), code).toBe(true);
			for (const t of terms) expect(ids.has(t), `${code}: ${t}`).toBe(true);
		}
	});
});
