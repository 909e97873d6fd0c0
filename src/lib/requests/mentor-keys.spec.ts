import { beforeAll, describe, expect, it } from 'vitest';
import { createCrypto, type Crypto } from '$lib/crypto/core';
import { loadSodium } from '$lib/crypto/sodium';
import { grantOrgKey } from './account';
import { distinctMentorGroups } from './recipients';
import { giveAccess, openMentorGrant, ResponderError } from './responder';
import { KINDS_OF_ROLE, roleMayHold } from './roles';

let c: Crypto;
beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

/**
 * The browser's own checks on the peer-mentor group key, whatever the server sends: the
 * group key is never the staff key, and an admin never seals a key the role may not hold.
 */
describe('peer-mentor group keys in the browser', () => {
	it('opens a group grant only when the group key is not the staff key', () => {
		const me = c.boxKeyPair();
		const staff = c.boxKeyPair();
		const group = c.boxKeyPair();
		const opened = openMentorGrant(
			c,
			grantOrgKey(c, group.secretKey, me.publicKey),
			me,
			group.publicKey,
			staff.publicKey
		);
		expect(opened && c.equal(opened.secretKey, group.secretKey)).toBe(true);
		// A server that publishes the staff key as the group key: refused, though it opens.
		expect(
			openMentorGrant(
				c,
				grantOrgKey(c, staff.secretKey, me.publicKey),
				me,
				staff.publicKey,
				staff.publicKey
			)
		).toBeNull();
		// A grant that does not match the published group key: refused too.
		expect(
			openMentorGrant(
				c,
				grantOrgKey(c, staff.secretKey, me.publicKey),
				me,
				group.publicKey,
				staff.publicKey
			)
		).toBeNull();
	});

	it('offers the peer mentors only of organisations whose group key is their own', () => {
		const k = () => c.toBase64Url(c.boxKeyPair().publicKey);
		const [a, b, d, e, g1, g4] = [k(), k(), k(), k(), k(), k()];
		const offered = distinctMentorGroups([
			{ key: 'one', publicKey: a, mentorPublicKey: g1 },
			// The group key is the staff key.
			{ key: 'two', publicKey: b, mentorPublicKey: b },
			// The group key is another organisation's staff key.
			{ key: 'three', publicKey: d, mentorPublicKey: a },
			// Two organisations with the same group key: neither.
			{ key: 'four', publicKey: e, mentorPublicKey: g4 },
			{ key: 'five', publicKey: k(), mentorPublicKey: g4 },
			{ key: 'six', publicKey: k() }
		]);
		expect([...offered].sort()).toEqual(['one']);
	});

	it('never seals a key to a role that may not hold it, before asking the server', async () => {
		expect(roleMayHold('peer_mentor', 'organisation')).toBe(false);
		expect(roleMayHold('responder', 'peer_mentors')).toBe(false);
		expect(roleMayHold('someone', 'organisation')).toBe(false);
		for (const [role, kinds] of Object.entries(KINDS_OF_ROLE)) {
			for (const kind of kinds) expect(roleMayHold(role, kind)).toBe(true);
		}
		const member = { id: 'x', boxPublicKey: c.toBase64Url(c.boxKeyPair().publicKey) };
		for (const [role, kind] of [
			['peer_mentor', 'organisation'],
			['responder', 'peer_mentors'],
			['visitor', 'organisation']
		] as const) {
			const refused = await giveAccess({ ...member, role, kind }).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(ResponderError);
			expect((refused as ResponderError).code).toBe('wrong_role');
		}
	});
});
