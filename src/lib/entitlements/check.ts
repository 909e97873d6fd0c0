import { geo } from '../geo';
import type { Condition, Entitlement, Question } from './schema';
import { leafQuestion, leaves, leafValues } from './walk';

type CatalogueShape = {
	questions: Question[];
	safety: { urgent: Condition; check: Condition };
	entitlements: Entitlement[];
};
export type Problem = { path: (string | number)[]; message: string };

const MUNICIPALITY_SLUGS = new Set(geo.municipalities.map((m) => m.slug));

/**
 * Checks that zod's shapes cannot express: that every condition names a question and an
 * answer that exist, that questions only depend on earlier ones, that parameters referred
 * to exist, and that no verdict can rest on "not sure" (only "prefer not to say" semantics,
 * which can never rule anything out, apply to such answers).
 */
export function catalogueProblems(cat: CatalogueShape): Problem[] {
	const problems: Problem[] = [];
	const order = new Map(cat.questions.map((q, i) => [q.id, i]));
	const byId = new Map(cat.questions.map((q) => [q.id, q]));
	if (byId.size !== cat.questions.length)
		problems.push({ path: ['questions'], message: 'duplicate question id' });

	const parameters = new Map<string, Set<string>>();
	for (const e of cat.entitlements) {
		for (const p of e.gives.parameters) {
			const units = new Set(p.values.map((v) => v.unit ?? v.currency ?? ''));
			parameters.set(`${e.id}.${p.id}`, units);
		}
	}

	/**
	 * @param verdict a condition deciding a verdict: "not sure"-like options may not appear,
	 *   so that they always leave the verdict open.
	 * @param before for ask_if/ask_unless: the question's own position (only earlier ones).
	 */
	function checkCondition(
		c: Condition,
		path: (string | number)[],
		{ verdict, before }: { verdict: boolean; before?: number }
	) {
		for (const leaf of leaves(c)) {
			const qid = leafQuestion(leaf);
			if (qid === undefined) continue;
			const q = byId.get(qid);
			if (!q) {
				problems.push({ path, message: `unknown question "${qid}"` });
				continue;
			}
			if (before !== undefined && (order.get(qid) ?? Infinity) >= before)
				problems.push({ path, message: `"${qid}" is not asked before this question` });
			const optionValues = new Set(q.options.map((o) => o.value));
			for (const v of leafValues(leaf)) {
				const known =
					optionValues.has(v) || (q.kind === 'municipality' && MUNICIPALITY_SLUGS.has(v));
				if (!known) problems.push({ path, message: `"${qid}" has no answer "${v}"` });
				if (verdict && q.options.find((o) => o.value === v)?.unknown)
					problems.push({
						path,
						message: `"${qid}=${v}" is a "not sure" answer and cannot decide a verdict`
					});
			}
			if ('range' in leaf && (q.kind !== 'single' || !q.options.some((o) => o.min !== undefined)))
				problems.push({ path, message: `range needs a question with numeric bands ("${qid}")` });
			if ('within' in leaf) {
				if (q.kind !== 'month')
					problems.push({ path, message: `within needs a month question ("${qid}")` });
				const ref = leaf.within.parameter;
				if (ref !== undefined) {
					const units = parameters.get(ref);
					if (!units) problems.push({ path, message: `unknown parameter "${ref}"` });
					else if ([...units].some((u) => u !== 'months' && u !== 'years'))
						problems.push({ path, message: `parameter "${ref}" is not in months or years` });
				}
			}
		}
	}

	cat.questions.forEach((q, i) => {
		if (q.ask_if)
			checkCondition(q.ask_if, ['questions', i, 'ask_if'], { verdict: false, before: i });
		if (q.ask_unless)
			checkCondition(q.ask_unless, ['questions', i, 'ask_unless'], { verdict: false, before: i });
		if (q.kind === 'municipality') {
			for (const o of q.options) {
				if (MUNICIPALITY_SLUGS.has(o.value))
					problems.push({ path: ['questions', i], message: `"${o.value}" is a municipality` });
			}
		}
	});
	checkCondition(cat.safety.urgent, ['safety', 'urgent'], { verdict: false });
	checkCondition(cat.safety.check, ['safety', 'check'], { verdict: false });

	const ids = cat.entitlements.map((e) => e.id);
	if (new Set(ids).size !== ids.length)
		problems.push({ path: ['entitlements'], message: 'duplicate entitlement id' });
	if (ids.join() !== [...ids].sort().join())
		problems.push({ path: ['entitlements'], message: 'entitlements must be in order of id' });

	cat.entitlements.forEach((e, i) => {
		const base = ['entitlements', i];
		checkCondition(e.eligibility.likely, [...base, 'eligibility', 'likely'], { verdict: true });
		e.eligibility.unlikely.forEach((u, j) =>
			checkCondition(u.when, [...base, 'eligibility', 'unlikely', j], { verdict: true })
		);
		e.next_steps.forEach((s, j) => {
			if (s.when) checkCondition(s.when, [...base, 'next_steps', j], { verdict: false });
		});
		const unlikelyIds = e.eligibility.unlikely.map((u) => u.id);
		if (new Set(unlikelyIds).size !== unlikelyIds.length)
			problems.push({ path: [...base, 'eligibility', 'unlikely'], message: 'duplicate id' });
		const stepIds = e.next_steps.map((s) => s.id);
		if (new Set(stepIds).size !== stepIds.length)
			problems.push({ path: [...base, 'next_steps'], message: 'duplicate id' });
		const parameterIds = e.gives.parameters.map((p) => p.id);
		if (new Set(parameterIds).size !== parameterIds.length)
			problems.push({ path: [...base, 'gives', 'parameters'], message: 'duplicate id' });
		if (new Set(e.providers.keys).size !== e.providers.keys.length)
			problems.push({ path: [...base, 'providers', 'keys'], message: 'duplicate key' });
	});
	return problems;
}
