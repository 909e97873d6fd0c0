/**
 * Help-request ingest: valid sealed requests POSTed to /api/help/requests by 50 and 200
 * concurrent clients on loopback, on PGlite and on PostgreSQL; throughput, p50/p99, RSS at
 * idle and under load, and the ratio to a bare baseline that inserts the same rows through
 * the same driver without the app (measured in the same run). Rate limits are off for it.
 *
 *   npm run bench:ingest            (standalone; also part of `npm run bench`)
 *
 * PostgreSQL: TEST_DATABASE_URL if set, otherwise a throwaway server from scripts/pg-temp.sh.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCrypto } from '../../src/lib/crypto/core';
import { loadSodium } from '../../src/lib/crypto/sodium';
import { sealHelpRequest } from '../../src/lib/requests/seal';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { helpOrgKeys, helpRequests } from '../../src/lib/server/db/schema';
import { hourOf, lookupHash, newId } from '../../src/lib/server/help/requests';
import { createPostgresDatabase } from '../../tests/helpers/db';
import { figure, percentile, type Figure } from './report';
import { closedLoop, startBenchServer } from './server';

const CONCURRENCY = [50, 200];
const TOTAL = 2000;
const PAYLOADS = 200;
const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

type Payloads = { bodies: string[]; rows: { lookupId: Uint8Array; ciphertext: Uint8Array }[] };

async function makePayloads(orgPublicKey: Uint8Array): Promise<Payloads> {
	const c = createCrypto(await loadSodium());
	const rows = Array.from({ length: PAYLOADS }, (_, i) => {
		const code = c.deriveFromCode(c.randomBytes(16));
		const ciphertext = sealHelpRequest(
			c,
			{
				v: 1,
				kind: 'request',
				to: 'vatra',
				needs: ['health', 'safe_place'],
				text: `Kërkesë prove numër ${i}: më duhet një vend i sigurt dhe një mjek.`,
				contact: { method: 'code' },
				lang: 'sq',
				replyKey: c.toBase64Url(code.boxKeyPair.publicKey)
			},
			orgPublicKey
		);
		return { lookupId: code.lookupId, ciphertext };
	});
	const bodies = rows.map((r) =>
		JSON.stringify({
			lookupId: Buffer.from(r.lookupId).toString('base64url'),
			items: [
				{
					org: 'vatra',
					ciphertext: Buffer.from(r.ciphertext).toString('base64url'),
					idempotencyKey: 'IDEMPOTENCYKEY________'
				}
			]
		})
	);
	return { bodies, rows };
}

/** Every POST gets a fresh idempotency key (a template swap, not a JSON round trip). */
function body(p: Payloads, i: number): string {
	return p.bodies[i % PAYLOADS]!.replace(
		'IDEMPOTENCYKEY________',
		randomBytes(16).toString('base64url')
	);
}

async function prepare(handle: DbHandle, orgPublicKey: Uint8Array) {
	await runMigrations(handle, new URL('../../drizzle', import.meta.url).pathname);
	await handle.db
		.insert(helpOrgKeys)
		.values({ orgKey: 'vatra', publicKey: orgPublicKey })
		.onConflictDoNothing();
}

/** The same rows, inserted by `concurrency` workers through the same driver, no HTTP, no app. */
async function baseline(handle: DbHandle, p: Payloads, concurrency: number) {
	const now = new Date();
	return closedLoop(concurrency, TOTAL, async (i) => {
		const row = p.rows[i % PAYLOADS]!;
		await handle.db.insert(helpRequests).values({
			id: newId(),
			orgKey: 'vatra',
			ciphertext: row.ciphertext,
			idempotencyKey: randomBytes(16).toString('base64url'),
			lookupHash: lookupHash(row.lookupId),
			status: 'new',
			createdHour: hourOf(now),
			expiresAt: new Date(now.getTime() + 60 * 86_400_000)
		});
		return 201;
	});
}

async function measure(
	driver: 'PGlite' | 'PostgreSQL',
	env: Record<string, string>,
	openBare: () => Promise<DbHandle>,
	p: Payloads
): Promise<Figure[]> {
	const figures: Figure[] = [];
	const server = await startBenchServer({ ...env, URA_RATE_LIMITS: 'off' }, '/healthz');
	const app: Record<number, number> = {};
	try {
		await new Promise((r) => setTimeout(r, 1000));
		figures.push(figure(`ingest: server RSS at idle (${driver})`, server.rssMiB(), 'MiB'));
		let peak = 0;
		const sampler = setInterval(() => (peak = Math.max(peak, server.rssMiB())), 100);
		for (const concurrency of CONCURRENCY) {
			log(`ingest ${driver} ×${concurrency}`);
			const run = await closedLoop(concurrency, TOTAL, async (i) => {
				const res = await fetch(`${server.url}/api/help/requests`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: body(p, i)
				});
				await res.arrayBuffer();
				return res.status;
			});
			const created = run.statuses.get(201) ?? 0;
			app[concurrency] = created / run.seconds;
			const others = [...run.statuses].filter(([s]) => s !== 201);
			figures.push(
				figure(
					`ingest ${driver} ×${concurrency}: throughput`,
					app[concurrency]!,
					'req/s',
					undefined,
					others.length
						? `non-201 answers: ${JSON.stringify(others)}`
						: `${TOTAL} requests, all 201`
				),
				figure(`ingest ${driver} ×${concurrency}: p50`, percentile(run.latencies, 50), 'ms'),
				figure(`ingest ${driver} ×${concurrency}: p99`, percentile(run.latencies, 99), 'ms')
			);
		}
		clearInterval(sampler);
		figures.push(
			figure(`ingest: server RSS under load (${driver})`, peak, 'MiB', undefined, 'peak')
		);
	} finally {
		await server.stop();
	}
	// PGlite belongs to one process at a time: the baseline opens it once the app is stopped.
	const bare = await openBare();
	try {
		for (const concurrency of CONCURRENCY) {
			log(`baseline ${driver} ×${concurrency}`);
			const run = await baseline(bare, p, concurrency);
			const rate = TOTAL / run.seconds;
			figures.push(
				figure(`ingest baseline ${driver} ×${concurrency}: bare inserts`, rate, 'rows/s'),
				figure(
					`ingest ${driver} ×${concurrency}: app ÷ bare`,
					app[concurrency]! / rate,
					'ratio',
					undefined,
					'HTTP, JSON, zod, base64, transaction, org check vs. one INSERT'
				)
			);
		}
	} finally {
		await bare.close();
	}
	return figures;
}

export async function measureIngest(): Promise<Figure[]> {
	const c = createCrypto(await loadSodium());
	const org = c.boxKeyPair();
	const payloads = await makePayloads(org.publicKey);
	const figures: Figure[] = [];

	// PGlite: a data directory prepared here, then served by the app.
	const dir = mkdtempSync(join(tmpdir(), 'ura-ingest-'));
	try {
		const pgliteDir = join(dir, 'pglite');
		const h = await openDatabase({ pgliteDir });
		await prepare(h, org.publicKey);
		await h.close();
		figures.push(
			...(await measure(
				'PGlite',
				{ URA_DATA_DIR: dir },
				() => openDatabase({ pgliteDir }),
				payloads
			))
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}

	// PostgreSQL: the test server, or a throwaway one.
	let adminUrl = process.env.TEST_DATABASE_URL;
	let pgDir: string | undefined;
	if (!adminUrl) {
		const out = execFileSync(
			'bash',
			[
				'-c',
				'source scripts/pg-temp.sh && pg_temp_start >&2 && echo "$TEST_DATABASE_URL $PG_TEMP_DIR"'
			],
			{ encoding: 'utf8' }
		).trim();
		[adminUrl, pgDir] = out.split(' ');
	}
	const database = await createPostgresDatabase(adminUrl!);
	try {
		const h = await openDatabase({ databaseUrl: database.url, pgliteDir: 'unused' });
		await prepare(h, org.publicKey);
		await h.close();
		figures.push(
			...(await measure(
				'PostgreSQL',
				{ DATABASE_URL: database.url },
				// The app's pool size (DATABASE_POOL_SIZE default 10), so the driver is the same.
				() => openDatabase({ databaseUrl: database.url, pgliteDir: 'unused', poolSize: 10 }),
				payloads
			))
		);
	} finally {
		await database.drop();
		if (pgDir) {
			execFileSync('bash', [
				'-c',
				`source scripts/pg-temp.sh && PG_TEMP_DIR='${pgDir}' pg_temp_stop`
			]);
		}
	}
	return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { table } = await import('./report');
	console.log(table(await measureIngest()));
}
