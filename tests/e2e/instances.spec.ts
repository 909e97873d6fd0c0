import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createCrypto } from '../../src/lib/crypto/core';
import { loadSodium } from '../../src/lib/crypto/sodium';
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

	test('a share stored through one instance is read through the other; the dump holds no plaintext', async () => {
		// The browser's steps, done here with the same crypto module (src/lib/crypto).
		const c = createCrypto(await loadSodium());
		const secret = `Takim me mentoren ${randomBytes(6).toString('hex')}`;
		const key = c.newKey();
		const plain = c.pad(
			new TextEncoder().encode(
				JSON.stringify({ v: 1, entries: [{ kind: 'text', title: 'Shënim', body: secret }] })
			)
		);
		const envelope = c.encrypt(key, plain, 'ura/share');
		const revokeSecret = c.randomBytes(32);
		const created = await fetch(`${a.url}/api/shares`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				ciphertext: c.toBase64Url(envelope),
				burnAfterReading: false,
				revokeSecret: c.toBase64Url(revokeSecret)
			})
		});
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as { id: string };

		const read = await fetch(`${b.url}/api/shares/${id}`);
		expect(read.status).toBe(200);
		const { ciphertext } = (await read.json()) as { ciphertext: string };
		const opened = c.unpad(c.decrypt(key, c.fromBase64Url(ciphertext), 'ura/share'));
		expect(new TextDecoder().decode(opened)).toContain(secret);

		// pg_dump of the whole database: the share is there, only as ciphertext.
		const pgDump = ['15', '16', '17']
			.map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`)
			.find((p) => existsSync(p))!;
		const dump = spawnSync(pgDump, ['--data-only', '--inserts', database.url], {
			encoding: 'utf8'
		});
		expect(dump.status, dump.stderr).toBe(0);
		expect(dump.stdout).toContain(id);
		expect(dump.stdout).not.toContain(secret);
		expect(dump.stdout).not.toContain('Takim me mentoren');
		for (const s of [a, b]) expect(s.output()).not.toContain(secret);

		// Revoked through B, gone through A.
		const revoked = await fetch(`${b.url}/api/shares/${id}/revoke`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ revokeSecret: c.toBase64Url(revokeSecret) })
		});
		expect(revoked.status).toBe(204);
		expect((await fetch(`${a.url}/api/shares/${id}`)).status).toBe(404);
	});
});
