import { toIsoDate, type IsoDate } from './dates';
import { contextFor, screenerPath } from './flow';
import { evaluateCondition, type Answers, type EvalContext } from './logic';
import { valueInForce } from './parameters';
import type { Amount, EntitlementResult, Reason, ScreenerResult, Verdict } from './result';
import { PREFER_NOT } from './constants';
import type { Catalogue, Entitlement } from './schema';

function reasonsFrom(
	questions: string[],
	ctx: EvalContext,
	effectOf: (answered: boolean) => Reason['effect']
): Reason[] {
	return questions.map((question) => {
		const answer = ctx.answers[question];
		const unsure =
			answer === undefined ||
			answer === PREFER_NOT ||
			(typeof answer === 'string' &&
				ctx.questions.get(question)?.options.find((o) => o.value === answer)?.unknown === true);
		return { question, answer: answer ?? null, effect: effectOf(!unsure) };
	});
}

function amountsOn(e: Entitlement, date: IsoDate): Amount[] {
	const out: Amount[] = [];
	for (const p of e.gives.parameters) {
		const v = valueInForce(p, date);
		if (!v) continue;
		out.push({
			parameter: p.id,
			value: v.value,
			...(v.max !== undefined && { max: v.max }),
			...(v.currency !== undefined && { currency: v.currency }),
			...(v.unit !== undefined && { unit: v.unit }),
			...(v.period !== undefined && { period: v.period }),
			validFrom: v.valid_from,
			precision: v.valid_from_precision,
			toConfirm: v.to_confirm !== undefined || v.date_basis !== 'in_force'
		});
	}
	return out;
}

/**
 * One entitlement's verdict:
 * - unlikely when a fact the person gave rules it out (an `unlikely` rule holds);
 * - likely when the answers meet every condition the sources name;
 * - possible otherwise: something is unknown, withheld, or not met but can be checked.
 */
export function evaluateEntitlement(e: Entitlement, ctx: EvalContext): EntitlementResult {
	const order = [...ctx.questions.keys()];
	const byOrder = (ids: string[]) =>
		[...new Set(ids)].sort((a, b) => order.indexOf(a) - order.indexOf(b));

	const ruledOut = e.eligibility.unlikely
		.map((u) => ({ u, o: evaluateCondition(u.when, ctx) }))
		.filter((x) => x.o.value === true);
	const likely = evaluateCondition(e.eligibility.likely, ctx);

	let verdict: Verdict;
	let reasons: Reason[];
	if (ruledOut.length) {
		verdict = 'unlikely';
		reasons = reasonsFrom(byOrder(ruledOut.flatMap((x) => x.o.decisive)), ctx, () => 'rules_out');
	} else if (likely.value === true) {
		verdict = 'likely';
		reasons = reasonsFrom(byOrder(likely.decisive), ctx, () => 'met');
	} else {
		verdict = 'possible';
		reasons = reasonsFrom(byOrder(likely.decisive), ctx, (answered) =>
			answered ? 'not_met' : 'unknown'
		);
	}

	const nextSteps = e.next_steps
		.filter((s) => !s.when || evaluateCondition(s.when, ctx).value === true)
		.map((s) => s.id);

	const result: EntitlementResult = {
		entitlement: e.id,
		verdict,
		reasons,
		ruledOutBy: ruledOut.map((x) => x.u.id),
		nextSteps,
		amounts: amountsOn(e, ctx.date)
	};
	if (verdict === 'likely' && likely.until) result.until = likely.until;
	return result;
}

/**
 * Evaluates every entitlement for a set of answers on a date (today in Albania by
 * default). Pure: no I/O, nothing stored, nothing sent.
 */
export function evaluateWith(
	catalogue: Catalogue,
	answers: Answers,
	date: IsoDate | Date = new Date()
): ScreenerResult {
	const day = toIsoDate(date);
	const kept = screenerPath(catalogue, answers, day).answers;
	const ctx = contextFor(catalogue, kept, day);
	const safety =
		evaluateCondition(catalogue.safety.urgent, ctx).value === true
			? 'urgent'
			: evaluateCondition(catalogue.safety.check, ctx).value === true
				? 'check'
				: 'none';
	return {
		kind: 'ura.screener-result',
		version: 1,
		rulesVersion: catalogue.version,
		evaluatedOn: day,
		answers: { ...kept },
		safety,
		results: catalogue.entitlements.map((e) => evaluateEntitlement(e, ctx))
	};
}
