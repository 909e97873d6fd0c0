import type { Namespace, TranslationKey } from '$lib/i18n/resources';

/**
 * A guide is a page of plain-language sections. The words live in locales/{sq,en}/NS.json;
 * this structure says which words go where and, for every section, which seed lines back
 * what it says. Keeping the structure as data (not markup) lets the tests check that every
 * section cites its sources, that every citation is real, and that every key exists in both
 * languages. The zod schema that checks the shape is in guide-schema.ts, so that a guide page
 * does not load zod (about 26 KiB gzip) for a check that only tests and development need.
 */

/**
 * The shape with every text key typed against a namespace, so that a typo in a key is a type
 * error. zod checks the shape and the citations (guide-schema.ts, in development and in the
 * tests); TypeScript checks the keys at build time. guide-schema.ts keeps the two in step.
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

/**
 * Declares a guide with its keys typed against the namespace. The shape and the citations
 * are checked by GuideSchema in development and in the unit tests (guides.spec.ts), not on
 * every page load in production.
 */
export function defineGuide<N extends Namespace>(
	_ns: N,
	guide: Guide<TranslationKey<N>>
): Guide<TranslationKey<N>> {
	if (import.meta.env.DEV) void import('./guide-schema').then((m) => m.GuideSchema.parse(guide));
	return guide;
}

/** Every translation key a guide uses, in order of appearance (for tests). */
export function guideKeys(guide: Guide): string[] {
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
export function guideCitations(guide: Guide): string[] {
	return [
		...guide.asOf.cites,
		...guide.sections.flatMap((s) => [
			...s.cites,
			...s.blocks.flatMap((b) => (b.kind === 'cards' ? b.cards.flatMap((c) => c.cites) : []))
		])
	];
}
