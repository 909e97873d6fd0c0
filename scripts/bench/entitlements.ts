// Benchmark: how long evaluating every entitlement takes for one set of answers.
// A module of `npm run bench` (budget: median under 1 ms for every answer set); alone,
// `npm run bench:entitlements [-- --runs 2000]` prints the same figures as JSON.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { compileCatalogue } from '../entitlements/compile';
import { evaluateWith } from '../../src/lib/entitlements/evaluate';
import type { Answers } from '../../src/lib/entitlements/logic';
import { figure, type Figure } from './report';

const runsArg = process.argv.indexOf('--runs');
const DEFAULT_RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 2000;
const WARMUP = 200;
const DATE = '2026-11-23';

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

/** Median and p95 of evaluating all rules, per answer set, each against a budget of 1 ms. */
export function measureEntitlements(runs = DEFAULT_RUNS): Figure[] {
	const catalogue = compileCatalogue(join(process.cwd(), 'data/entitlements'));
	const figures: Figure[] = [];
	for (const [name, answers] of Object.entries(ANSWER_SETS)) {
		for (let i = 0; i < WARMUP; i++) evaluateWith(catalogue, answers, DATE);
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			evaluateWith(catalogue, answers, DATE);
			times.push(performance.now() - t0);
		}
		times.sort((a, b) => a - b);
		const note = `${catalogue.entitlements.length} entitlements, ${runs} runs; p95 ${quantile(times, 0.95).toFixed(3)} ms`;
		figures.push(
			figure(
				`entitlements: evaluate all (${name}), median`,
				quantile(times, 0.5),
				'ms',
				{ max: 1 },
				note
			)
		);
	}
	return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(measureEntitlements(), null, '\t'));
}
