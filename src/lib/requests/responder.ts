/**
 * The responder side in the browser: signup from an invitation, sign-in (unwrap the keys,
 * sign the challenge), and the inbox's actions. Keys live only in this module's memory while
 * the page is open; a reload means signing in again.
 */
import { CryptoError, loadCrypto, type BoxKeyPair, type Crypto } from '$lib/crypto';
import {
	canonicalUsername,
	createAccount,
	grantOrgKey,
	openOrgGrant,
	signInMessage,
	unlockAccount,
	type AccountKeys
} from './account';
import { RESPONDER_PASSPHRASE_MIN_LENGTH, type HelpRequest, type Note } from './formats';
import { roleMayHold } from './roles';
import {
	fingerprint,
	openHelpRequest,
	openNote,
	resealHelpRequest,
	sealNote,
	sealReply
} from './seal';

export type ApiFailure = { status: number; code: string; field: string | null };

export class ResponderError extends Error {
	constructor(
		readonly code:
			| 'wrong_credentials'
			| 'passphrase_too_short'
			| 'passphrases_differ'
			| 'invite_invalid'
			| 'username_taken'
			| 'username_invalid'
			| 'no_access'
			| 'wrong_role'
			| 'rate_limited'
			| 'failed'
	) {
		super(code);
	}
}

async function api(path: string, body?: unknown): Promise<Response> {
	return fetch(path, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'content-type': 'application/json', 'x-ura-csrf': '1' },
		body: body === undefined ? undefined : JSON.stringify(body),
		credentials: 'same-origin',
		cache: 'no-store'
	});
}

async function expectOk(res: Response): Promise<void> {
	if (res.ok) return;
	if (res.status === 429) throw new ResponderError('rate_limited');
	throw new ResponderError('failed');
}

/** Where a request is sealed: the organisation's staff key, or its peer-mentor group key. */
export type Audience = 'organisation' | 'peer_mentors';

let account: AccountKeys | undefined;
let org: BoxKeyPair | undefined;
/** The peer-mentor group's key pair, when this member holds it. */
let mentors: BoxKeyPair | undefined;

export function signedIn(): boolean {
	return !!account;
}

export function forget(): void {
	account = undefined;
	org = undefined;
	mentors = undefined;
}

/**
 * Accepts an invitation. If the organisation has no key yet (its first admin), the server
 * says so without using up the invitation, and this browser makes the organisation's key
 * pair, seals its secret key to the new account, and asks again.
 */
export async function signup(
	token: string,
	username: string,
	passphrase: string,
	again: string
): Promise<void> {
	if ([...passphrase.normalize('NFC')].length < RESPONDER_PASSPHRASE_MIN_LENGTH) {
		throw new ResponderError('passphrase_too_short');
	}
	if (passphrase !== again) throw new ResponderError('passphrases_differ');
	const c = await loadCrypto();
	const name = canonicalUsername(username);
	const { keys, blob } = createAccount(c, name, passphrase);
	const body: Record<string, string> = {
		token,
		username: name,
		boxPublicKey: c.toBase64Url(keys.box.publicKey),
		signPublicKey: c.toBase64Url(keys.sign.publicKey),
		wrappedKeys: c.toBase64Url(blob)
	};
	let orgKeys: BoxKeyPair | undefined;
	let res = await api('/api/responders/signup', body);
	if (res.status === 400) {
		const { error } = (await res.clone().json()) as { error: ApiFailure };
		if (error.field === 'orgPublicKey') {
			orgKeys = c.boxKeyPair();
			body.orgPublicKey = c.toBase64Url(orgKeys.publicKey);
			body.orgGrant = c.toBase64Url(grantOrgKey(c, orgKeys.secretKey, keys.box.publicKey));
			res = await api('/api/responders/signup', body);
		}
	}
	if (res.status === 404) throw new ResponderError('invite_invalid');
	if (res.status === 409) {
		const { error } = (await res.json()) as { error: ApiFailure };
		throw new ResponderError(error.field === 'username' ? 'username_taken' : 'invite_invalid');
	}
	if (res.status === 400) {
		const { error } = (await res.json()) as { error: ApiFailure };
		throw new ResponderError(error.field === 'username' ? 'username_invalid' : 'invite_invalid');
	}
	await expectOk(res);
	account = keys;
	org = orgKeys;
}

/** Unwraps the keys with the passphrase and signs the server's challenge. */
export async function signIn(username: string, passphrase: string): Promise<void> {
	const c = await loadCrypto();
	const name = canonicalUsername(username);
	const res = await api('/api/responders/challenge', { username: name });
	// 400: a name no account can have.
	if (res.status === 400) throw new ResponderError('wrong_credentials');
	await expectOk(res);
	const ch = (await res.json()) as { challengeId: string; challenge: string; wrappedKeys: string };
	let keys: AccountKeys;
	try {
		keys = unlockAccount(c, name, passphrase, c.fromBase64Url(ch.wrappedKeys));
	} catch (error) {
		if (error instanceof CryptoError) throw new ResponderError('wrong_credentials');
		throw error;
	}
	const signature = c.sign(signInMessage(c.fromBase64Url(ch.challenge)), keys.sign.secretKey);
	const signed = await api('/api/responders/signin', {
		challengeId: ch.challengeId,
		signature: c.toBase64Url(signature)
	});
	if (signed.status === 401) throw new ResponderError('wrong_credentials');
	await expectOk(signed);
	account = keys;
	org = undefined;
	mentors = undefined;
}

export async function signOut(): Promise<void> {
	forget();
	// No body: the route takes none (src/lib/server/api/limits.ts).
	await fetch('/api/responders/signout', {
		method: 'POST',
		headers: { 'x-ura-csrf': '1' },
		credentials: 'same-origin',
		cache: 'no-store'
	});
}

export type OrgInfo = {
	key: string;
	name: [string, string];
	publicKey: string;
	fingerprint: string;
};

export type InboxItem = {
	id: string;
	audience: Audience;
	status: 'new' | 'in_progress' | 'closed';
	createdHour: string;
	expiresAt: string;
	replies: number;
	request: HelpRequest | null;
	notes: (Note & { isReply?: boolean })[];
	ciphertext: string;
};

export type Inbox = {
	me: { username: string; role: 'org_admin' | 'responder' | 'peer_mentor'; org: string };
	/** Holds at least one of the organisation's keys. */
	hasAccess: boolean;
	/** Holds the staff key / the peer-mentor group key. */
	keys: { organisation: boolean; peer_mentors: boolean };
	fingerprint: string | null;
	/** The peer-mentor group's fingerprint, once an admin set the group up. */
	mentorFingerprint: string | null;
	orgs: OrgInfo[];
	items: InboxItem[];
	pending: {
		id: string;
		username: string;
		role: string;
		kind: Audience;
		boxPublicKey: string;
		fingerprint: string;
	}[];
};

type InboxResponse = {
	me: Inbox['me'];
	grant: string | null;
	mentorGrant: string | null;
	mentorKey: { publicKey: string; fingerprint: string } | null;
	orgs: OrgInfo[];
	requests: {
		id: string;
		audience: Audience;
		ciphertext: string;
		status: InboxItem['status'];
		createdHour: string;
		expiresAt: string;
		replies: number;
		notes: string[];
	}[];
	pending: { id: string; username: string; role: string; kind: Audience; boxPublicKey: string }[];
};

function tryOpen<T>(f: () => T): T | null {
	try {
		return f();
	} catch {
		return null;
	}
}

/**
 * Opens a peer-mentor group grant, checked against the group's published key, as the staff
 * key is. A group key equal to the staff key is refused (null): requests "to the peer
 * mentors" would then be read by every staff member, and this admin would seal the staff
 * secret to peer mentors as "group" grants.
 */
export function openMentorGrant(
	c: Crypto,
	grant: Uint8Array,
	box: BoxKeyPair,
	groupKey: Uint8Array,
	staffKey: Uint8Array | null
): BoxKeyPair | null {
	if (staffKey && c.equal(groupKey, staffKey)) return null;
	return tryOpen(() => openOrgGrant(c, grant, box, groupKey));
}

/** Loads and decrypts the inbox. Null when the session is gone (sign in again). */
export async function loadInbox(): Promise<Inbox | null> {
	if (!account) return null;
	const res = await api('/api/inbox');
	if (res.status === 401) {
		forget();
		return null;
	}
	await expectOk(res);
	const data = (await res.json()) as InboxResponse;
	const c = await loadCrypto();
	const mine = data.orgs.find((o) => o.key === data.me.org);
	if (!org && data.grant && mine) {
		org =
			tryOpen(() =>
				openOrgGrant(c, c.fromBase64Url(data.grant!), account!.box, c.fromBase64Url(mine.publicKey))
			) ?? undefined;
	}
	if (!mentors && data.mentorGrant && data.mentorKey) {
		mentors =
			openMentorGrant(
				c,
				c.fromBase64Url(data.mentorGrant),
				account.box,
				c.fromBase64Url(data.mentorKey.publicKey),
				mine ? c.fromBase64Url(mine.publicKey) : null
			) ?? undefined;
	}
	const keyOf = (a: Audience) => (a === 'organisation' ? org : mentors);
	return {
		me: data.me,
		hasAccess: !!org || !!mentors,
		keys: { organisation: !!org, peer_mentors: !!mentors },
		fingerprint: mine?.fingerprint ?? null,
		mentorFingerprint: data.mentorKey?.fingerprint ?? null,
		orgs: data.orgs,
		items: data.requests.flatMap((r) => {
			const k = keyOf(r.audience);
			if (!k) return [];
			return [
				{
					id: r.id,
					audience: r.audience,
					status: r.status,
					createdHour: r.createdHour,
					expiresAt: r.expiresAt,
					replies: r.replies,
					ciphertext: r.ciphertext,
					request: tryOpen(() => openHelpRequest(c, c.fromBase64Url(r.ciphertext), k)),
					notes: r.notes
						.map((n) => tryOpen(() => openNote(c, c.fromBase64Url(n), k)))
						.filter((n): n is Note => !!n)
				}
			];
		}),
		pending: data.pending.map((p) => ({
			...p,
			fingerprint: fingerprint(c, c.fromBase64Url(p.boxPublicKey))
		}))
	};
}

/** The key pair of an audience (the staff's by default), or 'no_access'. */
function requireOrg(audience: Audience = 'organisation'): { c: Promise<Crypto>; org: BoxKeyPair } {
	const k = audience === 'organisation' ? org : mentors;
	if (!k) throw new ResponderError('no_access');
	return { c: loadCrypto(), org: k };
}

export async function setStatus(id: string, status: InboxItem['status']): Promise<void> {
	await expectOk(await api(`/api/inbox/requests/${id}/status`, { status }));
}

export async function reply(item: InboxItem, text: string, me: Inbox['me']): Promise<void> {
	// The copy for colleagues is sealed to the key the request came under.
	const { c: cp, org: o } = requireOrg(item.audience);
	const c = await cp;
	if (!item.request) throw new ResponderError('failed');
	const at = new Date().toISOString();
	const ciphertext = sealReply(
		c,
		{ v: 1, kind: 'reply', from: me.org, text, at },
		c.fromBase64Url(item.request.replyKey)
	);
	const copy = sealNote(
		c,
		{ v: 1, kind: 'note', author: me.username, text, at, isReply: true },
		o.publicKey
	);
	await expectOk(
		await api(`/api/inbox/requests/${item.id}/replies`, {
			ciphertext: c.toBase64Url(ciphertext),
			copy: c.toBase64Url(copy)
		})
	);
}

export async function addNote(item: InboxItem, text: string, me: Inbox['me']): Promise<void> {
	const { c: cp, org: o } = requireOrg(item.audience);
	const c = await cp;
	const note = sealNote(
		c,
		{ v: 1, kind: 'note', author: me.username, text, at: new Date().toISOString() },
		o.publicKey
	);
	await expectOk(
		await api(`/api/inbox/requests/${item.id}/notes`, { ciphertext: c.toBase64Url(note) })
	);
}

export async function handOver(item: InboxItem, to: OrgInfo, me: Inbox['me']): Promise<void> {
	const { c: cp } = requireOrg();
	const c = await cp;
	if (!item.request) throw new ResponderError('failed');
	const sealed = resealHelpRequest(c, item.request, me.org, to.key, c.fromBase64Url(to.publicKey));
	await expectOk(
		await api(`/api/inbox/requests/${item.id}/handover`, {
			org: to.key,
			ciphertext: c.toBase64Url(sealed)
		})
	);
}

export async function invite(role: Inbox['me']['role']): Promise<string> {
	const res = await api('/api/inbox/invites', { role });
	await expectOk(res);
	return ((await res.json()) as { token: string }).token;
}

/**
 * Seals the key the member waits for (staff or peer-mentor group) to their account key.
 * The role and kind come from the server's list, so this browser checks them itself
 * (KINDS_OF_ROLE): it never seals the staff key to a peer mentor, whatever the server says.
 */
export async function giveAccess(
	member: Pick<Inbox['pending'][number], 'id' | 'role' | 'kind' | 'boxPublicKey'>
): Promise<void> {
	if (!roleMayHold(member.role, member.kind)) throw new ResponderError('wrong_role');
	const { c: cp, org: o } = requireOrg(member.kind);
	const c = await cp;
	const sealedKey = grantOrgKey(c, o.secretKey, c.fromBase64Url(member.boxPublicKey));
	await expectOk(
		await api('/api/inbox/grants', {
			responderId: member.id,
			kind: member.kind,
			sealedKey: c.toBase64Url(sealedKey)
		})
	);
}

/**
 * An admin sets up the peer-mentor group: a new key pair made here, its public key published,
 * its secret key sealed to this admin (the same grant format as the staff key). Peer mentors
 * then get it from an admin, as colleagues get the staff key.
 */
export async function setUpMentorGroup(): Promise<void> {
	if (!account) throw new ResponderError('no_access');
	const c = await loadCrypto();
	const group = c.boxKeyPair();
	const grant = grantOrgKey(c, group.secretKey, account.box.publicKey);
	await expectOk(
		await api('/api/inbox/mentor-group', {
			publicKey: c.toBase64Url(group.publicKey),
			grant: c.toBase64Url(grant)
		})
	);
	mentors = group;
}

/** Roles an admin can give (a peer mentor reads only what is sent to the peer-mentor group). */
export const ROLE_CHOICES = ['responder', 'peer_mentor', 'org_admin'] as const;
