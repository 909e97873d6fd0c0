import { z } from 'zod';
import { AREAS, ORGANISATION_KEYS, PREFER_NOT, REQUEST_PLACEHOLDERS } from './constants';

export { AREAS, ORGANISATION_KEYS, PREFER_NOT, REQUEST_PLACEHOLDERS };
import { CitationSchema } from '../sources/schema';
import { catalogueProblems } from './check';

/*
 * The shape of the rules in data/entitlements/*.yaml. The build compiles those files to
 * JSON and validates them with CatalogueSchema (scripts/entitlements/compile.ts), so a bad
 * edit fails the build and the tests, never a person on a phone.
 *
 * Imports here are relative on purpose: this file is also loaded by vite.config.ts and by
 * the benchmark script, where the $lib alias does not exist.
 */

/** Every piece of content exists in Albanian and English, neither empty. */
export const TextSchema = z.strictObject({
	sq: z.string().trim().min(1),
	en: z.string().trim().min(1)
});
export type Text = z.infer<typeof TextSchema>;

/**
 * A statement shown to a person. It cites the seed lines it comes from; what the sources do
 * not settle (including anything from general knowledge) is marked `to_confirm` and shown
 * with the "to confirm locally" badge. A statement with no citation must be marked.
 */
export const FactSchema = z
	.strictObject({
		sq: z.string().trim().min(1),
		en: z.string().trim().min(1),
		cite: z.array(CitationSchema).optional(),
		/** true, or a short sq/en note saying what to confirm. */
		to_confirm: z.union([z.literal(true), TextSchema]).optional()
	})
	.refine((f) => (f.cite?.length ?? 0) > 0 || f.to_confirm !== undefined, {
		message: 'a statement needs a citation, or must be marked to_confirm'
	});
export type Fact = z.infer<typeof FactSchema>;

// ---------------------------------------------------------------------------------------
// Conditions: a small declarative language over the screener's answers.
// ---------------------------------------------------------------------------------------

const questionId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a question id is snake_case');
const optionValue = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'an option value is lowercase');

export type Condition =
	| { all: Condition[] }
	| { any: Condition[] }
	| { not: Condition }
	| { equals: { question: string; value: string } }
	| { in: { question: string; values: string[] } }
	| { range: { question: string; min?: number; max?: number } }
	| { within: { question: string; years?: number; months?: number; parameter?: string } }
	| { always: true };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ all: z.array(ConditionSchema).min(1) }),
		z.strictObject({ any: z.array(ConditionSchema).min(1) }),
		z.strictObject({ not: ConditionSchema }),
		z.strictObject({
			equals: z.strictObject({ question: questionId, value: optionValue })
		}),
		z.strictObject({
			in: z.strictObject({ question: questionId, values: z.array(optionValue).min(1) })
		}),
		z.strictObject({
			range: z
				.strictObject({
					question: questionId,
					min: z.number().int().min(0).optional(),
					max: z.number().int().min(0).optional()
				})
				.refine((r) => r.min !== undefined || r.max !== undefined, 'a range needs min or max')
		}),
		z.strictObject({
			within: z
				.strictObject({
					question: questionId,
					years: z.number().int().positive().optional(),
					months: z.number().int().positive().optional(),
					/** "e26.return_window": a parameter in years or months, taken at the evaluation date. */
					parameter: z
						.string()
						.regex(/^e\d{2}\.[a-z][a-z0-9_]*$/)
						.optional()
				})
				.refine(
					(w) => [w.years, w.months, w.parameter].filter((x) => x !== undefined).length === 1,
					'within needs exactly one of years, months or parameter'
				)
		}),
		z.strictObject({ always: z.literal(true) })
	])
);

// ---------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------

export const OptionSchema = z.strictObject({
	value: optionValue.refine((v) => v !== PREFER_NOT, `"${PREFER_NOT}" is added to every question`),
	label: TextSchema,
	/** "Not sure", "not decided yet": treated like "prefer not to say" by the rules. */
	unknown: z.literal(true).optional(),
	/** For banded numbers (age): the band this option stands for, inclusive. */
	min: z.number().int().min(0).optional(),
	max: z.number().int().min(0).optional()
});
export type Option = z.infer<typeof OptionSchema>;

export const QuestionSchema = z
	.strictObject({
		id: questionId,
		/**
		 * single: one option (radio buttons); multi: any number of options (checkboxes);
		 * month: a year and optionally a month ("2025-03" or "2025");
		 * municipality: one of the 61 municipalities, by slug (or an extra option).
		 */
		kind: z.enum(['single', 'multi', 'month', 'municipality']),
		text: TextSchema,
		/** A few words naming the question in a list of reasons: "Age", "Where you live". */
		short: TextSchema,
		help: TextSchema.optional(),
		sensitive: z.enum(['low', 'medium', 'high']),
		/** Why we ask: required for every medium or high sensitivity question. */
		why: TextSchema.optional(),
		options: z.array(OptionSchema).default([]),
		/** Asked only when this holds for the answers so far. */
		ask_if: ConditionSchema.optional(),
		/** Asked unless this holds for the answers so far (so "prefer not to say" still asks). */
		ask_unless: ConditionSchema.optional(),
		/** Where the question's reason comes from. */
		cite: z.array(CitationSchema).min(1)
	})
	.superRefine((q, ctx) => {
		if (q.sensitive !== 'low' && !q.why)
			ctx.addIssue({ code: 'custom', message: 'a sensitive question says why it is asked' });
		if ((q.kind === 'single' || q.kind === 'multi') && q.options.length < 2)
			ctx.addIssue({ code: 'custom', message: 'a choice question needs at least two options' });
		if (q.ask_if && q.ask_unless)
			ctx.addIssue({ code: 'custom', message: 'use ask_if or ask_unless, not both' });
		const values = q.options.map((o) => o.value);
		if (new Set(values).size !== values.length)
			ctx.addIssue({ code: 'custom', message: 'duplicate option value' });
	});
export type Question = z.infer<typeof QuestionSchema>;

// ---------------------------------------------------------------------------------------
// Parameters: amounts and durations, each value dated and referenced (OpenFisca style).
// ---------------------------------------------------------------------------------------

const isoDate = z.iso.date();

export const ParameterValueSchema = z
	.strictObject({
		value: z.number().nonnegative(),
		/** The top of a range ("6 to 12 months"). */
		max: z.number().nonnegative().optional(),
		/** ISO 4217 code, for money. */
		currency: z.enum(['ALL', 'EUR']).optional(),
		/** For quantities that are not money. */
		unit: z.enum(['hours', 'days', 'months', 'years', 'percent']).optional(),
		/** How often it is paid. */
		period: z.enum(['month', 'year', 'once']).optional(),
		valid_from: isoDate,
		/** How precisely the sources date it: "December 2021" is month precision. */
		valid_from_precision: z.enum(['day', 'month', 'year']),
		/**
		 * in_force: the sources give the date it took effect; approved: the date a decision was
		 * approved (entry into force to confirm); reported: the date a source reports it, so it
		 * may have started earlier.
		 */
		date_basis: z.enum(['in_force', 'approved', 'reported']),
		legal_reference: FactSchema,
		cite: z.array(CitationSchema).min(1),
		note: FactSchema.optional(),
		to_confirm: z.union([z.literal(true), TextSchema]).optional()
	})
	.superRefine((v, ctx) => {
		if ((v.currency === undefined) === (v.unit === undefined))
			ctx.addIssue({ code: 'custom', message: 'a value has a currency or a unit, not both' });
		if (v.max !== undefined && v.max < v.value)
			ctx.addIssue({ code: 'custom', message: 'max is below value' });
	});
export type ParameterValue = z.infer<typeof ParameterValueSchema>;

export const ParameterSchema = z
	.strictObject({
		id: z.string().regex(/^[a-z][a-z0-9_]*$/),
		label: TextSchema,
		values: z.array(ParameterValueSchema).min(1)
	})
	.superRefine((p, ctx) => {
		for (let i = 1; i < p.values.length; i++) {
			if (p.values[i]!.valid_from <= p.values[i - 1]!.valid_from)
				ctx.addIssue({
					code: 'custom',
					message: 'values must be in order of valid_from, each date once',
					path: ['values', i, 'valid_from']
				});
		}
	});
export type Parameter = z.infer<typeof ParameterSchema>;

// ---------------------------------------------------------------------------------------
// Entitlements
// ---------------------------------------------------------------------------------------

export const OrganisationKeySchema = z.enum(ORGANISATION_KEYS);

export const AreaSchema = z.enum(AREAS);
export type Area = z.infer<typeof AreaSchema>;

const stepId = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const RequestTemplateSchema = z
	.strictObject({
		/** To whom, in Albanian, as it goes on the letter. */
		to: z.string().trim().min(1),
		subject: z.string().trim().min(1),
		/** The letter, in Albanian. Blanks to fill by hand are written [like this]. */
		body: z.string().trim().min(1),
		/** What the letter says, in English, for a reader who needs it. */
		gloss_en: z.string().trim().min(1),
		/** Why this is the usual way, or that it must be checked locally. */
		basis: FactSchema
	})
	.superRefine((r, ctx) => {
		for (const m of `${r.to}\n${r.subject}\n${r.body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
			if (!(REQUEST_PLACEHOLDERS as readonly string[]).includes(m[1]!))
				ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${m[1]}}}` });
		}
	});
export type RequestTemplate = z.infer<typeof RequestTemplateSchema>;

export const EntitlementSchema = z.strictObject({
	/** A short neutral code, also the URL: /entitlements/e01. */
	id: z.string().regex(/^e\d{2}$/),
	area: AreaSchema,
	name: TextSchema,
	summary: TextSchema,
	/** Plain-language explanation: what it is and how it works. */
	explanation: TextSchema,
	gives: z.strictObject({
		text: z.array(FactSchema).min(1),
		parameters: z.array(ParameterSchema).default([])
	}),
	eligibility: z.strictObject({
		/** The conditions in words, for the list of entitlements. */
		conditions: z.array(FactSchema).min(1),
		/** When every condition the sources name is met by the answers. */
		likely: ConditionSchema,
		/** Facts the person gave that rule it out for now, each with its reason. */
		unlikely: z
			.array(z.strictObject({ id: stepId, when: ConditionSchema, because: FactSchema }))
			.default([]),
		/** What to do when it is only possible: how to find out. */
		possible_note: FactSchema.optional()
	}),
	/** Next steps; those with `when` are shown only when it holds for the answers. */
	next_steps: z
		.array(
			z.strictObject({
				id: stepId,
				when: ConditionSchema.optional(),
				text: FactSchema
			})
		)
		.default([]),
	providers: z.strictObject({
		keys: z.array(OrganisationKeySchema).min(1),
		/** Who provides it, in words, until the directory shows the ones in your municipality. */
		summary: z.array(FactSchema).min(1)
	}),
	apply: z.strictObject({
		where: FactSchema,
		steps: z.array(FactSchema).min(1),
		documents: z.array(FactSchema).default([]),
		request: RequestTemplateSchema.optional()
	}),
	disclosure: z.strictObject({
		/** none: nobody learns about your past; low: only something neutral (e.g. that you returned). */
		level: z.enum(['none', 'low', 'medium', 'high']),
		who: z.array(FactSchema).min(1),
		minimise: z.array(FactSchema).min(1)
	}),
	gaps: z.array(FactSchema).default([]),
	/** Where sources disagree (facts/discrepancies.md), shown as they are. */
	conflicts: z
		.array(z.strictObject({ ref: z.string().regex(/^D\d{2}$/), text: FactSchema }))
		.default([])
});
export type Entitlement = z.infer<typeof EntitlementSchema>;

export const SafetySchema = z.strictObject({
	/** Show the "if you are in danger" block first. */
	urgent: ConditionSchema,
	/** Show it lower down. */
	check: ConditionSchema
});

export const CatalogueSchema = z
	.strictObject({
		/** A hash of the rules, so a saved result knows which rules it came from. */
		version: z.string().regex(/^[0-9a-f]{12}$/),
		/** The date of the newest source the content is based on. */
		sources_as_of: isoDate,
		questions: z.array(QuestionSchema).min(1),
		safety: SafetySchema,
		entitlements: z.array(EntitlementSchema).min(1)
	})
	.superRefine((cat, ctx) => {
		for (const p of catalogueProblems(cat))
			ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
	});
export type Catalogue = z.infer<typeof CatalogueSchema>;
