import { addMonths } from '../../src/lib/entitlements/dates';
import { evaluateWith } from '../../src/lib/entitlements/evaluate';
import type { Answers, AnswerValue } from '../../src/lib/entitlements/logic';
import type {
	Catalogue,
	Condition,
	Entitlement,
	Question
} from '../../src/lib/entitlements/schema';
import { leafQuestion, leaves, leafValues } from '../../src/lib/entitlements/walk';

export const TEST_DATE = '2026-11-23';

/** Candidate answers to try for a question: each real option, and for dates a recent and an old month. */
export function candidateAnswers(q: Question, named: ReadonlySet<string>): AnswerValue[] {
	const real = q.options.filter((o) => !o.unknown).map((o) => o.value);
	if (q.kind === 'multi') {
		// Every non-empty subset of the options.
		const subsets: string[][] = [];
		for (let mask = 1; mask < 1 << real.length; mask++)
			subsets.push(real.filter((_, i) => mask & (1 << i)));
		return subsets;
	}
	if (q.kind === 'month') {
		return [addMonths(TEST_DATE, -3).slice(0, 7), addMonths(TEST_DATE, -72).slice(0, 7)];
	}
	if (q.kind === 'municipality') return [...new Set([...named, 'berat'])];
	return real;
}

/** The questions a condition reads, and (transitively) the questions those depend on. */
function questionsFor(cat: Catalogue, conditions: Condition[]): Question[] {
	const byId = new Map(cat.questions.map((q) => [q.id, q]));
	const wanted = new Set<string>();
	const visit = (id: string) => {
		if (wanted.has(id)) return;
		wanted.add(id);
		const q = byId.get(id);
		const c = q?.ask_if ?? q?.ask_unless;
		if (c) for (const l of leaves(c)) visit(leafQuestion(l)!);
	};
	for (const c of conditions)
		for (const l of leaves(c)) if (leafQuestion(l)) visit(leafQuestion(l)!);
	return cat.questions.filter((q) => wanted.has(q.id));
}

/**
 * Searches every combination of answers to the questions an entitlement's rule reads (and
 * those they depend on) for one that makes it "likely". Exhaustive, not random: if this
 * finds nothing, no answers can make the entitlement likely.
 */
export function findLikelyAnswers(cat: Catalogue, e: Entitlement): Answers | undefined {
	const conditions = [e.eligibility.likely, ...e.eligibility.unlikely.map((u) => u.when)];
	const named = new Set(conditions.flatMap((c) => leaves(c).flatMap(leafValues)));
	const qs = questionsFor(cat, conditions);
	const options = qs.map((q) => candidateAnswers(q, named));
	const total = options.reduce((n, o) => n * o.length, 1);
	if (total > 200_000) throw new Error(`${e.id}: too many combinations (${total})`);
	const pick = new Array<number>(qs.length).fill(0);
	for (let n = 0; n < total; n++) {
		let rest = n;
		for (let i = 0; i < qs.length; i++) {
			pick[i] = rest % options[i]!.length;
			rest = Math.floor(rest / options[i]!.length);
		}
		const answers: Record<string, AnswerValue> = {};
		qs.forEach((q, i) => (answers[q.id] = options[i]![pick[i]!]!));
		const r = evaluateWith(cat, answers, TEST_DATE).results.find((x) => x.entitlement === e.id);
		if (r?.verdict === 'likely') return answers;
	}
	return undefined;
}
