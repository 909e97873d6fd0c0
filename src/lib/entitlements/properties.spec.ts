import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geo } from '../geo';
import { catalogue } from './catalogue';
import { evaluateWith } from './evaluate';
import { effectiveAnswers } from './flow';
import type { Answers, AnswerValue } from './logic';
import { ScreenerResultSchema } from './result';
import { PREFER_NOT, type Question } from './schema';

const DAY = '2026-11-23';

/** Any answer a person could give to a question, including "prefer not to say". */
function answerArb(q: Question): fc.Arbitrary<AnswerValue> {
	const values = q.options.map((o) => o.value);
	switch (q.kind) {
		case 'single':
			return fc.constantFrom(...values, PREFER_NOT);
		case 'multi':
			return fc.oneof(
				fc.constant(PREFER_NOT),
				fc.subarray(values, { minLength: 1 }).map((v) => [...v])
			);
		case 'municipality':
			return fc.constantFrom(...values, PREFER_NOT, ...geo.municipalities.map((m) => m.slug));
		case 'month':
			return fc.oneof(
				fc.constant(PREFER_NOT),
				fc.integer({ min: 1990, max: 2026 }).map(String),
				fc
					.record({ y: fc.integer({ min: 1990, max: 2026 }), m: fc.integer({ min: 1, max: 10 }) })
					.map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
			);
	}
}

/** Any set of answers: each question answered, or not (skipped or not reached). */
const answersArb: fc.Arbitrary<Answers> = fc
	.tuple(...catalogue.questions.map((q) => fc.option(answerArb(q), { nil: undefined })))
	.map((values) => {
		const out: Record<string, AnswerValue> = {};
		catalogue.questions.forEach((q, i) => {
			if (values[i] !== undefined) out[q.id] = values[i];
		});
		return out;
	});

/**
 * The answers that count. Changing an answer to "prefer not to say" can make a question
 * apply that did not before; the person has not answered it yet, so a stale answer to it
 * must not come back. Properties therefore start from the answers that count.
 */
const counting = (answers: Answers) => effectiveAnswers(catalogue, answers, DAY);

const verdicts = (answers: Answers) =>
	new Map(evaluateWith(catalogue, answers, DAY).results.map((r) => [r.entitlement, r.verdict]));

describe('properties of the rules (fast-check)', () => {
	it('"prefer not to say" never turns "likely" into "unlikely"', () => {
		fc.assert(
			fc.property(answersArb, fc.nat(), (given, pick) => {
				const answers = counting(given);
				const answered = Object.keys(answers);
				fc.pre(answered.length > 0);
				const q = answered[pick % answered.length]!;
				const before = verdicts(answers);
				const after = verdicts({ ...answers, [q]: PREFER_NOT });
				for (const [id, v] of before) {
					if (v === 'likely')
						expect(after.get(id), `${id} after ${q}=prefer_not`).not.toBe('unlikely');
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('"prefer not to say" to everything rules nothing out', () => {
		const all = Object.fromEntries(catalogue.questions.map((q) => [q.id, PREFER_NOT]));
		for (const [id, v] of verdicts(all)) expect(v, id).not.toBe('unlikely');
	});

	it('not answering a question never turns "likely" into "unlikely" either', () => {
		fc.assert(
			fc.property(answersArb, fc.nat(), (given, pick) => {
				const answers = counting(given);
				const answered = Object.keys(answers);
				fc.pre(answered.length > 0);
				const q = answered[pick % answered.length]!;
				const rest = { ...answers };
				delete (rest as Record<string, AnswerValue>)[q];
				const before = verdicts(answers);
				const after = verdicts(rest);
				for (const [id, v] of before)
					if (v === 'likely') expect(after.get(id)).not.toBe('unlikely');
			}),
			{ numRuns: 300 }
		);
	});

	it('always gives every entitlement exactly one verdict, as data that round-trips', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				const result = evaluateWith(catalogue, answers, DAY);
				expect(result.results.map((r) => r.entitlement)).toEqual(
					catalogue.entitlements.map((e) => e.id)
				);
				const parsed = ScreenerResultSchema.parse(JSON.parse(JSON.stringify(result)));
				expect(parsed).toEqual(result);
			}),
			{ numRuns: 200 }
		);
	});

	it('explains every verdict with answers the person gave or did not give', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				for (const r of evaluateWith(catalogue, answers, DAY).results) {
					const e = catalogue.entitlements.find((x) => x.id === r.entitlement)!;
					if (r.verdict === 'unlikely') expect(r.ruledOutBy.length).toBeGreaterThan(0);
					for (const reason of r.reasons) {
						expect(catalogue.questions.some((q) => q.id === reason.question)).toBe(true);
						if (reason.effect === 'met' || reason.effect === 'rules_out')
							expect(reason.answer).not.toBeNull();
					}
					for (const step of r.nextSteps)
						expect(e.next_steps.some((s) => s.id === step)).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same result for the same answers (no hidden state)', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				expect(evaluateWith(catalogue, answers, DAY)).toEqual(
					evaluateWith(catalogue, answers, DAY)
				);
			}),
			{ numRuns: 50 }
		);
	});
});
