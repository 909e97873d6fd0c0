import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';

export const MIGRATIONS_DIR = new URL('../../drizzle', import.meta.url).pathname;

/** How many migrations drizzle/ holds (its journal). */
export function migrationFileCount(): number {
	const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as {
		entries: unknown[];
	};
	return journal.entries.length;
}

/** How many migrations a database has applied. */
export async function appliedMigrationCount(handle: DbHandle): Promise<number> {
	const [row] = await queryRows<{ n: number }>(
		handle.db,
		sql`select count(*)::int as n from drizzle.__drizzle_migrations`
	);
	return Number(row?.n);
}

export type TestDatabase = DbHandle & {
	/** postgres:// URL of this database (PostgreSQL only), e.g. to start an app on it. */
	url?: string;
	/** Closes the handle and, on PostgreSQL, drops the throwaway database. */
	dispose(): Promise<void>;
};

export type TestTarget = {
	name: 'pglite' | 'postgres';
	open(opts?: { migrate?: boolean }): Promise<TestDatabase>;
};

/**
 * The databases the DB suite runs on: PGlite always, and a real PostgreSQL server when
 * TEST_DATABASE_URL is set (scripts/test.sh starts one). With URA_REQUIRE_PG=1 (as in
 * `npm test`) a missing server is an error, never a silent skip.
 */
export function testTargets(): TestTarget[] {
	const targets: TestTarget[] = [{ name: 'pglite', open: openPglite }];
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (adminUrl) targets.push({ name: 'postgres', open: (o) => openPostgres(adminUrl, o) });
	else if (process.env.URA_REQUIRE_PG === '1') {
		throw new Error(
			'URA_REQUIRE_PG=1 but TEST_DATABASE_URL is not set: start PostgreSQL (scripts/pg-temp.sh)'
		);
	}
	return targets;
}

async function openPglite(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
	const handle = await openDatabase({ pgliteDir: 'memory://' });
	if (opts.migrate !== false) await runMigrations(handle, MIGRATIONS_DIR);
	return Object.assign(handle, { dispose: () => handle.close() });
}

/** A fresh database on the test server for each caller, so test files never share state. */
export async function createPostgresDatabase(
	adminUrl: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const { default: pg } = await import('pg');
	const name = `ura_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const a = new pg.Client({ connectionString: adminUrl });
			await a.connect();
			await a.query(`drop database if exists "${name}" with (force)`);
			await a.end();
		}
	};
}

async function openPostgres(
	adminUrl: string,
	opts: { migrate?: boolean } = {}
): Promise<TestDatabase> {
	const created = await createPostgresDatabase(adminUrl);
	const handle = await openDatabase({ databaseUrl: created.url, pgliteDir: 'unused', poolSize: 5 });
	if (opts.migrate !== false) await runMigrations(handle, MIGRATIONS_DIR);
	return Object.assign(handle, {
		url: created.url,
		dispose: async () => {
			await handle.close();
			await created.drop();
		}
	});
}
