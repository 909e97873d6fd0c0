/**
 * Load: N submissions sent concurrently (a bounded client on 127.0.0.1) to two app instances
 * on one PostgreSQL. Every one must be stored exactly once and none lost. Latency is
 * reported (p50/p95/p99), not asserted: speed is for benchmarks, not tests.
 * LOAD_N (CI 200; `npm run test:stress` 1000), LOAD_CONCURRENCY (default 32).
 */
import pg from 'pg';
import { prepareSubmissions, submissionIdColumn, submissionTable } from '../fuzz/endpoints';
import { bounded, latencySummary, submitUntilStored } from '../load/client';
import { createPostgresDatabase } from '../helpers/db';
import { dropUnlessAudited } from './helpers/databases';
import { expect, test } from './fixtures';
import { startServer, type RunningServer } from './helpers/server';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.URA_REQUIRE_PG === '1') {
	throw new Error('URA_REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
}
const N = Number(process.env.LOAD_N ?? 200);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32);

test.describe('load on two instances', () => {
	test.skip(!adminUrl, 'needs TEST_DATABASE_URL (scripts/test.sh starts PostgreSQL)');
	test.setTimeout(300_000);

	let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
	let servers: RunningServer[] = [];

	test.beforeAll(async () => {
		database = await createPostgresDatabase(adminUrl!);
		// Rate limits off: every submission comes from one address.
		const env = { DATABASE_URL: database.url, URA_RATE_LIMITS: 'off' };
		servers = await Promise.all([startServer(env), startServer(env)]);
		await prepareSubmissions(servers[0]!.url, database.url);
	});

	test.afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await dropUnlessAudited(database);
	});

	test(`${N} concurrent submissions are each stored exactly once`, async () => {
		const testInfo = test.info();
		const started = performance.now();
		const outcomes = await bounded(N, CONCURRENCY, (i) =>
			submitUntilStored(i, (attempt) => servers[(i + attempt) % 2]!.url)
		);
		const seconds = (performance.now() - started) / 1000;
		const summary = `${latencySummary(outcomes)}; ${(N / seconds).toFixed(0)} submissions/s; concurrency ${CONCURRENCY}; 2 instances`;
		console.log(`load: ${summary}`);
		testInfo.annotations.push({ type: 'load', description: summary });

		const ids = outcomes.map((o) => o.id);
		expect(new Set(ids).size, 'a distinct id for every submission').toBe(N);
		// None needed a retry on a healthy system.
		expect(outcomes.filter((o) => o.attempts > 1).map((o) => o.failures)).toEqual([]);
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			const { rows } = await client.query<{ total: number; found: number }>(
				`select (select count(*)::int from "${submissionTable}") as total,
				        (select count(*)::int from "${submissionTable}" where "${submissionIdColumn}" = any($1)) as found`,
				[ids]
			);
			expect(rows[0]).toEqual({ total: N, found: N });
		} finally {
			await client.end();
		}
		for (const s of servers) expect(s.output()).not.toMatch(/"level":"error"/);
	});
});
