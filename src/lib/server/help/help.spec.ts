import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from '../../../../tests/helpers/db';
import { createCrypto, type Crypto } from '$lib/crypto/core';
import { loadSodium } from '$lib/crypto/sodium';
import { ARGON2ID_FLOOR } from '$lib/crypto/format';
import { createAccount, grantOrgKey, signInMessage, unlockAccount } from '$lib/requests/account';
import { openHelpRequest, sealHelpRequest } from '$lib/requests/seal';
import { countRequest, purgeRateLimits } from '../api/rate-limit';
import { queryRows } from '../db/client';
import { seedDirectory } from '../directory/current';
import {
	addReply,
	countHelpRows,
	deleteByLookup,
	handOver,
	inboxFor,
	purgeHelpRequests,
	repliesFor,
	setStatus,
	submitHelpRequest,
	type Access
} from './requests';
import {
	createChallenge,
	createInvite,
	createSession,
	grantOf,
	sessionResponder,
	signup,
	verifySignIn
} from './responders';

let c: Crypto;
beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

const NOW = new Date('2026-11-23T10:17:00Z');
const DAY = 86_400_000;

/** A staff member of an organisation, holding its staff key (what accessOf gives them). */
const staff = (org: string): Access => ({ org, audiences: ['organisation'] });

describe.each(testTargets())('help requests on $name', (target) => {
	let t: TestDatabase;
	const orgs = new Map<string, ReturnType<Crypto['boxKeyPair']>>();

	async function admin(orgKey: string, username: string) {
		const { token } = await createInvite(t.db, { orgKey, role: 'org_admin', createdBy: null }, NOW);
		const { keys, blob } = createAccount(c, username, 'a long passphrase', ARGON2ID_FLOOR);
		const orgKeys = c.boxKeyPair();
		const result = await signup(
			t.db,
			{
				token,
				username,
				boxPublicKey: keys.box.publicKey,
				signPublicKey: keys.sign.publicKey,
				wrappedKeys: blob,
				orgPublicKey: orgKeys.publicKey,
				orgGrant: grantOrgKey(c, orgKeys.secretKey, keys.box.publicKey)
			},
			NOW
		);
		expect(result.kind).toBe('ok');
		orgs.set(orgKey, orgKeys);
		return { keys, blob, id: result.kind === 'ok' ? result.responderId : '' };
	}

	function sealed(orgKey: string, text: string, replyKey: Uint8Array) {
		return sealHelpRequest(
			c,
			{
				v: 1,
				kind: 'request',
				to: orgKey,
				needs: ['health'],
				text,
				contact: { method: 'code' },
				lang: 'sq',
				replyKey: c.toBase64Url(replyKey)
			},
			orgs.get(orgKey)!.publicKey
		);
	}

	beforeAll(async () => {
		t = await target.open();
		await seedDirectory(t.db);
		await admin('vatra', 'admin.vatra');
		await admin('tjeter-vizion', 'admin.tv');
	});
	afterAll(async () => {
		await t?.dispose();
	});

	it('stores a request once: a retry with the same idempotency key replays the first answer', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('CODE-ONE'));
		const input = {
			lookupId: code.lookupId,
			items: [
				{
					org: 'vatra',
					ciphertext: sealed('vatra', 'Kam nevojë për mjek', code.boxKeyPair.publicKey),
					idempotencyKey: 'AAAAAAAAAAAAAAAAAAAAAA'
				}
			]
		};
		const first = await submitHelpRequest(t.db, input, { requestDays: 60 }, NOW);
		expect(first).toMatchObject({ kind: 'created', received: 1 });
		const again = await submitHelpRequest(t.db, input, { requestDays: 60 }, NOW);
		expect(again).toMatchObject({ kind: 'replayed', received: 1 });
		expect(first.kind === 'created' && again.kind === 'replayed' && again.expiresAt).toEqual(
			first.kind === 'created' && first.expiresAt
		);
		const inbox = await inboxFor(t.db, staff('vatra'), NOW);
		expect(inbox).toHaveLength(1);
		// Only the hour is kept.
		expect(inbox[0]!.createdHour.toISOString()).toBe('2026-11-23T10:00:00.000Z');
		expect(openHelpRequest(c, inbox[0]!.ciphertext, orgs.get('vatra')!).text).toBe(
			'Kam nevojë për mjek'
		);
		// The same key from another mailbox is refused, and nothing is written.
		const other = c.deriveFromCode(new TextEncoder().encode('CODE-TWO'));
		expect(
			await submitHelpRequest(
				t.db,
				{ ...input, lookupId: other.lookupId },
				{ requestDays: 60 },
				NOW
			)
		).toEqual({ kind: 'conflict' });
		expect(await inboxFor(t.db, staff('vatra'), NOW)).toHaveLength(1);
	});

	it('refuses an organisation without a key, naming which recipient', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('CODE-X'));
		const result = await submitHelpRequest(
			t.db,
			{
				lookupId: code.lookupId,
				items: [
					{
						org: 'vatra',
						ciphertext: sealed('vatra', 'x', code.boxKeyPair.publicKey),
						idempotencyKey: 'BBBBBBBBBBBBBBBBBBBBBB'
					},
					{
						org: 'iom',
						ciphertext: sealed('vatra', 'x', code.boxKeyPair.publicKey),
						idempotencyKey: 'CCCCCCCCCCCCCCCCCCCCCC'
					}
				]
			},
			{ requestDays: 60 },
			NOW
		);
		expect(result).toEqual({ kind: 'unknown_org', index: 1 });
	});

	it('replies reach the mailbox; a wrong code sees the same empty answer; delete removes all', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('CODE-THREE'));
		await submitHelpRequest(
			t.db,
			{
				lookupId: code.lookupId,
				items: [
					{
						org: 'vatra',
						ciphertext: sealed('vatra', 'a', code.boxKeyPair.publicKey),
						idempotencyKey: 'DDDDDDDDDDDDDDDDDDDDDD'
					},
					{
						org: 'tjeter-vizion',
						ciphertext: sealed('tjeter-vizion', 'a', code.boxKeyPair.publicKey),
						idempotencyKey: 'EEEEEEEEEEEEEEEEEEEEEE'
					}
				]
			},
			{ requestDays: 60 },
			NOW
		);
		const [item] = (await inboxFor(t.db, staff('tjeter-vizion'), NOW)).filter(() => true);
		const reply = c.sealTo(code.boxKeyPair.publicKey, c.pad(new TextEncoder().encode('{}'), 1024));
		expect(await addReply(t.db, staff('vatra'), item!.id, reply, reply, NOW)).toBe(false);
		expect(await addReply(t.db, staff('tjeter-vizion'), item!.id, reply, reply, NOW)).toBe(true);
		expect(await repliesFor(t.db, code.lookupId, NOW)).toEqual([reply]);
		expect(await repliesFor(t.db, c.randomBytes(16), NOW)).toEqual([]);
		expect((await inboxFor(t.db, staff('tjeter-vizion'), NOW))[0]!.status).toBe('in_progress');
		expect(await deleteByLookup(t.db, code.lookupId)).toBe(2);
		expect(await repliesFor(t.db, code.lookupId, NOW)).toEqual([]);
		expect(await inboxFor(t.db, staff('tjeter-vizion'), NOW)).toHaveLength(0);
	});

	it('hands over: the other organisation gets it, the notes of the first are gone', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('CODE-FOUR'));
		await submitHelpRequest(
			t.db,
			{
				lookupId: code.lookupId,
				items: [
					{
						org: 'vatra',
						ciphertext: sealed('vatra', 'b', code.boxKeyPair.publicKey),
						idempotencyKey: 'FFFFFFFFFFFFFFFFFFFFFF'
					}
				]
			},
			{ requestDays: 60 },
			NOW
		);
		const item = (await inboxFor(t.db, staff('vatra'), NOW)).find(
			(r) => openHelpRequest(c, r.ciphertext, orgs.get('vatra')!).text === 'b'
		)!;
		const resealed = sealed('tjeter-vizion', 'b', code.boxKeyPair.publicKey);
		expect(await handOver(t.db, staff('vatra'), item.id, 'iom', resealed)).toBe('unknown_org');
		expect(await handOver(t.db, staff('vatra'), item.id, 'tjeter-vizion', resealed)).toBe('ok');
		const there = await inboxFor(t.db, staff('tjeter-vizion'), NOW);
		expect(there.map((r) => r.id)).toContain(item.id);
		expect(await handOver(t.db, staff('vatra'), item.id, 'tjeter-vizion', resealed)).toBe(
			'not_found'
		);
	});

	it('purges closed requests after N days and every request at expiry', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('CODE-FIVE'));
		await submitHelpRequest(
			t.db,
			{
				lookupId: code.lookupId,
				items: [
					{
						org: 'vatra',
						ciphertext: sealed('vatra', 'c', code.boxKeyPair.publicKey),
						idempotencyKey: 'GGGGGGGGGGGGGGGGGGGGGG'
					},
					{
						org: 'tjeter-vizion',
						ciphertext: sealed('tjeter-vizion', 'c', code.boxKeyPair.publicKey),
						idempotencyKey: 'HHHHHHHHHHHHHHHHHHHHHH'
					}
				]
			},
			{ requestDays: 60 },
			NOW
		);
		const closing = (await inboxFor(t.db, staff('vatra'), NOW)).find(
			(r) => openHelpRequest(c, r.ciphertext, orgs.get('vatra')!).text === 'c'
		)!;
		expect(await setStatus(t.db, staff('vatra'), closing.id, 'closed', NOW)).toBe(true);
		const before = await countHelpRows(t.db);
		const purge = purgeHelpRequests(30);
		expect(await purge(t.db, new Date(NOW.getTime() + 29 * DAY))).toBe(0);
		expect(await purge(t.db, new Date(NOW.getTime() + 31 * DAY))).toBe(1);
		expect((await countHelpRows(t.db)).requests).toBe(before.requests - 1);
		// Everything else expires at 60 days.
		expect(await purge(t.db, new Date(NOW.getTime() + 61 * DAY))).toBeGreaterThan(0);
		expect(await countHelpRows(t.db)).toEqual({ requests: 0, replies: 0, notes: 0 });
	});

	it('keeps no IP, user agent or exact time in help_requests', async () => {
		const cols = await queryRows<{ column_name: string }>(
			t.db,
			sql`select column_name from information_schema.columns where table_name = 'help_requests' order by column_name`
		);
		expect(cols.map((x) => x.column_name)).toEqual([
			'audience',
			'ciphertext',
			'closed_at',
			'created_hour',
			'expires_at',
			'id',
			'idempotency_key',
			'lookup_hash',
			'org_key',
			'status'
		]);
	});

	it('signs in with the signature over a one-time challenge; unknown users get a stable decoy', async () => {
		const { token } = await createInvite(
			t.db,
			{ orgKey: 'vatra', role: 'responder', createdBy: null },
			NOW
		);
		const { keys, blob } = createAccount(c, 'drita', 'another long passphrase', ARGON2ID_FLOOR);
		const base = {
			token,
			username: 'drita',
			boxPublicKey: keys.box.publicKey,
			signPublicKey: keys.sign.publicKey,
			wrappedKeys: blob
		};
		// Not the first member: no organisation key may be sent.
		expect(
			(
				await signup(
					t.db,
					{ ...base, orgPublicKey: c.boxKeyPair().publicKey, orgGrant: c.randomBytes(80) },
					NOW
				)
			).kind
		).toBe('org_key_exists');
		const ok = await signup(t.db, base, NOW);
		expect(ok.kind).toBe('ok');
		// The invitation works once.
		expect((await signup(t.db, { ...base, username: 'drita2' }, NOW)).kind).toBe('invalid_invite');

		const ch = await createChallenge(t.db, 'drita', NOW);
		const unlocked = unlockAccount(c, 'drita', 'another long passphrase', ch.wrappedKeys);
		const signature = c.sign(signInMessage(ch.challenge), unlocked.sign.secretKey);
		const id = await verifySignIn(t.db, ch.challengeId, signature, NOW);
		expect(id).toBe(ok.kind === 'ok' ? ok.responderId : '');
		// Single use.
		expect(await verifySignIn(t.db, ch.challengeId, signature, NOW)).toBeNull();
		// Expired.
		const late = await createChallenge(t.db, 'drita', NOW);
		const sig2 = c.sign(signInMessage(late.challenge), unlocked.sign.secretKey);
		expect(
			await verifySignIn(t.db, late.challengeId, sig2, new Date(NOW.getTime() + 600_000))
		).toBeNull();

		const a = await createChallenge(t.db, 'nobody-here', NOW);
		const b = await createChallenge(t.db, 'nobody-here', NOW);
		expect(a.wrappedKeys).toEqual(b.wrappedKeys);
		expect(a.wrappedKeys.length).toBe(ch.wrappedKeys.length);
		expect(() => unlockAccount(c, 'nobody-here', 'x', a.wrappedKeys)).toThrow();

		// A member waits for an admin's grant.
		const responder = await sessionResponder(
			t.db,
			(await createSession(t.db, id!, NOW)).token,
			NOW
		);
		expect(responder?.username).toBe('drita');
		expect(await grantOf(t.db, responder!)).toBeNull();
		// Sessions end after 30 idle minutes.
		const s = await createSession(t.db, id!, NOW);
		expect(await sessionResponder(t.db, s.token, new Date(NOW.getTime() + 31 * 60_000))).toBeNull();
	});

	it('counts requests per keyed address in fixed windows, shared through the database', async () => {
		const limit = { max: 2, windowSeconds: 60 };
		const at = new Date('2026-11-23T10:00:05Z');
		expect(await countRequest(t.db, 'help:submit', '203.0.113.9', limit, at)).toEqual({
			allowed: true
		});
		expect(await countRequest(t.db, 'help:submit', '203.0.113.9', limit, at)).toEqual({
			allowed: true
		});
		expect(await countRequest(t.db, 'help:submit', '203.0.113.9', limit, at)).toEqual({
			allowed: false,
			retryAfterSeconds: 55
		});
		// Another address, another bucket, the next window: counted apart.
		expect(await countRequest(t.db, 'help:submit', '203.0.113.10', limit, at)).toEqual({
			allowed: true
		});
		expect(await countRequest(t.db, 'signin', '203.0.113.9', limit, at)).toEqual({ allowed: true });
		expect(
			await countRequest(
				t.db,
				'help:submit',
				'203.0.113.9',
				limit,
				new Date('2026-11-23T10:01:00Z')
			)
		).toEqual({ allowed: true });
		const dump = await queryRows<{ row: string }>(
			t.db,
			sql`select row_to_json(r)::text as row from rate_limit_counters r`
		);
		expect(dump.map((r) => r.row).join()).not.toContain('203.0.113');
		expect(await purgeRateLimits(t.db, new Date('2026-11-26T00:00:00Z'))).toBeGreaterThan(0);
	});
});
