import { catalogue } from './catalogue';
import type { IsoDate } from './dates';
import { evaluateWith } from './evaluate';
import type { Answers } from './logic';
import type { ScreenerResult } from './result';

export { catalogue, entitlementById, entitlementsByArea, questionById } from './catalogue';
export { todayInAlbania, type IsoDate } from './dates';
export { evaluateWith } from './evaluate';
export { effectiveAnswers, nextQuestion, progress, screenerPath } from './flow';
export type { AnswerValue, Answers } from './logic';
export { valueInForce } from './parameters';
export type { Amount, EntitlementResult, Reason, ScreenerResult, Verdict } from './result';
export { AREAS, PREFER_NOT } from './constants';
export type {
	Area,
	Entitlement,
	Fact,
	Option,
	Parameter,
	Question,
	RequestTemplate,
	Text
} from './schema';

/**
 * What each entitlement looks like for these answers, on a date (today in Albania by
 * default). Runs on the device; nothing is stored or sent.
 */
export function evaluateEntitlements(
	answers: Answers,
	date: IsoDate | Date = new Date()
): ScreenerResult {
	return evaluateWith(catalogue, answers, date);
}
