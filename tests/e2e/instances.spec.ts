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

	test('a help request sent through one instance is read and answered through the other', async () => {
		const c = createCrypto(await loadSodium());
		const { createAccount, grantOrgKey, signInMessage, unlockAccount, openOrgGrant } =
			await import('../../src/lib/requests/account');
		const { sealHelpRequest, openHelpRequest, sealReply, sealNote, openReply } =
			await import('../../src/lib/requests/seal');
		const { ARGON2ID_FLOOR } = await import('../../src/lib/crypto/format');
		const secret = `Më duhet strehim sonte ${randomBytes(6).toString('hex')}`;
		const answer = `Të presim në ora 18 ${randomBytes(6).toString('hex')}`;
		const b64 = (x: Uint8Array) => c.toBase64Url(x);

		// The first admin of Vatra: the CLI's link, accepted through instance A.
		const cli = spawnSync('npx', ['tsx', 'scripts/responders/invite-admin.ts', '--org', 'vatra'], {
			env: { ...process.env, DATABASE_URL: database.url },
			encoding: 'utf8'
		});
		expect(cli.status, cli.stderr).toBe(0);
		const token = /#([A-Za-z0-9_-]{43})/.exec(cli.stdout)![1]!;
		const { keys, blob } = createAccount(c, 'arta', 'fjalëkalim i gjatë mjaft', ARGON2ID_FLOOR);
		const org = c.boxKeyPair();
		const write = (s: RunningServer, path: string, body: unknown, cookie = '') =>
			fetch(`${s.url}${path}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					origin: s.url,
					'x-ura-csrf': '1',
					...(cookie ? { cookie } : {})
				},
				body: JSON.stringify(body)
			});
		const joined = await write(a, '/api/responders/signup', {
			token,
			username: 'arta',
			boxPublicKey: b64(keys.box.publicKey),
			signPublicKey: b64(keys.sign.publicKey),
			wrappedKeys: b64(blob),
			orgPublicKey: b64(org.publicKey),
			orgGrant: b64(grantOrgKey(c, org.secretKey, keys.box.publicKey))
		});
		expect(joined.status).toBe(201);

		// The survivor's browser finds the key in B's snapshot and sends through A; a retry
		// through B (same idempotency key) is a replay, not a second request.
		const snapshot = (await (await fetch(`${b.url}/directory/snapshot.json`)).json()) as {
			orgs: { key?: string; publicKey?: string }[];
		};
		const published = snapshot.orgs.find((o) => o.key === 'vatra')!.publicKey!;
		expect(published).toBe(b64(org.publicKey));
		const code = c.deriveFromCode(new TextEncoder().encode('instances-test-code'));
		const body = {
			lookupId: b64(code.lookupId),
			items: [
				{
					org: 'vatra',
					idempotencyKey: b64(c.randomBytes(16)),
					ciphertext: b64(
						sealHelpRequest(
							c,
							{
								v: 1,
								kind: 'request',
								to: 'vatra',
								needs: ['safe_place'],
								text: secret,
								contact: { method: 'code' },
								lang: 'sq',
								replyKey: b64(code.boxKeyPair.publicKey)
							},
							c.fromBase64Url(published)
						)
					)
				}
			]
		};
		const post = (s: RunningServer) =>
			fetch(`${s.url}/api/help/requests`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		expect((await post(a)).status).toBe(201);
		expect((await post(b)).status).toBe(200);

		// The responder signs in through B and reads it.
		const ch = (await (
			await write(b, '/api/responders/challenge', { username: 'arta' })
		).json()) as {
			challengeId: string;
			challenge: string;
			wrappedKeys: string;
		};
		const mine = unlockAccount(
			c,
			'arta',
			'fjalëkalim i gjatë mjaft',
			c.fromBase64Url(ch.wrappedKeys)
		);
		const signedIn = await write(b, '/api/responders/signin', {
			challengeId: ch.challengeId,
			signature: b64(c.sign(signInMessage(c.fromBase64Url(ch.challenge)), mine.sign.secretKey))
		});
		expect(signedIn.status).toBe(204);
		const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
		const inbox = (await (await fetch(`${b.url}/api/inbox`, { headers: { cookie } })).json()) as {
			grant: string;
			requests: { id: string; ciphertext: string }[];
		};
		const orgKeys = openOrgGrant(c, c.fromBase64Url(inbox.grant), mine.box, org.publicKey);
		expect(inbox.requests).toHaveLength(1);
		const request = openHelpRequest(c, c.fromBase64Url(inbox.requests[0]!.ciphertext), orgKeys);
		expect(request.text).toBe(secret);

		// The reply goes through B; the survivor reads it through A.
		const at = new Date().toISOString();
		const replied = await write(
			b,
			`/api/inbox/requests/${inbox.requests[0]!.id}/replies`,
			{
				ciphertext: b64(
					sealReply(
						c,
						{ v: 1, kind: 'reply', from: 'vatra', text: answer, at },
						code.boxKeyPair.publicKey
					)
				),
				copy: b64(
					sealNote(
						c,
						{ v: 1, kind: 'note', author: 'arta', text: answer, at, isReply: true },
						org.publicKey
					)
				)
			},
			cookie
		);
		expect(replied.status).toBe(201);
		const mailbox = (await (
			await fetch(`${a.url}/api/help/replies`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ lookupId: b64(code.lookupId) })
			})
		).json()) as { replies: string[] };
		expect(
			mailbox.replies.map((r) => openReply(c, c.fromBase64Url(r), code.boxKeyPair).text)
		).toEqual([answer]);

		const pgDump = ['15', '16', '17']
			.map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`)
			.find((p) => existsSync(p))!;
		const dump = spawnSync(pgDump, ['--data-only', '--inserts', database.url], {
			encoding: 'utf8'
		});
		expect(dump.status, dump.stderr).toBe(0);
		expect(dump.stdout).toContain('help_requests');
		for (const text of [secret, answer, 'fjalëkalim i gjatë mjaft', '127.0.0.1']) {
			expect(dump.stdout).not.toContain(text);
			for (const s of [a, b]) expect(s.output()).not.toContain(text);
		}
	});
});
