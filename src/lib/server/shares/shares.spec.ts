import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows } from '../db/client';
import { registerPurge, runPurges } from '../retention';
import {
	countShares,
	createShare,
	expiryFor,
	getShare,
	openShare,
	purgeExpiredShares,
	revokeShare
} from '.';

/** createShare for tests that send no idempotency key: always a new share. */
async function mustCreate(...args: Parameters<typeof createShare>) {
	const r = await createShare(...args);
	if (r.kind === 'conflict') throw new Error('unexpected conflict');
	return r;
}
const bytes = (n: number) => new Uint8Array(randomBytes(n));
const envelope = () => new Uint8Array([1, 1, ...bytes(24), ...bytes(256 + 16)]);

describe('expiryFor', () => {
	it('rounds the expiry up to the hour, so it does not record the minute a share was made', () => {
		const made = new Date('2026-11-23T10:17:42.123Z');
		expect(expiryFor(made, 7).toISOString()).toBe('2026-11-30T11:00:00.000Z');
		expect(expiryFor(new Date('2026-11-23T10:00:00.000Z'), 1).toISOString()).toBe(
			'2026-11-24T10:00:00.000Z'
		);
	});
});

describe.each(testTargets())('shares on $name', (target) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await target.open();
	});
	afterAll(async () => {
		await t?.dispose();
	});

	it('stores ciphertext byte for byte and serves it until expiry', async () => {
		const ciphertext = envelope();
		const now = new Date('2026-11-23T10:00:00Z');
		const { id, expiresAt } = await mustCreate(
			t.db,
			{ ciphertext, expiresInDays: 7, burnAfterReading: false, revokeSecret: bytes(32) },
			now
		);
		expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		const seen = await getShare(t.db, id, now);
		expect(seen?.ciphertext).toEqual(ciphertext);
		expect(seen?.expiresAt).toEqual(expiresAt);
		// Reading twice is fine for an ordinary share.
		expect((await openShare(t.db, id, now))?.ciphertext).toEqual(ciphertext);
		expect((await openShare(t.db, id, now))?.ciphertext).toEqual(ciphertext);
		// After expiry it is not served, even before the purge has run.
		expect(await getShare(t.db, id, new Date(expiresAt.getTime() + 1))).toBeNull();
		expect(await openShare(t.db, id, new Date(expiresAt.getTime() + 1))).toBeNull();
	});

	it('keeps no IP, user agent or creation time: only these five columns exist', async () => {
		const cols = await queryRows<{ column_name: string }>(
			t.db,
			sql`select column_name from information_schema.columns where table_name = 'shares' order by column_name`
		);
		expect(cols.map((c) => c.column_name)).toEqual([
			'burn_after_reading',
			'ciphertext',
			'expires_at',
			'id',
			'idempotency_hash',
			'revoke_hash'
		]);
	});

	it('serves a read-once share exactly once, and never through GET', async () => {
		const ciphertext = envelope();
		const { id } = await mustCreate(t.db, {
			ciphertext,
			expiresInDays: 1,
			burnAfterReading: true,
			revokeSecret: bytes(32)
		});
		const info = await getShare(t.db, id);
		expect(info).toMatchObject({ burnAfterReading: true });
		expect(info?.ciphertext).toBeUndefined();
		// Only meaningful on PostgreSQL: PGlite runs one query at a time, so there is no race.
		const [first, second] = await Promise.all([openShare(t.db, id), openShare(t.db, id)]);
		const winners = [first, second].filter((x) => x !== null);
		expect(winners).toHaveLength(1);
		expect(winners[0]?.ciphertext).toEqual(ciphertext);
		expect(await getShare(t.db, id)).toBeNull();
	});

	it('gives a retry with the same Idempotency-Key the same share, never a second one', async () => {
		const input = {
			ciphertext: envelope(),
			expiresInDays: 7,
			burnAfterReading: false,
			revokeSecret: bytes(32),
			idempotencyKey: randomBytes(16).toString('base64url')
		};
		const before = await countShares(t.db);
		// Racing retries (e.g. a lost response, sent again at once): exactly one row.
		const results = await Promise.all([1, 2, 3].map(() => createShare(t.db, input)));
		expect(await countShares(t.db)).toBe(before + 1);
		const ids = new Set(results.map((r) => (r.kind === 'conflict' ? 'conflict' : r.id)));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
		expect(results.filter((r) => r.kind === 'replayed')).toHaveLength(2);
		// The key is stored only as a hash.
		const [row] = await queryRows<{ h: Uint8Array }>(
			t.db,
			sql`select idempotency_hash as h from shares where id = ${[...ids][0]}`
		);
		expect(Buffer.from(row!.h).toString()).not.toContain(input.idempotencyKey);
	});

	it('refuses the same Idempotency-Key for a different share, and stores nothing', async () => {
		const key = randomBytes(16).toString('base64url');
		const base = { expiresInDays: 7, burnAfterReading: false, idempotencyKey: key };
		const secret = bytes(32);
		expect(
			(await createShare(t.db, { ...base, ciphertext: envelope(), revokeSecret: secret })).kind
		).toBe('created');
		const before = await countShares(t.db);
		const other = await createShare(t.db, {
			...base,
			ciphertext: envelope(),
			revokeSecret: secret
		});
		expect(other.kind).toBe('conflict');
		expect(await countShares(t.db)).toBe(before);
	});

	it('revokes only with the right secret, and stores only its hash', async () => {
		const secret = bytes(32);
		const { id } = await mustCreate(t.db, {
			ciphertext: envelope(),
			expiresInDays: 3,
			burnAfterReading: false,
			revokeSecret: secret
		});
		const [row] = await queryRows<{ revoke_hash: Uint8Array }>(
			t.db,
			sql`select revoke_hash from shares where id = ${id}`
		);
		expect(Buffer.from(row!.revoke_hash).equals(Buffer.from(secret))).toBe(false);
		expect(await revokeShare(t.db, id, bytes(32))).toBe(false);
		expect(await getShare(t.db, id)).not.toBeNull();
		expect(await revokeShare(t.db, id, secret)).toBe(true);
		expect(await getShare(t.db, id)).toBeNull();
		expect(await revokeShare(t.db, id, secret)).toBe(false);
	});

	it('purges expired shares through the retention runner, and only those', async () => {
		const now = new Date('2027-01-10T00:00:00Z');
		const old = await mustCreate(
			t.db,
			{
				ciphertext: envelope(),
				expiresInDays: 1,
				burnAfterReading: false,
				revokeSecret: bytes(32)
			},
			new Date('2027-01-01T00:00:00Z')
		);
		const fresh = await mustCreate(
			t.db,
			{
				ciphertext: envelope(),
				expiresInDays: 30,
				burnAfterReading: false,
				revokeSecret: bytes(32)
			},
			now
		);
		registerPurge('shares', purgeExpiredShares);
		const before = await countShares(t.db);
		const result = await runPurges(t.db, now);
		expect(result.shares).toBeGreaterThanOrEqual(1);
		expect(await countShares(t.db)).toBe(before - (result.shares ?? 0));
		expect(await getShare(t.db, old.id, new Date('2027-01-01T01:00:00Z'))).toBeNull();
		expect(await getShare(t.db, fresh.id, now)).not.toBeNull();
		// Running again finds nothing more to do.
		expect((await runPurges(t.db, now)).shares).toBe(0);
	});
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('retention on several instances', () => {
	it('skips a purge that another instance is running (advisory lock held)', async () => {
		const target = testTargets().find((x) => x.name === 'postgres')!;
		const t = await target.open();
		if (t.driver !== 'postgres') throw new Error('needs PostgreSQL');
		const other = await t.pool.connect();
		try {
			let ran = 0;
			registerPurge('probe', async () => ++ran);
			await other.query('begin');
			await other.query(`select pg_advisory_xact_lock(7432102, hashtext('probe'))`);
			expect((await runPurges(t.db)).probe).toBeNull();
			expect(ran).toBe(0);
			await other.query('commit');
			expect((await runPurges(t.db)).probe).toBe(1);
		} finally {
			registerPurge('probe', async () => 0);
			other.release();
			await t.dispose();
		}
	});
});
