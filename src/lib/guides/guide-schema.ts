import { z } from 'zod';
import { CitationSchema } from '$lib/sources/schema';
import type { Guide } from './schema';

/**
 * The zod schema of a guide (see schema.ts for what a guide is). Used by the unit tests and,
 * in development, by defineGuide; never loaded by a guide page in production.
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

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The typed shape (schema.ts) and the schema stay in step. */
const _inStep: Same<Guide, GuideData> = true;
void _inStep;
