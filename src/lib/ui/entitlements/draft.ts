import type { AnswerValue, Question } from '$lib/entitlements';

/** The answer being edited on the current screen, before "Continue" records it. */
export type Draft =
	| { kind: 'value'; value: string }
	| { kind: 'values'; values: string[] }
	| { kind: 'month'; year: string; month: string };

export type DraftError = 'choose' | 'chooseSome' | 'chooseYear' | 'future' | 'chooseMunicipality';

/** The editing state for a question, from its recorded answer (if any). */
export function draftFor(q: Question, answer: AnswerValue | undefined): Draft {
	if (q.kind === 'multi') {
		return { kind: 'values', values: Array.isArray(answer) ? [...answer] : [] };
	}
	if (q.kind === 'month') {
		const m = typeof answer === 'string' ? /^(\d{4})(?:-(\d{2}))?$/.exec(answer) : null;
		return { kind: 'month', year: m?.[1] ?? '', month: m?.[2] ?? '' };
	}
	return { kind: 'value', value: typeof answer === 'string' ? answer : '' };
}

/** The answer a draft stands for, or what is missing. `today` is an ISO date. */
export function answerFromDraft(
	q: Question,
	draft: Draft,
	today: string
): { answer: AnswerValue } | { error: DraftError } {
	if (draft.kind === 'values') {
		return draft.values.length ? { answer: draft.values } : { error: 'chooseSome' };
	}
	if (draft.kind === 'month') {
		if (!draft.year) return { error: 'chooseYear' };
		const answer = draft.month ? `${draft.year}-${draft.month}` : draft.year;
		if (answer.slice(0, 7) > today.slice(0, answer.length)) return { error: 'future' };
		return { answer };
	}
	if (!draft.value) return { error: q.kind === 'municipality' ? 'chooseMunicipality' : 'choose' };
	return { answer: draft.value };
}
