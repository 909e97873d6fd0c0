import { addMonths, monthAnswerInterval, type IsoDate } from './dates';
import { inMonths } from './parameters';
import { PREFER_NOT } from './constants';
import type { Condition, ParameterValue, Question } from './schema';
import type { Leaf } from './walk';

/**
 * Three-valued (Kleene) logic: true, false, or undefined for "we do not know". An answer
 * that is missing, "prefer not to say" or "not sure" makes every test on it unknown, and
 * unknown can never become true or false further up. That is what guarantees that
 * withholding an answer never rules anything out: it can only turn "likely" or "unlikely"
 * into "possible".
 */
export type Tri = boolean | undefined;

export type AnswerValue = string | string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

export type EvalContext = {
	answers: Answers;
	questions: ReadonlyMap<string, Question>;
	date: IsoDate;
	parameter(ref: string): ParameterValue | undefined;
};

export type Outcome = {
	value: Tri;
	/** The questions that decided the value, in the order met. */
	decisive: string[];
	/** For a `within` that holds: the earliest day the window may close. */
	until?: IsoDate;
};

function merge(outcomes: Outcome[], value: Tri): Outcome {
	const decisive = [...new Set(outcomes.flatMap((o) => o.decisive))];
	const untils = outcomes.map((o) => o.until).filter((u): u is string => u !== undefined);
	const until = untils.length ? untils.sort()[0] : undefined;
	return until === undefined ? { value, decisive } : { value, decisive, until };
}

export function evaluateCondition(c: Condition, ctx: EvalContext): Outcome {
	if ('all' in c) {
		const parts = c.all.map((x) => evaluateCondition(x, ctx));
		const falses = parts.filter((p) => p.value === false);
		if (falses.length) return merge(falses, false);
		const unknowns = parts.filter((p) => p.value === undefined);
		if (unknowns.length) return merge(unknowns, undefined);
		return merge(parts, true);
	}
	if ('any' in c) {
		const parts = c.any.map((x) => evaluateCondition(x, ctx));
		const trues = parts.filter((p) => p.value === true);
		if (trues.length) return merge(trues, true);
		const unknowns = parts.filter((p) => p.value === undefined);
		if (unknowns.length) return merge(unknowns, undefined);
		return merge(parts, false);
	}
	if ('not' in c) {
		const inner = evaluateCondition(c.not, ctx);
		// A negated window says nothing about when it closes.
		return {
			value: inner.value === undefined ? undefined : !inner.value,
			decisive: inner.decisive
		};
	}
	return evaluateLeaf(c, ctx);
}

function evaluateLeaf(leaf: Leaf, ctx: EvalContext): Outcome {
	if ('always' in leaf) return { value: true, decisive: [] };
	const question =
		'equals' in leaf
			? leaf.equals.question
			: 'in' in leaf
				? leaf.in.question
				: 'range' in leaf
					? leaf.range.question
					: leaf.within.question;
	const q = ctx.questions.get(question);
	const answer = ctx.answers[question];
	const decisive = [question];
	if (!q || answer === undefined || answer === PREFER_NOT) return { value: undefined, decisive };

	if ('equals' in leaf || 'in' in leaf) {
		const wanted = 'equals' in leaf ? [leaf.equals.value] : leaf.in.values;
		const given = Array.isArray(answer) ? answer : [answer];
		if (given.some((v) => wanted.includes(v))) return { value: true, decisive };
		const unsure = given.some((v) => q.options.find((o) => o.value === v)?.unknown);
		return { value: unsure || given.length === 0 ? undefined : false, decisive };
	}

	if ('range' in leaf) {
		const option =
			typeof answer === 'string' ? q.options.find((o) => o.value === answer) : undefined;
		if (!option || option.unknown || option.min === undefined)
			return { value: undefined, decisive };
		const lo = option.min;
		const hi = option.max ?? Infinity;
		const rlo = leaf.range.min ?? 0;
		const rhi = leaf.range.max ?? Infinity;
		if (lo >= rlo && hi <= rhi) return { value: true, decisive };
		if (hi < rlo || lo > rhi) return { value: false, decisive };
		return { value: undefined, decisive };
	}

	// within: the answered month lies within the window before the evaluation date.
	const interval = typeof answer === 'string' ? monthAnswerInterval(answer) : undefined;
	const w = leaf.within;
	const months =
		w.years !== undefined
			? w.years * 12
			: w.months !== undefined
				? w.months
				: (() => {
						const v = ctx.parameter(w.parameter!);
						return v ? inMonths(v) : undefined;
					})();
	if (!interval || months === undefined || interval.start > ctx.date) {
		return { value: undefined, decisive };
	}
	const cutoff = addMonths(ctx.date, -months);
	const end = interval.end < ctx.date ? interval.end : ctx.date;
	if (interval.start >= cutoff) {
		return { value: true, decisive, until: addMonths(interval.start, months) };
	}
	if (end < cutoff) return { value: false, decisive };
	// The answer straddles the edge of the window: it may or may not be inside.
	return { value: undefined, decisive };
}
