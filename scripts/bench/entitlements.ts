// Benchmark: how long evaluating every entitlement takes for one set of answers.
// Prints one JSON line per answer set: median, p95 and max over many runs, in milliseconds.
// Run: npx tsx scripts/bench/entitlements.ts [--runs 2000]
// (Issue 4: "the engine evaluates all rules in under 1 ms". A measurement, not a test.)
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { compileCatalogue } from '../entitlements/compile';
import { evaluateWith } from '../../src/lib/entitlements/evaluate';
import type { Answers } from '../../src/lib/entitlements/logic';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 2000;
const WARMUP = 200;
const DATE = '2026-11-23';

const catalogue = compileCatalogue(join(process.cwd(), 'data/entitlements'));

/** The three personas of issue 4, and the worst case: every question answered. */
const ANSWER_SETS: Record<string, Answers> = {
	'recognised adult, Tirana': {
		age: '25_plus',
		safe_now: 'yes',
		abroad: 'no',
		municipality: 'tirane',
		civil_registry: 'yes',
		housing: 'own_place',
		work: 'no',
		economic_aid: 'no',
		children: 'yes',
		child_ages: ['under_3'],
		single_parent: 'yes',
		status_paper: 'yes',
		legal_case: 'prefer_not',
		gender: 'woman'
	},
	'returnee to Kukës before arrival': {
		age: '18_24',
		safe_now: 'yes',
		abroad: 'abroad_now',
		recognised_abroad: 'yes',
		municipality: 'kukes',
		civil_registry: 'yes',
		children: 'no',
		status_paper: 'no',
		legal_case: 'no',
		gender: 'man'
	},
	'16-year-old, Elbasan': {
		age: '14_17',
		safe_now: 'not_sure',
		abroad: 'no',
		municipality: 'elbasan',
		civil_registry: 'yes',
		housing: 'family',
		children: 'no',
		status_paper: 'prefer_not',
		legal_case: 'no',
		gender: 'prefer_not'
	},
	'every question answered': {
		age: '25_plus',
		safe_now: 'no',
		abroad: 'returned',
		returned_when: '2025-06',
		recognised_abroad: 'yes',
		municipality: 'tirane',
		civil_registry: 'no',
		housing: 'shelter',
		work: 'informal',
		economic_aid: 'yes',
		children: 'yes',
		child_ages: ['under_3', '3_to_5', '6_to_17'],
		single_parent: 'yes',
		status_paper: 'yes',
		legal_case: 'yes',
		gender: 'other'
	}
};

function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

for (const [name, answers] of Object.entries(ANSWER_SETS)) {
	for (let i = 0; i < WARMUP; i++) evaluateWith(catalogue, answers, DATE);
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		evaluateWith(catalogue, answers, DATE);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 1000) / 1000;
	console.log(
		JSON.stringify({
			benchmark: 'entitlements.evaluate',
			answers: name,
			entitlements: catalogue.entitlements.length,
			questions: catalogue.questions.length,
			runs: RUNS,
			median_ms: round(quantile(times, 0.5)),
			p95_ms: round(quantile(times, 0.95)),
			max_ms: round(times.at(-1)!)
		})
	);
}
