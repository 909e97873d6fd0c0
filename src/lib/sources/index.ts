import { z } from 'zod';
import raw from '../../../data/sources.json';
import type { Lang } from '$lib/i18n/langs';

/**
 * The source documents every fact in Ura cites (the seeds, kept outside the app), and for
 * the main report, who was speaking at each line (the interview sections), so that a
 * citation can say "Vatra, interview of 10 October 2022" rather than a file name.
 */
const SectionSchema = z.object({
	from: z.int().positive(),
	to: z.int().positive(),
	speaker_en: z.string().min(1),
	speaker_sq: z.string().min(1),
	date: z.iso.date().optional()
});
const SourceFileSchema = z.object({
	lines: z.int().positive(),
	publisher: z.string().min(1),
	title_en: z.string().min(1),
	title_sq: z.string().min(1),
	date: z.iso.date().optional(),
	sections: z.array(SectionSchema).optional()
});
const SourcesSchema = z.object({ files: z.record(z.string(), SourceFileSchema) });

const sources = SourcesSchema.parse(raw);

/** `003_6b794c46dcf16d6c.txt:L1234` or `…:L1234-L1240`. */
export const CitationSchema = z
	.string()
	.regex(/^(\d{3}_[0-9a-f]{16}\.txt):L(\d+)(?:-L(\d+))?$/, 'a citation is FILE:Ln or FILE:Ln-Lm')
	.refine(
		(c) => parseCitation(c) !== undefined,
		'the file is not a known source, or the lines are outside it'
	);
export type Citation = z.infer<typeof CitationSchema>;

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
