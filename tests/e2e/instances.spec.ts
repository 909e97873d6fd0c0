import { openDatabase } from '../../src/lib/server/db/client';
import { appliedMigrationCount, createPostgresDatabase, migrationFileCount } from '../helpers/db';
import { expect, test } from './fixtures';
import { startServer, type RunningServer } from './helpers/server';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.URA_REQUIRE_PG === '1') {
	throw new Error('URA_REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
}

test.describe('two app instances on one PostgreSQL', () => {
	test.skip(!adminUrl, 'needs TEST_DATABASE_URL (scripts/test.sh starts PostgreSQL)');

	let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
	let a: RunningServer;
	let b: RunningServer;

	test.beforeAll(async () => {
		database = await createPostgresDatabase(adminUrl!);
		// Started together on an empty database: both try to migrate at once.
		[a, b] = await Promise.all([
			startServer({ DATABASE_URL: database.url }),
			startServer({ DATABASE_URL: database.url })
		]);
	});

	test.afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
		await database?.drop();
	});

	test('both start on an empty database, and the schema is migrated exactly once', async () => {
		for (const s of [a, b]) {
			const res = await fetch(`${s.url}/healthz`);
			expect(await res.json()).toEqual({ status: 'ok' });
		}
		const handle = await openDatabase({ databaseUrl: database.url, pgliteDir: 'unused' });
		try {
			expect(await appliedMigrationCount(handle)).toBe(migrationFileCount());
		} finally {
			await handle.close();
		}
	});

	test('both serve the same pages', async () => {
		for (const path of ['/', '/en/services']) {
			const [pa, pb] = await Promise.all(
				[a, b].map((s) => fetch(`${s.url}${path}`).then((r) => r.text()))
			);
			expect(pa).toBe(pb);
		}
	});

	test('the logs of both hold no IP address or user agent', async () => {
		await fetch(`${a.url}/`, { headers: { 'user-agent': 'Probe-UA/1.0 (unique-ua-marker)' } });
		await fetch(`${b.url}/en`, { headers: { 'user-agent': 'Probe-UA/1.0 (unique-ua-marker)' } });
		for (const s of [a, b]) {
			expect(s.output()).not.toContain('unique-ua-marker');
			expect(s.output()).not.toContain('127.0.0.1');
		}
	});
});
