import type { IsoDate } from './dates';
import { evaluateCondition, type Answers, type EvalContext } from './logic';
import { valueInForce } from './parameters';
import type { Catalogue, Question } from './schema';
import { leafQuestion, leaves } from './walk';

/**
 * The screener's path through the questions. Which questions are asked depends only on
 * the answers to earlier ones, so the path can be recomputed at any time from the answers
 * held in memory: going back and changing an answer simply changes what comes next, and
 * answers to questions that no longer apply are ignored.
 */

type Rules = Pick<Catalogue, 'questions' | 'entitlements'>;

export function contextFor(rules: Rules, answers: Answers, date: IsoDate): EvalContext {
	const questions = new Map(rules.questions.map((q) => [q.id, q]));
	return {
		answers,
		questions,
		date,
		parameter(ref) {
			const [eid, pid] = ref.split('.');
			const p = rules.entitlements
				.find((e) => e.id === eid)
				?.gives.parameters.find((x) => x.id === pid);
			return p ? valueInForce(p, date) : undefined;
		}
	};
}

function isAsked(q: Question, ctx: EvalContext): boolean {
	if (q.ask_if) return evaluateCondition(q.ask_if, ctx).value === true;
	if (q.ask_unless) return evaluateCondition(q.ask_unless, ctx).value !== true;
	return true;
}

/**
 * The questions asked for these answers, in order, and the answers that count (those to
 * asked questions). A question whose condition depends on an unanswered one is left out
 * until that one is answered.
 */
export function screenerPath(
	rules: Rules,
	answers: Answers,
	date: IsoDate
): { asked: Question[]; answers: Answers } {
	const kept: Record<string, Answers[string]> = {};
	const asked: Question[] = [];
	const ctx = contextFor(rules, kept, date);
	for (const q of rules.questions) {
		if (!isAsked(q, ctx)) continue;
		asked.push(q);
		const a = answers[q.id];
		if (a !== undefined) kept[q.id] = a;
	}
	return { asked, answers: kept };
}

/** The answers that count: answers to questions that no longer apply are dropped. */
export function effectiveAnswers(rules: Rules, answers: Answers, date: IsoDate): Answers {
	return screenerPath(rules, answers, date).answers;
}

/** The question after `current` (or the first one), or undefined when all are done. */
export function nextQuestion(
	rules: Rules,
	answers: Answers,
	current: string | undefined,
	date: IsoDate
): Question | undefined {
	const { asked } = screenerPath(rules, answers, date);
	if (current === undefined) return asked[0];
	const order = rules.questions.findIndex((q) => q.id === current);
	return asked.find((q) => rules.questions.indexOf(q) > order);
}

/**
 * Where `current` stands: "3 of 12". A question that depends on one not answered yet is
 * counted as if it will be asked, so the total can only go down as answers come in, never
 * jump up.
 */
export function progress(
	rules: Rules,
	answers: Answers,
	current: string,
	date: IsoDate
): { position: number; total: number } {
	const kept = screenerPath(rules, answers, date).answers;
	const ctx = contextFor(rules, kept, date);
	const maybe = rules.questions.filter((q) => {
		const condition = q.ask_if ?? q.ask_unless;
		if (!condition) return true;
		const open = leaves(condition).some((leaf) => {
			const id = leafQuestion(leaf);
			return id !== undefined && answers[id] === undefined;
		});
		return open || isAsked(q, ctx);
	});
	const index = maybe.findIndex((q) => q.id === current);
	return { position: index + 1, total: maybe.length };
}
