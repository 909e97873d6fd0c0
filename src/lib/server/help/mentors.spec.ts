import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from '../../../../tests/helpers/db';
import { createCrypto, type Crypto } from '$lib/crypto/core';
import { loadSodium } from '$lib/crypto/sodium';
import { ARGON2ID_FLOOR } from '$lib/crypto/format';
import { createAccount, grantOrgKey, openOrgGrant } from '$lib/requests/account';
import type { HelpRequest } from '$lib/requests/formats';
import { openHelpRequest, sealHelpRequest } from '$lib/requests/seal';
import { MentorGroupSchema, SubmitRequestSchema } from '../api/help';
import { helpOrgKeys, helpRequests, orgKeyGrants, responders } from '../db/schema';
import { currentDirectory, seedDirectory } from '../directory/current';
import {
	addNote,
	addReply,
	handOver,
	inboxFor,
	repliesFor,
	setStatus,
	submitHelpRequest
} from './requests';
import {
	accessOf,
	addGrant,
	createInvite,
	grantsOf,
	pendingMembers,
	setUpMentorGroup,
	signup,
	type Responder
} from './responders';

let c: Crypto;
beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

const NOW = new Date('2026-11-23T10:17:00Z');

/**
 * The peer-mentor group of an organisation: a key pair of its own, so that a request to
 * "the peer mentors of Vatra" is read by its peer mentors (and admins) and not by its staff,
 * and a request to Vatra's staff is not read by its peer mentors. The server enforces the
 * same split on what it lists and lets each member act on.
 */
describe.each(testTargets())('peer-mentor group on $name', (target) => {
	let t: TestDatabase;
	let org: ReturnType<Crypto['boxKeyPair']>;
	let group: ReturnType<Crypto['boxKeyPair']>;
	const people: Record<string, { row: Responder; box: ReturnType<Crypto['boxKeyPair']> }> = {};

	async function join(
		role: 'org_admin' | 'responder' | 'peer_mentor',
		username: string,
		first = false
	) {
		const { token } = await createInvite(t.db, { orgKey: 'vatra', role, createdBy: null }, NOW);
		const { keys, blob } = createAccount(c, username, 'a long passphrase', ARGON2ID_FLOOR);
		const result = await signup(
			t.db,
			{
				token,
				username,
				boxPublicKey: keys.box.publicKey,
				signPublicKey: keys.sign.publicKey,
				wrappedKeys: blob,
				...(first
					? {
							orgPublicKey: org.publicKey,
							orgGrant: grantOrgKey(c, org.secretKey, keys.box.publicKey)
						}
					: {})
			},
			NOW
		);
		if (result.kind !== 'ok') throw new Error(result.kind);
		const [row] = await t.db.select().from(responders).where(eq(responders.id, result.responderId));
		people[username] = { row: row!, box: keys.box };
		return people[username]!;
	}

	function request(text: string, to: Uint8Array, replyKey: Uint8Array): Uint8Array {
		const r: HelpRequest = {
			v: 1,
			kind: 'request',
			to: 'vatra',
			needs: ['talk'],
			text,
			contact: { method: 'code' },
			lang: 'sq',
			replyKey: c.toBase64Url(replyKey)
		};
		return sealHelpRequest(c, r, to);
	}

	beforeAll(async () => {
		t = await target.open();
		await seedDirectory(t.db);
		org = c.boxKeyPair();
		await join('org_admin', 'admin.vatra', true);
		await join('responder', 'staff.vatra');
		await join('peer_mentor', 'mentor.vatra');
		// The staff member gets the staff key from the admin.
		expect(
			await addGrant(
				t.db,
				'vatra',
				people['staff.vatra']!.row.id,
				grantOrgKey(c, org.secretKey, people['staff.vatra']!.box.publicKey)
			)
		).toBe('ok');
		// Migrations, the directory seed and three Argon2id accounts: slow on a loaded machine.
	}, 120_000);
	afterAll(async () => {
		await t?.dispose();
	});

	it('cannot be written to before an admin sets it up, and peer mentors wait for nothing yet', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('MENTOR-EARLY'));
		const result = await submitHelpRequest(
			t.db,
			{
				lookupId: code.lookupId,
				items: [
					{
						org: 'vatra',
						audience: 'peer_mentors',
						ciphertext: request('early', c.boxKeyPair().publicKey, code.boxKeyPair.publicKey),
						idempotencyKey: 'EEEEEEEEEEEEEEEEEEEEEE'
					}
				]
			},
			{ requestDays: 60 },
			NOW
		);
		expect(result).toEqual({ kind: 'unknown_org', index: 0 });
		// The peer mentor may not hold the staff key: not pending for it, and refused if sent.
		const pending = await pendingMembers(t.db, 'vatra');
		expect(pending.map((p) => `${p.username} ${p.kind}`)).toEqual([]);
		const mentor = people['mentor.vatra']!;
		expect(
			await addGrant(
				t.db,
				'vatra',
				mentor.row.id,
				grantOrgKey(c, org.secretKey, mentor.box.publicKey),
				'organisation'
			)
		).toBe('not_for_role');
		expect(
			await addGrant(
				t.db,
				'vatra',
				mentor.row.id,
				grantOrgKey(c, org.secretKey, mentor.box.publicKey),
				'peer_mentors'
			)
		).toBe('no_key');
		expect(await grantsOf(t.db, mentor.row)).toEqual({});
	});

	it('is set up by an admin: published beside the staff key, a retry is fine, another key is not', async () => {
		group = c.boxKeyPair();
		const admin = people['admin.vatra']!;
		const grant = grantOrgKey(c, group.secretKey, admin.box.publicKey);
		// The staff key (or another organisation's key) is never the group key: that would let
		// every staff member read the requests to the peer mentors.
		expect(
			await setUpMentorGroup(
				t.db,
				admin.row,
				org.publicKey,
				grantOrgKey(c, org.secretKey, admin.box.publicKey)
			)
		).toBe('key_in_use');
		const elsewhere = c.boxKeyPair();
		await t.db
			.insert(helpOrgKeys)
			.values({ orgKey: 'tjeter-vizion', publicKey: elsewhere.publicKey });
		expect(
			await setUpMentorGroup(
				t.db,
				admin.row,
				elsewhere.publicKey,
				grantOrgKey(c, elsewhere.secretKey, admin.box.publicKey)
			)
		).toBe('key_in_use');
		expect(await grantsOf(t.db, admin.row)).not.toHaveProperty('peer_mentors');
		// The database refuses a repeated key whatever the code above does.
		await expect(
			t.db
				.insert(helpOrgKeys)
				.values({ orgKey: 'awen', kind: 'peer_mentors', publicKey: org.publicKey })
		).rejects.toThrow();
		// An all-zero key is refused at the boundary (400, field publicKey).
		const zero = MentorGroupSchema.safeParse({
			publicKey: c.toBase64Url(new Uint8Array(32)),
			grant: c.toBase64Url(grant)
		});
		expect(zero.error?.issues[0]?.path).toEqual(['publicKey']);
		expect(
			MentorGroupSchema.safeParse({
				publicKey: c.toBase64Url(group.publicKey),
				grant: c.toBase64Url(grant)
			}).success
		).toBe(true);
		expect(await setUpMentorGroup(t.db, admin.row, group.publicKey, grant)).toBe('created');
		expect(await setUpMentorGroup(t.db, admin.row, group.publicKey, grant)).toBe('exists');
		const other = c.boxKeyPair();
		expect(
			await setUpMentorGroup(
				t.db,
				admin.row,
				other.publicKey,
				grantOrgKey(c, other.secretKey, admin.box.publicKey)
			)
		).toBe('conflict');
		// The admin's browser opens its grant and checks it against the published key.
		const grants = await grantsOf(t.db, admin.row);
		expect(grants.organisation).toBeDefined();
		const opened = openOrgGrant(c, grants.peer_mentors!, admin.box, group.publicKey);
		expect(c.equal(opened.secretKey, group.secretKey)).toBe(true);
		// The directory snapshot publishes both keys of Vatra, each with its fingerprint.
		const { snapshot } = await currentDirectory(t.db);
		const vatra = snapshot.orgs.find((o) => o.key === 'vatra')!;
		expect(vatra.publicKey).toBe(c.toBase64Url(org.publicKey));
		expect(vatra.mentorPublicKey).toBe(c.toBase64Url(group.publicKey));
		expect(vatra.mentorFingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
		expect(vatra.mentorFingerprint).not.toBe(vatra.fingerprint);
		expect(snapshot.orgs.find((o) => o.key === 'tjeter-vizion')?.mentorPublicKey).toBeUndefined();
	});

	it('is granted to peer mentors only: a staff member may not hold the group key', async () => {
		const pending = await pendingMembers(t.db, 'vatra');
		expect(pending.map((p) => `${p.username} ${p.kind}`)).toEqual(['mentor.vatra peer_mentors']);
		const staff = people['staff.vatra']!;
		expect(
			await addGrant(
				t.db,
				'vatra',
				staff.row.id,
				grantOrgKey(c, group.secretKey, staff.box.publicKey),
				'peer_mentors'
			)
		).toBe('not_for_role');
		const mentor = people['mentor.vatra']!;
		expect(
			await addGrant(
				t.db,
				'vatra',
				mentor.row.id,
				grantOrgKey(c, group.secretKey, mentor.box.publicKey),
				'peer_mentors'
			)
		).toBe('ok');
		expect(await pendingMembers(t.db, 'vatra')).toEqual([]);
		expect(await accessOf(t.db, mentor.row)).toEqual({ org: 'vatra', audiences: ['peer_mentors'] });
		expect(await accessOf(t.db, staff.row)).toEqual({ org: 'vatra', audiences: ['organisation'] });
		expect(await accessOf(t.db, people['admin.vatra']!.row)).toEqual({
			org: 'vatra',
			audiences: ['organisation', 'peer_mentors']
		});
	});

	it('lists and lets act on each request only for members holding its key', async () => {
		const code = c.deriveFromCode(new TextEncoder().encode('MENTOR-ONE'));
		const staffCode = c.deriveFromCode(new TextEncoder().encode('STAFF-ONE'));
		const body = SubmitRequestSchema.parse({
			lookupId: c.toBase64Url(code.lookupId),
			items: [
				{
					org: 'vatra',
					audience: 'peer_mentors',
					ciphertext: c.toBase64Url(
						request('për mentorin', group.publicKey, code.boxKeyPair.publicKey)
					),
					idempotencyKey: 'MMMMMMMMMMMMMMMMMMMMMM'
				}
			]
		});
		expect((await submitHelpRequest(t.db, body, { requestDays: 60 }, NOW)).kind).toBe('created');
		// The same key twice is a replay; the same body with the staff audience is a conflict.
		expect((await submitHelpRequest(t.db, body, { requestDays: 60 }, NOW)).kind).toBe('replayed');
		expect(
			(
				await submitHelpRequest(
					t.db,
					{ ...body, items: [{ ...body.items[0]!, audience: 'organisation' }] },
					{ requestDays: 60 },
					NOW
				)
			).kind
		).toBe('conflict');
		const staffBody = {
			lookupId: staffCode.lookupId,
			items: [
				{
					org: 'vatra',
					ciphertext: request('për punonjësit', org.publicKey, staffCode.boxKeyPair.publicKey),
					idempotencyKey: 'SSSSSSSSSSSSSSSSSSSSSS'
				}
			]
		};
		expect((await submitHelpRequest(t.db, staffBody, { requestDays: 60 }, NOW)).kind).toBe(
			'created'
		);

		const mentor = await accessOf(t.db, people['mentor.vatra']!.row);
		const staff = await accessOf(t.db, people['staff.vatra']!.row);
		const admin = await accessOf(t.db, people['admin.vatra']!.row);
		const seen = await inboxFor(t.db, mentor, NOW);
		expect(seen.map((r) => r.audience)).toEqual(['peer_mentors']);
		expect(openHelpRequest(c, seen[0]!.ciphertext, group).text).toBe('për mentorin');
		const staffSeen = await inboxFor(t.db, staff, NOW);
		expect(staffSeen.map((r) => r.audience)).toEqual(['organisation']);
		expect(openHelpRequest(c, staffSeen[0]!.ciphertext, org).text).toBe('për punonjësit');
		expect((await inboxFor(t.db, admin, NOW)).map((r) => r.audience).sort()).toEqual([
			'organisation',
			'peer_mentors'
		]);
		// No key at all: nothing.
		expect(await inboxFor(t.db, { org: 'vatra', audiences: [] }, NOW)).toEqual([]);

		const mentorRequest = seen[0]!.id;
		const staffRequest = staffSeen[0]!.id;
		const message = c.randomBytes(1024 + 48);
		// Across the split: refused as if the request did not exist.
		expect(await addReply(t.db, staff, mentorRequest, message, message, NOW)).toBe(false);
		expect(await addNote(t.db, staff, mentorRequest, message, NOW)).toBe(false);
		expect(await setStatus(t.db, staff, mentorRequest, 'closed', NOW)).toBe(false);
		expect(await addReply(t.db, mentor, staffRequest, message, message, NOW)).toBe(false);
		expect(await addNote(t.db, mentor, staffRequest, message, NOW)).toBe(false);
		expect(await setStatus(t.db, mentor, staffRequest, 'closed', NOW)).toBe(false);
		// A request to the peer mentors is not handed over (it goes to other staff only).
		expect(await handOver(t.db, mentor, mentorRequest, 'tjeter-vizion', message)).not.toBe('ok');
		expect(await handOver(t.db, admin, mentorRequest, 'tjeter-vizion', message)).not.toBe('ok');
		// A peer mentor handing over a request to the staff: not found, whatever the target.
		expect(await handOver(t.db, mentor, staffRequest, 'tjeter-vizion', message)).toBe('not_found');
		expect(await handOver(t.db, mentor, staffRequest, 'iom', message)).toBe('not_found');
		// The peer mentor replies through the pickup-code channel; the mentee reads it.
		expect(await addReply(t.db, mentor, mentorRequest, message, message, NOW)).toBe(true);
		expect(await repliesFor(t.db, code.lookupId, NOW)).toHaveLength(1);
		expect(await repliesFor(t.db, staffCode.lookupId, NOW)).toHaveLength(0);
		expect((await inboxFor(t.db, mentor, NOW))[0]!.status).toBe('in_progress');
	});

	it('accepts the audience in the submit schema, once per organisation and audience', () => {
		const item = {
			org: 'vatra',
			ciphertext: c.toBase64Url(c.randomBytes(4096 + 48)),
			idempotencyKey: 'AAAAAAAAAAAAAAAAAAAAAA'
		};
		const lookupId = c.toBase64Url(c.randomBytes(16));
		const both = SubmitRequestSchema.safeParse({
			lookupId,
			items: [item, { ...item, audience: 'peer_mentors', idempotencyKey: 'BBBBBBBBBBBBBBBBBBBBBB' }]
		});
		expect(both.success).toBe(true);
		expect(both.data?.items.map((i) => i.audience)).toEqual(['organisation', 'peer_mentors']);
		const twice = SubmitRequestSchema.safeParse({
			lookupId,
			items: [item, { ...item, idempotencyKey: 'BBBBBBBBBBBBBBBBBBBBBB' }]
		});
		expect(twice.success).toBe(false);
		const unknown = SubmitRequestSchema.safeParse({
			lookupId,
			items: [{ ...item, audience: 'everyone' }]
		});
		expect(unknown.error?.issues[0]?.path).toEqual(['items', 0, 'audience']);
	});

	it('refuses unknown audiences and key kinds in the database itself (CHECK constraints)', async () => {
		await expect(
			t.db.insert(helpRequests).values({
				id: 'CHECKCHECKCHECKCHECK01',
				orgKey: 'vatra',
				audience: 'everyone',
				ciphertext: c.randomBytes(64),
				idempotencyKey: 'CCCCCCCCCCCCCCCCCCCCCC',
				lookupHash: c.randomBytes(32),
				createdHour: NOW,
				expiresAt: NOW
			})
		).rejects.toThrow();
		await expect(
			t.db.insert(orgKeyGrants).values({
				orgKey: 'vatra',
				kind: 'everyone',
				responderId: people['admin.vatra']!.row.id,
				sealedKey: c.randomBytes(80)
			})
		).rejects.toThrow();
		await expect(
			t.db
				.insert(helpOrgKeys)
				.values({ orgKey: 'awen', kind: 'everyone', publicKey: c.randomBytes(32) })
		).rejects.toThrow();
	});
});
