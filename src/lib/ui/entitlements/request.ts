import type { RequestTemplate } from '$lib/entitlements';

/**
 * A draft request with the app's two placeholders filled ({{municipality}}, {{date}}).
 * Everything else stays as a blank in brackets, to be written by hand on paper: the app
 * never asks for a name, a personal number or an address.
 */
/**
 * The letter's own words: the letter is always in Albanian, whatever the page's language.
 * "Drejtuar" takes the dative, so each template's `to` line is written in the dative.
 */
export const LETTER_LABELS = {
	to: 'Drejtuar',
	subject: 'Lënda',
	/** Where no municipality was chosen: left blank, to be written by hand. */
	municipalityBlank: '[emri i bashkisë]'
} as const;

/** A date as written on Albanian documents: 23.11.2026 (independent of the browser's locale data). */
export function letterDate(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${d}.${m}.${y}`;
}

export function fillRequest(
	template: RequestTemplate,
	values: { municipality: string; date: string }
): { to: string; subject: string; paragraphs: string[][] } {
	const fill = (s: string) =>
		s.replace(/\{\{\s*(municipality|date)\s*\}\}/g, (_, k: 'municipality' | 'date') => values[k]);
	return {
		to: fill(template.to),
		subject: fill(template.subject),
		// Blank lines separate paragraphs; single line breaks are kept (date, signature).
		paragraphs: fill(template.body)
			.split(/\n\s*\n/)
			.map((p) =>
				p
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
			)
			.filter((lines) => lines.length > 0)
	};
}
