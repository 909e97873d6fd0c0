import { z } from 'zod';

/*
 * What the screener produces, as plain data: it can be shown, printed, or (later) saved in
 * the encrypted notebook and read back. It holds ids, not texts, so it stays small; the
 * texts come from the rules with the same `rulesVersion`.
 */

const answerValue = z.union([z.string().max(40), z.array(z.string().max(40)).max(20)]);

/** Answers by question id. Only ever held in memory, or in the encrypted notebook. */
export const AnswersSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), answerValue);

export const VerdictSchema = z.enum(['likely', 'possible', 'unlikely']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ReasonSchema = z.strictObject({
	question: z.string(),
	/** What the person answered; null when the question was not answered or not asked. */
	answer: answerValue.nullable(),
	/**
	 * met: the answer meets a condition; not_met: it does not (so the verdict is only
	 * "possible"); unknown: not answered, not sure or preferred not to say; rules_out: it
	 * rules the entitlement out for now.
	 */
	effect: z.enum(['met', 'not_met', 'unknown', 'rules_out'])
});
export type Reason = z.infer<typeof ReasonSchema>;

export const AmountSchema = z.strictObject({
	parameter: z.string(),
	value: z.number(),
	max: z.number().optional(),
	currency: z.string().optional(),
	unit: z.string().optional(),
	period: z.string().optional(),
	validFrom: z.iso.date(),
	precision: z.enum(['day', 'month', 'year']),
	toConfirm: z.boolean()
});
export type Amount = z.infer<typeof AmountSchema>;

export const EntitlementResultSchema = z.strictObject({
	entitlement: z.string().regex(/^e\d{2}$/),
	verdict: VerdictSchema,
	reasons: z.array(ReasonSchema),
	/** Ids of the `unlikely` rules that apply. */
	ruledOutBy: z.array(z.string()),
	/** Ids of the next steps that apply to these answers. */
	nextSteps: z.array(z.string()),
	/** Amounts and durations in force on the evaluation date. */
	amounts: z.array(AmountSchema),
	/** When a time window applies (e.g. 2 years after return): the earliest day it may close. */
	until: z.iso.date().optional()
});
export type EntitlementResult = z.infer<typeof EntitlementResultSchema>;

export const ScreenerResultSchema = z.strictObject({
	kind: z.literal('ura.screener-result'),
	version: z.literal(1),
	rulesVersion: z.string(),
	evaluatedOn: z.iso.date(),
	answers: AnswersSchema,
	/** urgent: show the "if you are in danger" block first; check: show it lower down. */
	safety: z.enum(['urgent', 'check', 'none']),
	results: z.array(EntitlementResultSchema)
});
export type ScreenerResult = z.infer<typeof ScreenerResultSchema>;
