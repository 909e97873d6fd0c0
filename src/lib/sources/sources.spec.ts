import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import raw from '../../../data/sources.json';
import { describeCitation, parseCitation, splitCitations } from '.';
import { CitationSchema, SourcesSchema } from './schema';

const SEEDS =
	process.env.URA_SEEDS_DIR ?? new URL('../../../../shared/seeds', import.meta.url).pathname;

describe('data/sources.json', () => {
	it('matches its schema (the pages use it unchecked)', () => {
		expect(SourcesSchema.parse(raw)).toEqual(raw);
		const bad = structuredClone(raw) as { files: Record<string, { lines: unknown }> };
		bad.files['003_6b794c46dcf16d6c.txt']!.lines = 0;
		const result = SourcesSchema.safeParse(bad);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['files', '003_6b794c46dcf16d6c.txt', 'lines']);
	});
});

describe('citations', () => {
	it('accepts a single line and a range inside a known source', () => {
		expect(parseCitation('003_6b794c46dcf16d6c.txt:L483')).toEqual({
			file: '003_6b794c46dcf16d6c.txt',
			from: 483,
			to: 483
		});
		expect(parseCitation('003_6b794c46dcf16d6c.txt:L733-L735')?.to).toBe(735);
	});

	it('rejects unknown files, reversed ranges and lines past the end', () => {
		expect(parseCitation('999_0000000000000000.txt:L1')).toBeUndefined();
		expect(parseCitation('003_6b794c46dcf16d6c.txt:L735-L733')).toBeUndefined();
		expect(parseCitation('000_df5ede1fa2345e87.txt:L11')).toBeUndefined();
		expect(CitationSchema.safeParse('003_6b794c46dcf16d6c.txt:L0').success).toBe(false);
		expect(CitationSchema.safeParse('report.txt:L12').success).toBe(false);
	});

	it('names who was speaking in the interview notes, in both languages', () => {
		const en = describeCitation('003_6b794c46dcf16d6c.txt:L1882', 'en');
		expect(en?.speaker).toBe('Vatra Psycho-Social Center');
		expect(en?.date).toBe('2022-10-10');
		expect(en?.publisher).toBe('Home Office (UK)');
		const sq = describeCitation('003_6b794c46dcf16d6c.txt:L2970', 'sq');
		expect(sq?.speaker).toBe('Bashkia e Tiranës');
		expect(describeCitation('002_679cc4caf4b8cd25.txt:L24-L26', 'en')).toMatchObject({
			from: 24,
			to: 26
		});
	});

	it('splits the facts notation into citations', () => {
		expect(
			splitCitations('`003_6b794c46dcf16d6c.txt:L483`; `003_6b794c46dcf16d6c.txt:L733`')
		).toEqual(['003_6b794c46dcf16d6c.txt:L483', '003_6b794c46dcf16d6c.txt:L733']);
	});

	it.runIf(existsSync(SEEDS))(
		'knows each source file’s true length (when the seeds are at hand)',
		() => {
			for (const [file, meta] of Object.entries(raw.files)) {
				const lines = readFileSync(`${SEEDS}/${file}`, 'utf8').split('\n');
				// A trailing newline makes one empty last element.
				expect(lines.length - (lines.at(-1) === '' ? 1 : 0), file).toBe(meta.lines);
			}
		}
	);
});
