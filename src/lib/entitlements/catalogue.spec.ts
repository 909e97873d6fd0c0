import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueError, compileCatalogue } from '../../../scripts/entitlements/compile';
import { parseCitation } from '../sources';
import { catalogue } from './catalogue';
import { evaluateWith } from './evaluate';
import { AREAS, ORGANISATION_KEYS, type Entitlement } from './schema';
import { findLikelyAnswers } from '../../../tests/helpers/entitlements';

const DATA = join(process.cwd(), 'data/entitlements');

/** Every object in the data that carries an sq or en text. */
function bilingual(node: unknown, path = ''): { path: string; sq?: unknown; en?: unknown }[] {
	if (Array.isArray(node)) return node.flatMap((n, i) => bilingual(n, `${path}[${i}]`));
	if (!node || typeof node !== 'object') return [];
	const o = node as Record<string, unknown>;
	const here = 'sq' in o || 'en' in o ? [{ path, sq: o.sq, en: o.en }] : [];
	return [
		...here,
		...Object.entries(o).flatMap(([k, v]) =>
			k === 'sq' || k === 'en' ? [] : bilingual(v, `${path}.${k}`)
		)
	];
}

describe('the entitlement rules (data/entitlements)', () => {
	it('compile from the YAML files to the same catalogue the app ships', () => {
		expect(compileCatalogue(DATA)).toEqual(catalogue);
	});

	it('cover at least 30 entitlements in every area the issue names', () => {
		expect(catalogue.entitlements.length).toBeGreaterThanOrEqual(30);
		for (const area of AREAS) {
			expect(
				catalogue.entitlements.some((e) => e.area === area),
				area
			).toBe(true);
		}
	});

	it('use short neutral codes, which are also their URLs', () => {
		for (const e of catalogue.entitlements) expect(e.id).toMatch(/^e\d{2}$/);
	});

	it('have every text in Albanian and in English, neither empty', () => {
		const texts = bilingual(catalogue);
		expect(texts.length).toBeGreaterThan(700);
		for (const t of texts) {
			expect(typeof t.sq === 'string' && t.sq.trim().length > 0, `${t.path}.sq`).toBe(true);
			expect(typeof t.en === 'string' && t.en.trim().length > 0, `${t.path}.en`).toBe(true);
		}
	});

	it('give every parameter value a legal reference, a source and a date', () => {
		let count = 0;
		for (const e of catalogue.entitlements) {
			for (const p of e.gives.parameters) {
				for (const v of p.values) {
					count++;
					const where = `${e.id}.${p.id}`;
					expect(v.legal_reference.sq.length, where).toBeGreaterThan(0);
					expect(v.legal_reference.en.length, where).toBeGreaterThan(0);
					expect(v.cite.length, where).toBeGreaterThan(0);
					for (const c of v.cite) expect(parseCitation(c), c).toBeDefined();
					expect(v.valid_from, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				}
			}
		}
		expect(count).toBeGreaterThanOrEqual(10);
	});

	it('cite only lines that exist in the seed documents', () => {
		const all = JSON.stringify(catalogue).match(/\d{3}_[0-9a-f]{16}\.txt:L\d+(?:-L\d+)?/g) ?? [];
		expect(all.length).toBeGreaterThan(500);
		for (const c of all) expect(parseCitation(c), c).toBeDefined();
	});

	it('name providers only by the directory’s organisation keys', () => {
		const keys = new Set<string>(ORGANISATION_KEYS);
		for (const e of catalogue.entitlements)
			for (const k of e.providers.keys) expect(keys.has(k), `${e.id}: ${k}`).toBe(true);
	});

	it('never show a phone number (none is in the sources)', () => {
		const text = JSON.stringify(catalogue);
		expect(text).not.toMatch(/\+355|\b116\s?\d{3}\b|\b12[789]\b(?!\d)|tel:/);
	});

	it('keep the word for trafficking out of names, questions and letters', () => {
		for (const e of catalogue.entitlements) {
			expect(`${e.name.sq} ${e.name.en}`).not.toMatch(/trafik|traffick|viktim|victim/i);
			if (e.apply.request) {
				const letter = `${e.apply.request.subject}\n${e.apply.request.body}`;
				expect(letter, e.id).not.toMatch(/trafik|viktim|shfrytëz|prostit|dhun/i);
			}
		}
		for (const q of catalogue.questions)
			expect(`${q.text.sq} ${q.text.en}`).not.toMatch(/trafik|traffick/i);
	});

	it('can reach every entitlement as "likely" for some answers', () => {
		for (const e of catalogue.entitlements) {
			const answers = findLikelyAnswers(catalogue, e);
			expect(answers, `${e.id} is never likely`).toBeDefined();
			const r = evaluateWith(catalogue, answers!, '2026-11-23').results.find(
				(x) => x.entitlement === e.id
			);
			expect(r?.verdict).toBe('likely');
		}
	});

	it('show a sourced reason for every way an entitlement can be ruled out', () => {
		for (const e of catalogue.entitlements as Entitlement[]) {
			for (const u of e.eligibility.unlikely)
				expect((u.because.cite?.length ?? 0) > 0, `${e.id}.${u.id}`).toBe(true);
		}
	});
});

describe('invalid rules stop the build', () => {
	function brokenCopy(file: string, edit: (text: string) => string): string {
		const dir = mkdtempSync(join(tmpdir(), 'ura-rules-'));
		cpSync(DATA, dir, { recursive: true });
		writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
		return dir;
	}
	const problemsOf = (dir: string) => {
		try {
			compileCatalogue(dir);
		} catch (e) {
			expect(e).toBeInstanceOf(CatalogueError);
			return (e as CatalogueError).problems.join('\n');
		}
		throw new Error('the broken rules compiled');
	};

	it('rejects a missing translation', () => {
		const dir = brokenCopy('e01.yaml', (s) => s.replace(/\n {2}en: Monthly economic aid/, ''));
		expect(problemsOf(dir)).toMatch(/e01\.yaml › name\.en/);
	});

	it('rejects a condition on a question that does not exist', () => {
		const dir = brokenCopy('e03.yaml', (s) =>
			s.replace('question: status_paper', 'question: status')
		);
		expect(problemsOf(dir)).toMatch(/e03\.yaml .*unknown question "status"/);
	});

	it('rejects an answer a question does not have', () => {
		const dir = brokenCopy('e27.yaml', (s) => s.replace('value: tirane', 'value: tirana'));
		expect(problemsOf(dir)).toMatch(/e27\.yaml .*"municipality" has no answer "tirana"/);
	});

	it('rejects a citation outside the seed documents', () => {
		const dir = brokenCopy('e02.yaml', (s) => s.replace('txt:L2161]', 'txt:L99999]'));
		expect(problemsOf(dir)).toMatch(/e02\.yaml/);
	});

	it('rejects a statement with neither a citation nor a "to confirm" mark', () => {
		const dir = brokenCopy('e04.yaml', (s) =>
			s.replace(
				'      en: Free health services for children.\n      cite: [003_6b794c46dcf16d6c.txt:L2183]',
				'      en: Free health services for children.'
			)
		);
		expect(problemsOf(dir)).toMatch(/needs a citation/);
	});

	it('rejects a verdict that rests on a "not sure" answer', () => {
		const dir = brokenCopy('e28.yaml', (s) =>
			s.replace(
				"likely: { equals: { question: civil_registry, value: 'no' } }",
				'likely: { equals: { question: civil_registry, value: not_sure } }'
			)
		);
		expect(problemsOf(dir)).toMatch(/cannot decide a verdict/);
	});
});
