/**
 * The client side of the load and fault tests: bounded concurrency on 127.0.0.1, retries
 * with the same idempotency key, and the latencies. What is sent comes from
 * tests/fuzz/endpoints.ts (`submission`), so switching to help requests is one change there.
 */
import { submission, submissionId, submissionStored } from '../fuzz/endpoints';
import { parseApiError, send } from '../fuzz/http';

export type Outcome = {
	index: number;
	id: string;
	/** Time of the attempt that succeeded. */
	latencyMs: number;
	attempts: number;
	/** What the failed attempts saw: 'network' or an HTTP status. */
	failures: string[];
};

/** Runs `task(i)` for i in [0, n) with at most `concurrency` running at once. */
export async function bounded<T>(
	n: number,
	concurrency: number,
	task: (i: number) => Promise<T>
): Promise<T[]> {
	const results: T[] = new Array(n);
	let next = 0;
	const worker = async () => {
		while (next < n) {
			const i = next++;
			results[i] = await task(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
	return results;
}

/**
 * Sends submission `index` to `pick(attempt)` until it is stored: network errors and 503
 * are retried (same key, same body) with a short backoff; anything else is a failure.
 */
export async function submitUntilStored(
	index: number,
	pick: (attempt: number) => string,
	options: { deadlineMs?: number; onFailure?: (what: string, text: string) => void } = {}
): Promise<Outcome> {
	const s = submission();
	const deadline = Date.now() + (options.deadlineMs ?? 120_000);
	const failures: string[] = [];
	for (let attempt = 0; ; attempt++) {
		const started = performance.now();
		let what: string;
		let text = '';
		try {
			const res = await send(
				pick(attempt),
				{
					method: 'POST',
					path: s.path,
					headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
					body: s.body
				},
				10_000
			);
			// Stored: the first time, or a replay of an attempt whose answer was lost.
			if (submissionStored.includes(res.status)) {
				return {
					index,
					id: submissionId(s.key),
					latencyMs: performance.now() - started,
					attempts: attempt + 1,
					failures
				};
			}
			what = String(res.status);
			text = res.text;
			if (res.status !== 503) {
				throw new Error(`submission ${index}: unexpected ${res.status} ${res.text.slice(0, 200)}`);
			}
			if (typeof parseApiError(res) === 'string') {
				throw new Error(`submission ${index}: 503 without the JSON error shape: ${res.text}`);
			}
		} catch (error) {
			if (error instanceof Error && error.message.startsWith(`submission ${index}:`)) throw error;
			what = 'network';
		}
		failures.push(what);
		options.onFailure?.(what, text);
		if (Date.now() > deadline) {
			throw new Error(`submission ${index} not stored in time; failures: ${failures.join(',')}`);
		}
		await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** Math.min(attempt, 5))));
	}
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function latencySummary(outcomes: Outcome[]): string {
	const ms = outcomes.map((o) => o.latencyMs);
	const f = (v: number) => `${v.toFixed(1)} ms`;
	return `n=${ms.length} p50=${f(percentile(ms, 50))} p95=${f(percentile(ms, 95))} p99=${f(percentile(ms, 99))} max=${f(Math.max(...ms))}`;
}
