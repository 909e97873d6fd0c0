import { describe, expect, it } from 'vitest';
import enMentors from '../../../locales/en/mentors.json';
import enReturning from '../../../locales/en/returning.json';
import sqMentors from '../../../locales/sq/mentors.json';
import sqReturning from '../../../locales/sq/returning.json';
import { parseCitation } from '$lib/sources';
import { CitationSchema } from '$lib/sources/schema';
import { SECTIONS } from '$lib/ui/nav';
import { mentorsGuide } from './mentors';
import { returningGuide } from './returning';
import { GuideSchema, type GuideData } from './guide-schema';
import { guideCitations, guideKeys } from './schema';

type Json = { [key: string]: string | Json };

function flatten(node: Json, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [k, v] of Object.entries(node)) {
		const key = prefix ? `${prefix}.${k}` : k;
		if (typeof v === 'string') out.set(key, v);
		else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
	}
	return out;
}

const guides: { name: string; guide: GuideData; sq: Json; en: Json }[] = [
	{ name: 'returning', guide: returningGuide, sq: sqReturning, en: enReturning },
	{ name: 'mentors', guide: mentorsGuide, sq: sqMentors, en: enMentors }
];

/**
 * The screener lives under /entitlements (issue 4), free legal aid and the prosecutor's
 * victim coordinator are entitlement pages, and the mentor's list builder is under /mentors
 * (issue 12); every other link is a main section.
 */
const KNOWN_PATHS = new Set<string>([
	...SECTIONS.map((s) => s.path),
	'/entitlements/check',
	'/entitlements/e11',
	'/entitlements/e13',
	'/mentors/prepare'
]);

describe.each(guides)('the $name guide', ({ guide, sq, en }) => {
	it('has the shape of a guide', () => {
		expect(GuideSchema.safeParse(guide).error?.issues ?? []).toEqual([]);
	});

	it('cites at least one seed line in every section', () => {
		for (const section of guide.sections) expect(section.cites.length).toBeGreaterThan(0);
		for (const block of guide.sections.flatMap((s) => s.blocks))
			if (block.kind === 'cards')
				for (const card of block.cards) expect(card.cites.length).toBeGreaterThan(0);
	});

	it('cites only lines that exist in the known sources', () => {
		const citations = guideCitations(guide);
		expect(citations.length).toBeGreaterThan(guide.sections.length);
		for (const c of citations) {
			expect(CitationSchema.safeParse(c).success, c).toBe(true);
			expect(parseCitation(c), c).toBeDefined();
		}
	});

	it('uses only keys that exist in Albanian and English, and leaves none unused', () => {
		const used = new Set(guideKeys(guide));
		for (const [lang, json] of [
			['sq', sq],
			['en', en]
		] as const) {
			const keys = flatten(json);
			for (const k of used) expect(keys.get(k), `${lang}: ${k}`).toBeTruthy();
			expect(
				[...keys.keys()].filter((k) => !used.has(k)),
				`${lang}: unused keys`
			).toEqual([]);
		}
	});

	it('keeps titles, headings and anchors neutral', () => {
		const sqText = flatten(sq);
		const enText = flatten(en);
		const headings = [guide.title, ...guide.sections.map((s) => s.title)];
		for (const k of headings) {
			expect(sqText.get(k)!.toLowerCase(), k).not.toMatch(/trafik|viktim/);
			expect(enText.get(k)!.toLowerCase(), k).not.toMatch(/traffick|victim/);
		}
		for (const s of guide.sections) expect(s.id).not.toMatch(/traffick|trafik|victim|viktim/);
	});

	it('links only to sections of Ura', () => {
		const paths = guide.sections
			.flatMap((s) => s.blocks)
			.flatMap((b) => (b.kind === 'links' ? b.links.map((l) => l.path) : []));
		expect(paths.length).toBeGreaterThan(0);
		for (const p of paths) expect(KNOWN_PATHS.has(p), p).toBe(true);
	});

	it('shows no phone number, since the sources give none', () => {
		for (const json of [sq, en])
			for (const [k, v] of flatten(json))
				expect(v, k).not.toMatch(/(?:\+355|\b0\d{2}[\s-]?\d{3}|\b1\d{2}\b|\b116\s?\d{3}\b)/);
	});

	it('addresses the reader with the respectful "ju" in Albanian (issue 11)', () => {
		const text = [...flatten(sq).values()].join(' ');
		// Informal second person singular forms that would break the respectful register.
		expect(text).not.toMatch(
			/(?<![\p{L}’])(ti|ty|tënd|tënde|tëndin|jote|yt|sate|je|ke|të të|mund të kërkosh)(?![\p{L}’])/iu
		);
		expect(text).toMatch(/(?<![\p{L}’])(ju|juaj|tuaj|tuaja|keni|jeni)(?![\p{L}’])/iu);
	});
});

describe('the guides together', () => {
	it('use distinct anchors within each page', () => {
		for (const { guide } of guides) {
			const ids = guide.sections.map((s) => s.id);
			expect(new Set(ids).size).toBe(ids.length);
		}
	});

	it('reject a section without sources', () => {
		const broken = structuredClone(returningGuide) as GuideData;
		broken.sections[0]!.cites = [];
		expect(GuideSchema.safeParse(broken).success).toBe(false);
	});

	it('reject a citation past the end of its source', () => {
		const broken = structuredClone(mentorsGuide) as GuideData;
		broken.sections[0]!.cites = ['000_df5ede1fa2345e87.txt:L11'];
		expect(GuideSchema.safeParse(broken).success).toBe(false);
	});

	it('reject a link to another origin', () => {
		const broken = structuredClone(returningGuide) as GuideData;
		const links = broken.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'links');
		if (links?.kind !== 'links') throw new Error('the returning guide has links');
		links.links[0]!.path = '//example.org/';
		expect(GuideSchema.safeParse(broken).success).toBe(false);
	});
});
