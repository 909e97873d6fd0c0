import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BenchServer = {
	url: string;
	pid: number;
	process: ChildProcess;
	/** Milliseconds from spawn to the first 200 on `firstPath`. */
	coldStartMs: number;
	rssMiB(): number;
	stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const a = s.address();
			s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

/** Starts the production build (scripts/serve.js) and times it to its first 200. */
export async function startBenchServer(
	env: Record<string, string> = {},
	firstPath = '/'
): Promise<BenchServer> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'ura-bench-'));
	const started = performance.now();
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			URA_DATA_DIR: dataDir,
			URA_LOG_LEVEL: 'warn',
			DATABASE_URL: '',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	for (;;) {
		if (child.exitCode !== null) throw new Error('bench server exited during start');
		try {
			const r = await fetch(url + firstPath);
			if (r.status === 200) {
				await r.arrayBuffer();
				break;
			}
		} catch {
			// not yet listening
		}
		if (performance.now() - started > 120_000) throw new Error('bench server did not start');
		await new Promise((r) => setTimeout(r, 20));
	}
	const coldStartMs = performance.now() - started;
	return {
		url,
		pid: child.pid!,
		process: child,
		coldStartMs,
		rssMiB: () => rssMiB(child.pid!),
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
}

export function rssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
}

/**
 * A bounded closed-loop load: `concurrency` clients, each sending its next request as soon
 * as the previous one is answered, until `total` requests have been made.
 */
export async function closedLoop(
	concurrency: number,
	total: number,
	send: (i: number) => Promise<number>
): Promise<{ latencies: number[]; statuses: Map<number, number>; seconds: number }> {
	const latencies: number[] = [];
	const statuses = new Map<number, number>();
	let next = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (;;) {
				const i = next++;
				if (i >= total) return;
				const s = performance.now();
				// -1: the request failed without an HTTP answer.
				const status = await send(i).catch(() => -1);
				latencies.push(performance.now() - s);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
			}
		})
	);
	latencies.sort((a, b) => a - b);
	return { latencies, statuses, seconds: (performance.now() - t0) / 1000 };
}
