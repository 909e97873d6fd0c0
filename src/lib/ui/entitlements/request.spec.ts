import { describe, expect, it } from 'vitest';
import { catalogue, questionById } from '$lib/entitlements';
import { answerFromDraft, draftFor } from './draft';
import { fillRequest, LETTER_LABELS, letterDate } from './request';

describe('draft requests', () => {
	const templates = catalogue.entitlements.filter((e) => e.apply.request);

	it('exist where a written request is the usual way, each marked to check locally', () => {
		expect(templates.length).toBeGreaterThanOrEqual(3);
		for (const e of templates) expect(e.apply.request!.basis.to_confirm, e.id).toBeDefined();
	});

	it('fill only the municipality and the date, leaving personal details as blanks', () => {
		for (const e of templates) {
			const letter = fillRequest(e.apply.request!, { municipality: 'Kukës', date: '23.11.2026' });
			const text = [letter.to, letter.subject, ...letter.paragraphs.flat()].join('\n');
			expect(text, e.id).not.toMatch(/\{\{|\}\}/);
			expect(text, e.id).toContain('23.11.2026');
			expect(text, e.id).toMatch(/\[emri dhe mbiemri\]/);
		}
	});

	it('keep the lines of the date and signature apart', () => {
		const letter = fillRequest(catalogue.entitlements[0]!.apply.request!, {
			municipality: 'Tiranë',
			date: '1.1.2027'
		});
		expect(letter.to).toBe('Drejtorisë së Shërbimeve Sociale, Bashkia Tiranë');
		expect(letter.paragraphs.at(-1)).toEqual([
			'Data: 1.1.2027',
			'Nënshkrimi: ____________________'
		]);
	});

	it('read as a letter: a greeting, a contact line, thanks and a signed closing before the date', () => {
		for (const e of templates) {
			const { paragraphs } = fillRequest(e.apply.request!, {
				municipality: 'Kukës',
				date: '1.1.2027'
			});
			expect(paragraphs[0], e.id).toEqual(['Të nderuar,']);
			expect(
				paragraphs.some((p) => p[0]!.startsWith('Numri i telefonit për kontakt: [')),
				e.id
			).toBe(true);
			expect(paragraphs.slice(-3, -1), e.id).toEqual([
				['Ju faleminderit për mirëkuptimin.'],
				['Me respekt,', '[emri dhe mbiemri]']
			]);
		}
	});

	it('leave an Albanian blank for the municipality when none was chosen, whatever the page language', () => {
		expect(LETTER_LABELS.municipalityBlank).toBe('[emri i bashkisë]');
		const letter = fillRequest(catalogue.entitlements[0]!.apply.request!, {
			municipality: LETTER_LABELS.municipalityBlank,
			date: '1.1.2027'
		});
		expect(letter.to).toBe('Drejtorisë së Shërbimeve Sociale, Bashkia [emri i bashkisë]');
	});

	it('write the date as on Albanian documents, whatever the browser knows of Albanian', () => {
		expect(letterDate('2026-03-05')).toBe('05.03.2026');
	});
});

describe('answers being edited', () => {
	const TODAY = '2026-11-23';

	it('asks for a choice before moving on', () => {
		const q = questionById('safe_now')!;
		expect(answerFromDraft(q, draftFor(q, undefined), TODAY)).toEqual({ error: 'choose' });
		expect(answerFromDraft(q, { kind: 'value', value: 'no' }, TODAY)).toEqual({ answer: 'no' });
	});

	it('asks for at least one option of a multiple choice', () => {
		const q = questionById('child_ages')!;
		expect(answerFromDraft(q, draftFor(q, undefined), TODAY)).toEqual({ error: 'chooseSome' });
		expect(answerFromDraft(q, { kind: 'values', values: ['under_3'] }, TODAY)).toEqual({
			answer: ['under_3']
		});
	});

	it('takes a year alone, a year and month, but not a date in the future', () => {
		const q = questionById('returned_when')!;
		const d = (year: string, month: string) => ({ kind: 'month' as const, year, month });
		expect(answerFromDraft(q, d('', ''), TODAY)).toEqual({ error: 'chooseYear' });
		expect(answerFromDraft(q, d('2025', ''), TODAY)).toEqual({ answer: '2025' });
		expect(answerFromDraft(q, d('2026', '11'), TODAY)).toEqual({ answer: '2026-11' });
		expect(answerFromDraft(q, d('2026', '12'), TODAY)).toEqual({ error: 'future' });
		expect(draftFor(q, '2025-04')).toEqual(d('2025', '04'));
	});
});
