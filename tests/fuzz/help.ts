/**
 * What the help-request endpoints need before one valid request can be made, set up once
 * per running server (over its HTTP API, as a browser would) and cached: two organisations
 * with public keys (the CLI's first-admin invitation, then signup), the admin of the first,
 * a signed-in session, and fresh help requests in its inbox. Used by the fuzz registry
 * (tests/fuzz/endpoints.ts) and, through `submission`, by the load and fault tests.
 *
 * The database URL of each server must be told first (`useDatabase`): only the CLI can make
 * the first admin's invitation.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createCrypto, type Crypto } from '../../src/lib/crypto/core';
import { ARGON2ID_FLOOR } from '../../src/lib/crypto/format';
import { loadSodium } from '../../src/lib/crypto/sodium';
import {
	ACCOUNT_BLOB_BYTES,
	createAccount,
	grantOrgKey,
	signInMessage
} from '../../src/lib/requests/account';
import { sealHelpRequest } from '../../src/lib/requests/seal';
import { send } from './http';

export type HelpOrg = { key: string; publicKey: Uint8Array; secretKey: Uint8Array };
export type HelpSetup = {
	c: Crypto;
	/** Keyed organisations: `org` has the admin below, `other` receives handovers. */
	org: HelpOrg;
	other: HelpOrg;
	admin: { username: string; signSecretKey: Uint8Array };
	/** A session of the admin, kept for the inbox endpoints (never signed out). */
	cookie: string;
	/** Request ids of `org` seen by `freshRequestId`. */
	seen: Set<string>;
};

const databases = new Map<string, string>();
const setups = new Map<string, Promise<HelpSetup>>();
const mentorGroups = new Map<string, Promise<{ publicKey: Uint8Array; secretKey: Uint8Array }>>();
let crypto: Promise<Crypto> | undefined;

/** Tells which database a server runs on (needed once, before its first setup). */
export function useDatabase(baseUrl: string, databaseUrl: string): void {
	// A port can be reused by a later server on another database: forget the old setup.
	if (databases.get(baseUrl) !== databaseUrl) {
		setups.delete(baseUrl);
		mentorGroups.delete(baseUrl);
	}
	databases.set(baseUrl, databaseUrl);
}

export const helpCrypto = () => (crypto ??= loadSodium().then(createCrypto));

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

/** Headers of a same-origin responder request (the CSRF checks), with a session if given. */
export function responderHeaders(baseUrl: string, cookie = ''): Record<string, string> {
	return { origin: baseUrl, 'x-ura-csrf': '1', ...(cookie ? { cookie } : {}) };
}

async function post(
	baseUrl: string,
	path: string,
	body: unknown,
	cookie = ''
): Promise<{ status: number; text: string; cookie: string }> {
	const res = await send(baseUrl, {
		method: 'POST',
		path,
		headers: { 'content-type': 'application/json', ...responderHeaders(baseUrl, cookie) },
		body: JSON.stringify(body)
	});
	const set = res.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
	return { status: res.status, text: res.text, cookie: set };
}

/** The CLI's one-time link for the first admin of `org`: its token. */
async function firstAdminInvite(databaseUrl: string, org: string): Promise<string> {
	const { stdout } = await promisify(execFile)(
		'npx',
		['tsx', 'scripts/responders/invite-admin.ts', '--org', org],
		{ env: { ...process.env, DATABASE_URL: databaseUrl } }
	);
	const token = /#([A-Za-z0-9_-]{43})/.exec(stdout)?.[1];
	if (!token) throw new Error(`no invitation for ${org}: ${stdout}`);
	return token;
}

/** Accepts a first-admin invitation: the organisation gets its key pair. */
async function keyOrganisation(
	c: Crypto,
	baseUrl: string,
	token: string,
	key: string,
	username: string
) {
	const { keys, blob } = createAccount(c, username, 'fjalëkalim i gjatë mjaft', ARGON2ID_FLOOR);
	const org = c.boxKeyPair();
	const res = await post(baseUrl, '/api/responders/signup', {
		token,
		username,
		boxPublicKey: b64(keys.box.publicKey),
		signPublicKey: b64(keys.sign.publicKey),
		wrappedKeys: b64(blob),
		orgPublicKey: b64(org.publicKey),
		orgGrant: b64(grantOrgKey(c, org.secretKey, keys.box.publicKey))
	});
	if (res.status !== 201) throw new Error(`signup of ${username}: ${res.status} ${res.text}`);
	return { org: { key, ...org }, signSecretKey: keys.sign.secretKey };
}

/** The organisations, the admin and a session for the server at `baseUrl` (made once). */
export function helpSetup(baseUrl: string): Promise<HelpSetup> {
	let setup = setups.get(baseUrl);
	if (!setup) {
		setup = (async () => {
			const databaseUrl = databases.get(baseUrl);
			if (!databaseUrl) throw new Error(`useDatabase(${baseUrl}, …) first`);
			const c = await helpCrypto();
			const [t1, t2] = await Promise.all([
				firstAdminInvite(databaseUrl, 'vatra'),
				firstAdminInvite(databaseUrl, 'caritas-albania')
			]);
			const first = await keyOrganisation(c, baseUrl, t1, 'vatra', 'fuzz-admin');
			const second = await keyOrganisation(c, baseUrl, t2, 'caritas-albania', 'fuzz-other');
			const partial = {
				c,
				org: first.org,
				other: second.org,
				admin: { username: 'fuzz-admin', signSecretKey: first.signSecretKey },
				cookie: '',
				seen: new Set<string>()
			};
			partial.cookie = await signIn(baseUrl, partial);
			return partial;
		})();
		setups.set(baseUrl, setup);
	}
	return setup;
}

/** A fresh challenge for the admin (sign-in, step 1). */
export async function challenge(
	baseUrl: string,
	setup: Pick<HelpSetup, 'admin'>
): Promise<{ challengeId: string; challenge: Uint8Array }> {
	const res = await post(baseUrl, '/api/responders/challenge', { username: setup.admin.username });
	if (res.status !== 200) throw new Error(`challenge: ${res.status} ${res.text}`);
	const body = JSON.parse(res.text) as { challengeId: string; challenge: string };
	return { challengeId: body.challengeId, challenge: fromB64(body.challenge) };
}

/** The body of sign-in step 2: the challenge signed with the admin's Ed25519 key. */
export async function signInBody(baseUrl: string, setup: Pick<HelpSetup, 'c' | 'admin'>) {
	const ch = await challenge(baseUrl, setup);
	return {
		challengeId: ch.challengeId,
		signature: b64(setup.c.sign(signInMessage(ch.challenge), setup.admin.signSecretKey))
	};
}

/** A new session of the admin: its cookie. */
export async function signIn(
	baseUrl: string,
	setup: Pick<HelpSetup, 'c' | 'admin'>
): Promise<string> {
	const res = await post(baseUrl, '/api/responders/signin', await signInBody(baseUrl, setup));
	if (res.status !== 204 || !res.cookie) throw new Error(`signin: ${res.status} ${res.text}`);
	return res.cookie;
}

/** A help request as the browser sends it: sealed to `org`, one idempotency key. */
export function helpRequestBody(
	c: Crypto,
	org: Pick<HelpOrg, 'key' | 'publicKey'>,
	idempotencyKey = b64(c.randomBytes(16))
) {
	const replyKey = c.boxKeyPair().publicKey;
	return {
		lookupId: b64(c.randomBytes(16)),
		items: [
			{
				org: org.key,
				idempotencyKey,
				ciphertext: b64(
					sealHelpRequest(
						c,
						{
							v: 1,
							kind: 'request',
							to: org.key,
							needs: ['safe_place'],
							text: 'Më duhet strehim sonte',
							contact: { method: 'code' },
							lang: 'sq',
							replyKey: b64(replyKey)
						},
						org.publicKey
					)
				)
			}
		]
	};
}

/** A new request in the admin's inbox, never given out before: its id. */
export async function freshRequestId(baseUrl: string): Promise<string> {
	const s = await helpSetup(baseUrl);
	const inbox = async () => {
		const res = await send(baseUrl, {
			method: 'GET',
			path: '/api/inbox',
			headers: { cookie: s.cookie }
		});
		if (res.status !== 200) throw new Error(`inbox: ${res.status} ${res.text}`);
		return (JSON.parse(res.text) as { requests: { id: string }[] }).requests.map((r) => r.id);
	};
	// Other tests send requests to the same organisation: only the one sent here is new.
	for (const id of await inbox()) s.seen.add(id);
	const sent = await post(baseUrl, '/api/help/requests', helpRequestBody(s.c, s.org));
	if (sent.status !== 201) throw new Error(`help request: ${sent.status} ${sent.text}`);
	const fresh = (await inbox()).filter((id) => !s.seen.has(id));
	if (fresh.length !== 1) throw new Error(`expected one new request, found ${fresh.length}`);
	s.seen.add(fresh[0]!);
	return fresh[0]!;
}

/** A colleague invited by the admin who signed up but has no access yet: their id. */
export async function pendingMemberId(baseUrl: string): Promise<string> {
	const s = await helpSetup(baseUrl);
	const invite = await post(baseUrl, '/api/inbox/invites', { role: 'responder' }, s.cookie);
	if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
	const { token } = JSON.parse(invite.text) as { token: string };
	// Nobody signs in as this member: its keys are only for the shape.
	const username = `member-${b64(s.c.randomBytes(6))
		.toLowerCase()
		.replace(/[^a-z0-9]/g, 'x')}`;
	const joined = await post(baseUrl, '/api/responders/signup', memberSignup(s.c, token, username));
	if (joined.status !== 201) throw new Error(`member signup: ${joined.status} ${joined.text}`);
	const res = await send(baseUrl, {
		method: 'GET',
		path: '/api/inbox',
		headers: { cookie: s.cookie }
	});
	const { pending } = JSON.parse(res.text) as { pending: { id: string; username: string }[] };
	const member = pending.find((p) => p.username === username);
	if (!member) throw new Error(`${username} is not pending`);
	return member.id;
}

/** A member's signup body. The server checks only the shape of the wrapped keys. */
export function memberSignup(c: Crypto, token: string, username: string) {
	return {
		token,
		username,
		boxPublicKey: b64(c.boxKeyPair().publicKey),
		signPublicKey: b64(c.signKeyPair().publicKey),
		wrappedKeys: b64(c.randomBytes(ACCOUNT_BLOB_BYTES))
	};
}

/** The peer-mentor group key pair the fuzzing sets up for `org` on this server (made once). */
export function mentorGroupOf(baseUrl: string) {
	let group = mentorGroups.get(baseUrl);
	if (!group) {
		group = helpSetup(baseUrl).then((s) => s.c.boxKeyPair());
		mentorGroups.set(baseUrl, group);
	}
	return group;
}

/** A new invitation token (for signup). */
export async function inviteToken(baseUrl: string): Promise<string> {
	const s = await helpSetup(baseUrl);
	const invite = await post(baseUrl, '/api/inbox/invites', { role: 'peer_mentor' }, s.cookie);
	if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
	return (JSON.parse(invite.text) as { token: string }).token;
}

export { b64 as toBase64Url };
