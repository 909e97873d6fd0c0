/**
 * Faults: the app server killed (SIGKILL) in the middle of a stream of submissions and
 * started again; PostgreSQL restarted under load. Clients retry with the same idempotency
 * key; every submission must end up stored exactly once, and the app must recover from the
 * database restart by itself (answering 503 JSON meanwhile, never crashing).
 * FAULT_N submissions each (CI 120; `npm run test:stress` 500).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { prepareSubmissions, submissionIdColumn, submissionTable } from '../fuzz/endpoints';
import { bounded, latencySummary, submitUntilStored, type Outcome } from '../load/client';
import { createPostgresDatabase } from '../helpers/db';
import { dropUnlessAudited } from './helpers/databases';
import { expect, test } from './fixtures';
import { freePort, startServer, type RunningServer } from './helpers/server';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.URA_REQUIRE_PG === '1') {
	throw new Error('URA_REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
}
const N = Number(process.env.FAULT_N ?? 120);
const CONCURRENCY = 8;

async function storedExactlyOnce(databaseUrl: string, outcomes: Outcome[]) {
	const ids = outcomes.map((o) => o.id);
	expect(new Set(ids).size, 'a distinct id for every submission').toBe(outcomes.length);
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ total: number; found: number }>(
			`select (select count(*)::int from "${submissionTable}") as total,
			        (select count(*)::int from "${submissionTable}" where "${submissionIdColumn}" = any($1)) as found`,
			[ids]
		);
		expect(rows[0], 'rows stored: each submission once, none lost, none twice').toEqual({
			total: outcomes.length,
			found: outcomes.length
		});
	} finally {
		await client.end();
	}
}

/** Resolves once `count()` reaches `n`. */
async function reach(count: () => number, n: number) {
	while (count() < n) await new Promise((r) => setTimeout(r, 20));
}

test.describe('faults', () => {
	test.skip(!adminUrl, 'needs TEST_DATABASE_URL (scripts/test.sh starts PostgreSQL)');
	test.setTimeout(300_000);

	test('the app killed mid-stream and restarted: each submission stored exactly once', async () => {
		const testInfo = test.info();
		const database = await createPostgresDatabase(adminUrl!);
		const port = await freePort();
		// Rate limits off: every submission comes from one address.
		const env = { DATABASE_URL: database.url, URA_RATE_LIMITS: 'off' };
		let server: RunningServer = await startServer(env, port);
		try {
			await prepareSubmissions(server.url, database.url);
			let done = 0;
			const failures: string[] = [];
			const stream = bounded(N, CONCURRENCY, async (i) => {
				const o = await submitUntilStored(i, () => server.url, {
					onFailure: (what) => failures.push(what)
				});
				done++;
				return o;
			});
			await reach(() => done, Math.floor(N / 3));
			server.process.kill('SIGKILL');
			await server.exited;
			server = await startServer(env, port);
			const outcomes = await stream;
			const summary = `${latencySummary(outcomes)}; failed attempts retried: ${failures.length}`;
			console.log(`faults (SIGKILL): ${summary}`);
			testInfo.annotations.push({ type: 'faults', description: summary });
			// The kill really hit requests: some attempts failed and were retried.
			expect(failures.length).toBeGreaterThan(0);
			await storedExactlyOnce(database.url, outcomes);
		} finally {
			await server.stop();
			await dropUnlessAudited(database);
		}
	});

	test('PostgreSQL restarted under load: 503 meanwhile, then recovery without help', async () => {
		const testInfo = test.info();
		test.skip(!process.env.PG_TEMP_DIR, 'needs the temp PostgreSQL of scripts/pg-temp.sh');
		const database = await createPostgresDatabase(adminUrl!);
		const server = await startServer({ DATABASE_URL: database.url, URA_RATE_LIMITS: 'off' });
		try {
			await prepareSubmissions(server.url, database.url);
			let done = 0;
			const failures: string[] = [];
			const stream = bounded(N, CONCURRENCY, async (i) => {
				const o = await submitUntilStored(i, () => server.url, {
					onFailure: (what) => failures.push(what)
				});
				done++;
				return o;
			});
			await reach(() => done, Math.floor(N / 3));
			// Stop, stay down a moment (requests arrive meanwhile), start again.
			// Asynchronously: the clients must keep sending while the database is down.
			await promisify(execFile)('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_restart 2']);
			const outcomes = await stream;
			const summary = `${latencySummary(outcomes)}; answers during the outage: ${failures.length}`;
			console.log(`faults (PostgreSQL restart): ${summary}`);
			testInfo.annotations.push({ type: 'faults', description: summary });
			expect(server.process.exitCode, 'the app kept running').toBeNull();
			// During the outage the app answered 503 (JSON, checked by the client), never 500;
			// it never dropped a connection.
			expect(failures.length).toBeGreaterThan(0);
			expect([...new Set(failures)]).toEqual(['503']);
			const health = await fetch(`${server.url}/healthz`);
			expect(health.status).toBe(200);
			await storedExactlyOnce(database.url, outcomes);
			expect(server.output()).not.toMatch(/"level":"error"/);
		} finally {
			await server.stop();
			await dropUnlessAudited(database);
		}
	});
});
