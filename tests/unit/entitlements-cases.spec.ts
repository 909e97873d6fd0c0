// Runs the rule cases in tests/entitlements/*.yaml (OpenFisca style: answers in, verdicts
// out). Each case names the fact it checks; the answers are validated against the
// questions, so a typo fails loudly instead of silently testing nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { catalogue, evaluateEntitlements, PREFER_NOT } from '$lib/entitlements';
import { VerdictSchema } from '$lib/entitlements/result';
import { municipalityBySlug } from '$lib/geo';
import { CitationSchema } from '$lib/sources/schema';

const DIR = join(process.cwd(), 'tests/entitlements');
const DEFAULT_DATE = '2026-11-23';
const entitlementId = z.string().regex(/^e\d{2}$/);

const CaseSchema = z.strictObject({
	name: z.string().min(5),
	/** The fact this case checks: a facts file and section, e.g. "entitlements.md E01". */
	fact: z.string().min(5),
	cite: z.array(CitationSchema).optional(),
	date: z.iso.date().optional(),
	answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
	expect: z.record(entitlementId, VerdictSchema),
	safety: z.enum(['urgent', 'check', 'none']).optional(),
	/** Next steps that must be shown, by entitlement. */
	next_steps: z.record(entitlementId, z.array(z.string())).optional(),
	/** The `unlikely` rules that must apply, by entitlement. */
	ruled_out_by: z.record(entitlementId, z.array(z.string())).optional(),
	/** For a window: the day it must close on. */
	until: z.record(entitlementId, z.iso.date()).optional(),
	/** Amounts in force on the date, by parameter; null when the sources give none for it. */
	amounts: z.record(entitlementId, z.record(z.string(), z.number().nullable())).optional()
});
type Case = z.infer<typeof CaseSchema>;

function checkAnswers(c: Case) {
	for (const [id, value] of Object.entries(c.answers)) {
		const q = catalogue.questions.find((x) => x.id === id);
		expect(q, `unknown question "${id}"`).toBeDefined();
		const options = q!.options.map((o) => o.value);
		const valid = (v: string) =>
			v === PREFER_NOT ||
			options.includes(v) ||
			(q!.kind === 'municipality' && municipalityBySlug(v) !== undefined) ||
			(q!.kind === 'month' && /^\d{4}(-\d{2})?$/.test(v));
		if (q!.kind === 'multi' && Array.isArray(value)) {
			for (const v of value) expect(valid(v), `${id}: "${v}"`).toBe(true);
		} else {
			expect(typeof value, `${id} takes one answer`).toBe('string');
			expect(valid(value as string), `${id}: "${value}"`).toBe(true);
		}
	}
	for (const id of Object.keys(c.expect))
		expect(
			catalogue.entitlements.some((e) => e.id === id),
			id
		).toBe(true);
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const all: Case[] = [];

for (const file of files) {
	const cases = z.array(CaseSchema).parse(parse(readFileSync(join(DIR, file), 'utf8')));
	all.push(...cases);
	describe(`rule cases: ${file}`, () => {
		for (const c of cases) {
			it(`${c.name} (${c.fact})`, () => {
				checkAnswers(c);
				const result = evaluateEntitlements(c.answers, c.date ?? DEFAULT_DATE);
				const got = new Map(result.results.map((r) => [r.entitlement, r]));
				for (const [id, verdict] of Object.entries(c.expect))
					expect(got.get(id)?.verdict, `${id}`).toBe(verdict);
				if (c.safety) expect(result.safety).toBe(c.safety);
				for (const [id, steps] of Object.entries(c.next_steps ?? {}))
					for (const s of steps) expect(got.get(id)?.nextSteps, `${id} next steps`).toContain(s);
				for (const [id, rules] of Object.entries(c.ruled_out_by ?? {}))
					expect([...(got.get(id)?.ruledOutBy ?? [])].sort()).toEqual([...rules].sort());
				for (const [id, day] of Object.entries(c.until ?? {})) expect(got.get(id)?.until).toBe(day);
				for (const [id, params] of Object.entries(c.amounts ?? {})) {
					for (const [param, value] of Object.entries(params)) {
						const amount = got.get(id)?.amounts.find((a) => a.parameter === param);
						expect(amount?.value ?? null, `${id}.${param}`).toBe(value);
					}
				}
			});
		}
	});
}

describe('the rule cases as a whole', () => {
	it('are at least 60, each naming the fact it checks', () => {
		expect(all.length).toBeGreaterThanOrEqual(60);
		expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
	});

	it('check every entitlement at least once as likely', () => {
		const likely = new Set(
			all.flatMap((c) =>
				Object.entries(c.expect)
					.filter(([, v]) => v === 'likely')
					.map(([id]) => id)
			)
		);
		for (const e of catalogue.entitlements) expect(likely.has(e.id), e.id).toBe(true);
	});
});
