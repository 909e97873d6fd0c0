// Directory figures for `npm run bench` (alone: `npm run bench:directory` prints them as JSON).
//  - search latency per keystroke over 10,000 synthetic services (p50/p95/max, ms): each
//    query is typed one character at a time, as the page does, and every prefix is timed;
//  - index build time for those 10,000 services;
//  - the real snapshot (data/directory) raw and gzipped size, in bytes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { geo } from '../../src/lib/geo';
import { DirectoryDocumentSchema } from '../../src/lib/directory/profile';
import { DirectorySearch } from '../../src/lib/directory/search';
import {
	buildSnapshot,
	type Snapshot,
	type SnapshotService
} from '../../src/lib/directory/snapshot';
import { AUDIENCES, KINDS } from '../../src/lib/directory/vocab';
import { figure, type Figure } from './report';

const SERVICES = 10_000;

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function rng(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Domain words people search for, then a long tail of made-up words: descriptions follow a
// Zipf distribution over ~6,000 words, like real text, so common words are common and rare
// words rare (a tiny vocabulary would put every word in every service).
const DOMAIN = (
	'ndihmë strehim shëndet punë shkollë kurse këshillim psikolog avokat familje fëmijë gra burra ' +
	'qendër shërbim social komunitar emergjencë banim qira ushqim mbështetje riintegrim mjek ' +
	'support shelter health work school course counselling lawyer family children women men centre'
).split(' ');
const SYLLABLES =
	'ba be bi bo bu da de di do dra dhe ë fa fe ga gje ha ja ka ke ki ko ku la le li lo ma me mi mo na ne ni no nj pa pe pi po qe ra re ri ro sa se sh ta te ti to tha va ve vi xh za zh'.split(
		' '
	);

function vocabulary(r: () => number, size: number): string[] {
	const words = new Set<string>();
	while (words.size < size) {
		const k = 2 + Math.floor(r() * 3);
		words.add(
			Array.from({ length: k }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('')
		);
	}
	const tail = [...words];
	// Domain words among the most frequent, spread over the first few hundred ranks.
	DOMAIN.forEach((w, i) => tail.splice(i * 7, 0, w));
	return tail;
}

function zipfSampler(r: () => number, n: number): () => number {
	const cumulative: number[] = [];
	let sum = 0;
	for (let i = 1; i <= n; i++) cumulative.push((sum += 1 / i));
	return () => {
		const x = r() * sum;
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

export function syntheticSnapshot(n: number): Snapshot {
	const r = rng(42);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
	const words = vocabulary(r, 6000);
	const rank = zipfSampler(r, words.length);
	const text = (k: number) => Array.from({ length: k }, () => words[rank()]!).join(' ');
	const orgs = Array.from({ length: Math.ceil(n / 5) }, (_, i) => ({
		id: `00000000-0000-5000-8000-${String(i).padStart(12, '0')}`,
		name: [`Organizata ${text(2)} ${i}`, `Organisation ${text(2)} ${i}`] as [string, string]
	}));
	const services = Array.from({ length: n }, (_, i): SnapshotService => {
		const m = pick(geo.municipalities);
		const national = r() < 0.05;
		return {
			id: `10000000-0000-5000-8000-${String(i).padStart(12, '0')}`,
			org: Math.floor(r() * orgs.length),
			name: [`${text(3)} ${m.name_sq}`, `${text(3)} ${m.name_en}`],
			description: [text(30 + Math.floor(r() * 50)), text(30 + Math.floor(r() * 50))],
			kinds: [pick(KINDS), pick(KINDS)],
			audiences: [pick(AUDIENCES)],
			at: national ? undefined : [m.slug],
			areas: national ? ['national'] : r() < 0.2 ? [`county:${m.county}`] : undefined,
			free: r() < 0.3 ? true : undefined,
			toVerify: true
		};
	});
	return { format: 1, version: 1, orgs, services };
}

import { percentile } from './report';

const QUERIES = [
	'kukes',
	'strehez tirane',
	'avokat',
	'psikolog durres',
	'shelter',
	'gjirokaster',
	'punë',
	'femije elbasan',
	'counselling',
	'korçë'
];

/** Search latency per keystroke over 10,000 synthetic services, and the real snapshot's size. */
export function measureDirectorySearch(): Figure[] {
	const snapshot = syntheticSnapshot(SERVICES);
	const t0 = performance.now();
	const engine = new DirectorySearch(snapshot, 0);
	const buildMs = performance.now() - t0;

	const times: number[] = [];
	// CPU time too: on a shared machine wall time also counts other processes' turns.
	const cpu: number[] = [];
	const slow: [number, string][] = [];
	// Round 0 warms up the JIT and is not counted; then 4 measured rounds, one with a filter.
	for (let round = 0; round < 5; round++) {
		// Every round types the queries anew: words typed in an earlier round are forgotten,
		// while within one query the words already typed stay remembered, as on the page.
		engine.clearCache();
		for (const q of QUERIES) {
			for (let i = 1; i <= q.length; i++) {
				const start = performance.now();
				const cpuStart = process.cpuUsage();
				engine.search(q.slice(0, i), round === 4 ? { kinds: ['shelter'] } : {});
				if (round === 0) continue;
				times.push(performance.now() - start);
				cpu.push(process.cpuUsage(cpuStart).user / 1000);
				if (process.env.BENCH_VERBOSE) slow.push([performance.now() - start, q.slice(0, i)]);
			}
		}
	}
	times.sort((a, b) => a - b);
	cpu.sort((a, b) => a - b);
	if (process.env.BENCH_VERBOSE) console.error(slow.sort((a, b) => b[0] - a[0]).slice(0, 25));

	const raw = JSON.parse(
		readFileSync(new URL('../../data/directory/directory.json', import.meta.url), 'utf8')
	);
	const real = JSON.stringify(buildSnapshot(DirectoryDocumentSchema.parse(raw), 1));
	const realServices = (JSON.parse(real) as Snapshot).services.length;
	const load = `load average ${loadavg()[0]!.toFixed(2)}`;
	return [
		figure(
			`directory: search p95 per keystroke, ${SERVICES} services`,
			percentile(times, 95),
			'ms',
			{ max: 5 },
			`${times.length} keystrokes; p50 ${percentile(times, 50).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms; ${load}`
		),
		figure(
			`directory: search CPU time p95 per keystroke, ${SERVICES} services`,
			percentile(cpu, 95),
			'ms',
			undefined,
			"this process only, without other processes' turns on a shared machine"
		),
		figure(`directory: index build, ${SERVICES} services`, buildMs, 'ms'),
		figure(
			'directory: real snapshot (gzip)',
			gzipSync(real, { level: 9 }).length / 1024,
			'KiB',
			undefined,
			`${realServices} services, ${(Buffer.byteLength(real) / 1024).toFixed(1)} KiB raw`
		)
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(measureDirectorySearch(), null, '\t'));
}
