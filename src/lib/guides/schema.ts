import { z } from 'zod';
import type { Namespace, TranslationKey } from '$lib/i18n/resources';
import { CitationSchema } from '$lib/sources/schema';

/**
 * A guide is a page of plain-language sections. The words live in locales/{sq,en}/NS.json;
 * this structure says which words go where and, for every section, which seed lines back
 * what it says. Keeping the structure as data (not markup) lets the tests check that every
 * section cites its sources, that every citation is real, and that every key exists in both
 * languages.
 */

/** Anchors are part of a URL (#fragment): neutral English slugs, never a sensitive word. */
const AnchorSchema = z
	.string()
	.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'an anchor is a lowercase kebab-case slug')
	.refine((s) => !/traffick|trafik|victim|viktim/.test(s), 'anchors stay neutral');

const KeySchema = z.string().min(1);

/** Links only to Ura's own sections: a guide never sends anyone to another origin. */
const InternalPathSchema = z
	.string()
	.regex(/^\/[a-z0-9/-]*$/, 'an in-app path such as /services')
	.refine((p) => !p.startsWith('//'), 'in-app paths only');

const ParagraphSchema = z.object({
	kind: z.literal('p'),
	text: KeySchema,
	/** The sources do not settle this: shown with a "to confirm locally" badge. */
	confirm: KeySchema.optional()
});

/** A list item: a key, or a key with what the sources leave open ("to confirm locally"). */
const ListItemSchema = z.union([KeySchema, z.object({ text: KeySchema, confirm: KeySchema })]);

const ListSchema = z.object({
	kind: z.literal('list'),
	/**
	 * "checklist" is for things to do (before travel, first weeks): printed with boxes, and
	 * offered to be saved in the notebook as a list to tick off.
	 */
	style: z.enum(['bullets', 'checklist']),
	items: z.array(ListItemSchema).min(1)
});

const CardSchema = z.object({
	title: KeySchema,
	rows: z.array(z.object({ term: KeySchema, desc: KeySchema })).min(1),
	/** Seed lines for this card alone, shown under it. */
	cites: z.array(CitationSchema).min(1)
});

const CardsSchema = z.object({ kind: z.literal('cards'), cards: z.array(CardSchema).min(1) });

const TermsSchema = z.object({
	kind: z.literal('terms'),
	terms: z.array(z.object({ term: KeySchema, desc: KeySchema })).min(1)
});

const LinksSchema = z.object({
	kind: z.literal('links'),
	links: z.array(z.object({ path: InternalPathSchema, label: KeySchema, desc: KeySchema })).min(1)
});

const BlockSchema = z.discriminatedUnion('kind', [
	ParagraphSchema,
	ListSchema,
	CardsSchema,
	TermsSchema,
	LinksSchema
]);

const SectionSchema = z.object({
	id: AnchorSchema,
	title: KeySchema,
	blocks: z.array(BlockSchema).min(1),
	/** Every section says where its facts come from: at least one seed line. */
	cites: z.array(CitationSchema).min(1)
});

export const GuideSchema = z
	.object({
		title: KeySchema,
		description: KeySchema,
		lead: KeySchema,
		/** "On this page": the heading of the table of contents. */
		toc: KeySchema,
		/** How old the facts are, with the lines that date them. */
		asOf: z.object({ text: KeySchema, cites: z.array(CitationSchema).min(1) }),
		sections: z.array(SectionSchema).min(1)
	})
	.refine((g) => new Set(g.sections.map((s) => s.id)).size === g.sections.length, {
		message: 'section anchors must be unique',
		path: ['sections']
	});

export type GuideData = z.infer<typeof GuideSchema>;

/**
 * The same shape with every text key typed against a namespace, so that a typo in a key is
 * a type error. zod checks the shape and the citations when the guide is defined (and in
 * the tests); TypeScript checks the keys at build time. The two assertions below keep this
 * type and the schema in step.
 */
export type Guide<K extends string = string> = {
	title: K;
	description: K;
	lead: K;
	toc: K;
	asOf: { text: K; cites: string[] };
	sections: GuideSection<K>[];
};
export type GuideSection<K extends string = string> = {
	id: string;
	title: K;
	blocks: GuideBlock<K>[];
	cites: string[];
};
export type GuideBlock<K extends string = string> =
	| { kind: 'p'; text: K; confirm?: K }
	| { kind: 'list'; style: 'bullets' | 'checklist'; items: GuideListItem<K>[] }
	| {
			kind: 'cards';
			cards: { title: K; rows: { term: K; desc: K }[]; cites: string[] }[];
	  }
	| { kind: 'terms'; terms: { term: K; desc: K }[] }
	| { kind: 'links'; links: { path: string; label: K; desc: K }[] };

export type GuideListItem<K extends string = string> = K | { text: K; confirm: K };

/** The text key of a list item. */
export function itemText<K extends string>(item: GuideListItem<K>): K {
	return typeof item === 'string' ? item : item.text;
}

/** What the sources leave open about a list item, if anything. */
export function itemConfirm<K extends string>(item: GuideListItem<K>): K | undefined {
	return typeof item === 'string' ? undefined : item.confirm;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _inStep: Same<Guide, GuideData> = true;
void _inStep;

/**
 * Declares a guide with its keys typed against the namespace. The shape and the citations
 * are checked by GuideSchema in development and in the unit tests (guides.spec.ts), not on
 * every page load in production.
 */
export function defineGuide<N extends Namespace>(
	_ns: N,
	guide: Guide<TranslationKey<N>>
): Guide<TranslationKey<N>> {
	if (import.meta.env.DEV) GuideSchema.parse(guide);
	return guide;
}

/** Every translation key a guide uses, in order of appearance (for tests). */
export function guideKeys(guide: GuideData): string[] {
	const keys: string[] = [guide.title, guide.description, guide.lead, guide.toc, guide.asOf.text];
	for (const s of guide.sections) {
		keys.push(s.title);
		for (const b of s.blocks) {
			switch (b.kind) {
				case 'p':
					keys.push(b.text, ...(b.confirm ? [b.confirm] : []));
					break;
				case 'list':
					keys.push(...b.items.flatMap((i) => (typeof i === 'string' ? [i] : [i.text, i.confirm])));
					break;
				case 'cards':
					for (const c of b.cards) keys.push(c.title, ...c.rows.flatMap((r) => [r.term, r.desc]));
					break;
				case 'terms':
					keys.push(...b.terms.flatMap((t) => [t.term, t.desc]));
					break;
				case 'links':
					keys.push(...b.links.flatMap((l) => [l.label, l.desc]));
					break;
			}
		}
	}
	return keys;
}

/** Every citation a guide makes: section lists and card lists. */
export function guideCitations(guide: GuideData): string[] {
	return [
		...guide.asOf.cites,
		...guide.sections.flatMap((s) => [
			...s.cites,
			...s.blocks.flatMap((b) => (b.kind === 'cards' ? b.cards.flatMap((c) => c.cites) : []))
		])
	];
}
