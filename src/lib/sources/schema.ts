import { z } from 'zod';
import { parseCitation } from '.';

/** The shape of data/sources.json: each source file and, for interviews, who spoke where. */
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
export const SourcesSchema = z.object({ files: z.record(z.string(), SourceFileSchema) });
export type Sources = z.infer<typeof SourcesSchema>;

/** `003_6b794c46dcf16d6c.txt:L1234` or `…:L1234-L1240`. */
export const CitationSchema = z
	.string()
	.regex(/^(\d{3}_[0-9a-f]{16}\.txt):L(\d+)(?:-L(\d+))?$/, 'a citation is FILE:Ln or FILE:Ln-Lm')
	.refine(
		(c) => parseCitation(c) !== undefined,
		'the file is not a known source, or the lines are outside it'
	);
export type Citation = z.infer<typeof CitationSchema>;
