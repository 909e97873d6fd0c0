import raw from '../../../data/sources.json';
import type { Lang } from '$lib/i18n/langs';
import type { Sources } from './schema';

/**
 * The source documents every fact in Ura cites (the seeds, kept outside the app), and for
 * the main report, who was speaking at each line (the interview sections), so that a
 * citation can say "Vatra, interview of 10 October 2022" rather than a file name.
 *
 * data/sources.json is checked against SourcesSchema (./schema.ts) by the tests and when the
 * server starts (src/lib/server/data-check.ts), not in every page: zod stays out of the
 * pages that only show citations.
 */
const sources: Sources = raw;

export type ParsedCitation = { file: string; from: number; to: number };

export function parseCitation(citation: string): ParsedCitation | undefined {
	const m = /^(\d{3}_[0-9a-f]{16}\.txt):L(\d+)(?:-L(\d+))?$/.exec(citation);
	if (!m) return undefined;
	const file = m[1]!;
	const from = Number(m[2]);
	const to = m[3] ? Number(m[3]) : from;
	const meta = sources.files[file];
	if (!meta || from < 1 || to < from || to > meta.lines) return undefined;
	return { file, from, to };
}

export type CitationView = {
	citation: string;
	publisher: string;
	title: string;
	/** Who said it, for interview notes. */
	speaker?: string;
	/** ISO date of the interview or of the document. */
	date?: string;
	from: number;
	to: number;
};

export function describeCitation(citation: string, lang: Lang): CitationView | undefined {
	const parsed = parseCitation(citation);
	if (!parsed) return undefined;
	const meta = sources.files[parsed.file]!;
	const section = meta.sections?.find((s) => parsed.from >= s.from && parsed.from <= s.to);
	return {
		citation,
		publisher: meta.publisher,
		title: lang === 'sq' ? meta.title_sq : meta.title_en,
		speaker: section ? (lang === 'sq' ? section.speaker_sq : section.speaker_en) : undefined,
		date: section?.date ?? meta.date,
		from: parsed.from,
		to: parsed.to
	};
}

/** "003_…:L1; 003_…:L2-L4" (the facts' notation) → individual citations. */
export function splitCitations(text: string): string[] {
	return text
		.split(/[;,]\s*/)
		.map((s) => s.replace(/`/g, '').trim())
		.filter(Boolean);
}
