/**
 * Every HTTP endpoint of Ura that is not a page, described once for the hostile-input
 * fuzzing (tests/e2e/fuzz.spec.ts), and, through `submissions`, for the load and fault tests.
 *
 * Adding an endpoint (e.g. the help requests of issue 7): append an entry to ENDPOINTS with
 * its method and route, how to make one valid request (`prepare`, which may first create
 * what the request refers to), a fast-check arbitrary of valid JSON bodies if it takes one,
 * its body limit (the same number as src/lib/server/api/limits.ts), the fields that carry
 * base64url, whether it honours an Idempotency-Key, and the tables it writes. The fuzz
 * spec then throws every kind of hostile input at it. A test fails if an endpoint under
 * src/routes is missing here.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { Crypto } from '../../src/lib/crypto/core';
import { ENVELOPE_OVERHEAD } from '../../src/lib/crypto/format';
import { ACCOUNT_BLOB_BYTES } from '../../src/lib/requests/account';
import {
	MESSAGE_MIN_BUCKET,
	REQUEST_MIN_BUCKET,
	SEAL_OVERHEAD
} from '../../src/lib/requests/formats';
import { BODY_LIMITS } from '../../src/lib/server/api/limits';
import {
	freshRequestId,
	helpCrypto,
	helpRequestBody,
	helpSetup,
	inviteToken,
	memberSignup,
	mentorGroupOf,
	pendingMemberId,
	responderHeaders,
	signIn,
	signInBody,
	useDatabase,
	type HelpOrg
} from './help';
import { send } from './http';

export type PreparedRequest = {
	params: Record<string, string>;
	body?: Record<string, unknown>;
	headers?: Record<string, string>;
};

export type Endpoint = {
	/** The SvelteKit route id, e.g. '/api/shares/[id]/open'. */
	route: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Makes one valid request against a running server (creating what it needs first). */
	prepare(baseUrl: string): Promise<PreparedRequest>;
	/** Valid JSON bodies (only for endpoints that take one). */
	bodies?: fc.Arbitrary<Record<string, unknown>>;
	/** Largest accepted body in bytes; 0 when the endpoint takes none. */
	maxBodyBytes: number;
	/** Body fields holding base64url (ciphertext, keys, secrets): fuzzed with bad base64. */
	base64Fields?: string[];
	/** Header that makes a retry idempotent, when the endpoint supports one. */
	idempotencyHeader?: string;
	/** Tables this endpoint inserts into, updates or deletes from. */
	writes: string[];
	/** Statuses of a valid request. */
	okStatus: number[];
};

/** The route with its [params] filled in, each percent-encoded as one path segment. */
export function pathOf(route: string, params: Record<string, string>): string {
	return route.replace(/\[(\w+)\]/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`no value for [${name}] in ${route}`);
		return encodeURIComponent(value);
	});
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** A padded version-1 envelope, as the browser makes: the server can check only its shape. */
export const envelopeBytes = fc.constantFrom(256, 512, 1024).chain((bucket) =>
	fc
		.uint8Array({
			minLength: bucket + ENVELOPE_OVERHEAD - 2,
			maxLength: bucket + ENVELOPE_OVERHEAD - 2
		})
		.map((rest) => new Uint8Array([1, 1, ...rest]))
);

export const shareBodies = fc.record({
	ciphertext: envelopeBytes.map(b64),
	expiresInDays: fc.integer({ min: 1, max: 30 }),
	burnAfterReading: fc.boolean(),
	revokeSecret: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(b64)
});

/** A fresh share through the API: its id and revocation secret. */
export async function createShareVia(
	baseUrl: string,
	options: { burnAfterReading?: boolean; idempotencyKey?: string } = {}
): Promise<{ id: string; revokeSecret: string }> {
	const revokeSecret = b64(randomBytes(32));
	const res = await send(baseUrl, {
		method: 'POST',
		path: '/api/shares',
		headers: {
			'content-type': 'application/json',
			...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {})
		},
		body: JSON.stringify({
			ciphertext: b64(new Uint8Array([1, 1, ...randomBytes(256 + ENVELOPE_OVERHEAD - 2)])),
			burnAfterReading: options.burnAfterReading ?? false,
			revokeSecret
		})
	});
	if (res.status !== 201) throw new Error(`could not create a share: ${res.status} ${res.text}`);
	return { id: (JSON.parse(res.text) as { id: string }).id, revokeSecret };
}

/** Bytes of a sealed box of a padded plaintext, as far as the server can check: random. */
const sealed = (bucket: number) =>
	fc.uint8Array({ minLength: bucket + SEAL_OVERHEAD, maxLength: bucket + SEAL_OVERHEAD }).map(b64);
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map(b64);
const id22 = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);

/** Help requests to the organisation the fuzz setup keyed (`vatra`, tests/fuzz/help.ts). */
export const helpRequestBodies = fc.record({
	lookupId: bytes(16),
	items: fc.tuple(
		fc.record({
			org: fc.constant('vatra'),
			ciphertext: fc.constantFrom(REQUEST_MIN_BUCKET, REQUEST_MIN_BUCKET * 2).chain(sealed),
			idempotencyKey: bytes(16)
		})
	)
});
const lookupBodies = fc.record({ lookupId: bytes(16) });
const messageBodies = fc.record({
	ciphertext: sealed(MESSAGE_MIN_BUCKET),
	copy: sealed(MESSAGE_MIN_BUCKET)
});
const usernames = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,20}$/);

/** A responder request: same origin, the CSRF header and the admin's session. */
async function asAdmin(baseUrl: string): Promise<Record<string, string>> {
	return responderHeaders(baseUrl, (await helpSetup(baseUrl)).cookie);
}

export const ENDPOINTS: Endpoint[] = [
	{
		route: '/api/shares',
		method: 'POST',
		prepare: async () => ({
			params: {},
			body: fc.sample(shareBodies, 1)[0]!,
			headers: { 'idempotency-key': b64(randomBytes(16)) }
		}),
		bodies: shareBodies,
		maxBodyBytes: BODY_LIMITS['/api/shares']!,
		base64Fields: ['ciphertext', 'revokeSecret'],
		idempotencyHeader: 'idempotency-key',
		writes: ['shares'],
		okStatus: [201]
	},
	{
		route: '/api/shares/[id]',
		method: 'GET',
		prepare: async (baseUrl) => ({ params: { id: (await createShareVia(baseUrl)).id } }),
		maxBodyBytes: 0,
		writes: [],
		okStatus: [200]
	},
	{
		route: '/api/shares/[id]/open',
		method: 'POST',
		prepare: async (baseUrl) => ({ params: { id: (await createShareVia(baseUrl)).id } }),
		maxBodyBytes: 0,
		writes: ['shares'],
		okStatus: [200]
	},
	{
		route: '/api/shares/[id]/revoke',
		method: 'POST',
		prepare: async (baseUrl) => {
			const share = await createShareVia(baseUrl);
			return { params: { id: share.id }, body: { revokeSecret: share.revokeSecret } };
		},
		bodies: fc.record({ revokeSecret: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(b64) }),
		maxBodyBytes: BODY_LIMITS['/api/shares/[id]/revoke']!,
		base64Fields: ['revokeSecret'],
		writes: ['shares'],
		okStatus: [204]
	},
	{
		route: '/healthz',
		method: 'GET',
		prepare: async () => ({ params: {} }),
		maxBodyBytes: 0,
		writes: [],
		okStatus: [200]
	},
	{
		route: '/directory/snapshot.json',
		method: 'GET',
		prepare: async () => ({ params: {} }),
		maxBodyBytes: 0,
		writes: [],
		okStatus: [200]
	},
	{
		route: '/api/help/requests',
		method: 'POST',
		prepare: async (baseUrl) => {
			const s = await helpSetup(baseUrl);
			return { params: {}, body: helpRequestBody(s.c, s.org) };
		},
		bodies: helpRequestBodies,
		maxBodyBytes: BODY_LIMITS['/api/help/requests']!,
		// The ciphertext and idempotency key sit in items[]; the fuzzing here is top-level.
		base64Fields: ['lookupId'],
		// Its idempotency keys are per recipient in the body (items[].idempotencyKey), not a
		// header: replays are tested in src/lib/server/help/help.spec.ts and tests/e2e.
		writes: ['help_requests'],
		okStatus: [201]
	},
	{
		route: '/api/help/replies',
		method: 'POST',
		prepare: async () => ({ params: {}, body: fc.sample(lookupBodies, 1)[0]! }),
		bodies: lookupBodies,
		maxBodyBytes: BODY_LIMITS['/api/help/replies']!,
		base64Fields: ['lookupId'],
		writes: [],
		okStatus: [200]
	},
	{
		route: '/api/help/delete',
		method: 'POST',
		prepare: async (baseUrl) => {
			// A mailbox with a request in it.
			const s = await helpSetup(baseUrl);
			const body = helpRequestBody(s.c, s.org);
			const sent = await send(baseUrl, {
				method: 'POST',
				path: '/api/help/requests',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			if (sent.status !== 201) throw new Error(`help request: ${sent.status} ${sent.text}`);
			return { params: {}, body: { lookupId: body.lookupId } };
		},
		bodies: lookupBodies,
		maxBodyBytes: BODY_LIMITS['/api/help/delete']!,
		base64Fields: ['lookupId'],
		writes: ['help_requests', 'help_replies', 'help_notes'],
		okStatus: [204]
	},
	{
		route: '/api/inbox',
		method: 'GET',
		prepare: async (baseUrl) => ({
			params: {},
			headers: { cookie: (await helpSetup(baseUrl)).cookie }
		}),
		maxBodyBytes: 0,
		writes: ['responder_sessions'],
		okStatus: [200]
	},
	{
		route: '/api/inbox/grants',
		method: 'POST',
		prepare: async (baseUrl) => {
			const s = await helpSetup(baseUrl);
			const member = await pendingMemberId(baseUrl);
			// The admin's browser seals the organisation key to the member's box key; the
			// server checks only the size, so any sealed 32 bytes do here.
			const sealedKey = b64(s.c.sealTo(s.c.boxKeyPair().publicKey, s.org.secretKey));
			return {
				params: {},
				body: { responderId: member, sealedKey },
				headers: await asAdmin(baseUrl)
			};
		},
		bodies: fc.record(
			{
				responderId: id22,
				kind: fc.constantFrom('organisation', 'peer_mentors'),
				sealedKey: bytes(32 + SEAL_OVERHEAD)
			},
			{ requiredKeys: ['responderId', 'sealedKey'] }
		),
		maxBodyBytes: BODY_LIMITS['/api/inbox/grants']!,
		base64Fields: ['sealedKey'],
		writes: ['org_key_grants'],
		okStatus: [204]
	},
	{
		route: '/api/inbox/invites',
		method: 'POST',
		prepare: async (baseUrl) => ({
			params: {},
			body: { role: 'responder' },
			headers: await asAdmin(baseUrl)
		}),
		bodies: fc.record({ role: fc.constantFrom('org_admin', 'responder', 'peer_mentor') }),
		maxBodyBytes: BODY_LIMITS['/api/inbox/invites']!,
		writes: ['responder_invites'],
		okStatus: [201]
	},
	{
		route: '/api/inbox/mentor-group',
		method: 'POST',
		prepare: async (baseUrl) => {
			// The same group key every time: the first request sets the group up (201), the
			// later ones are retries (200). Another key would be a 409.
			const s = await helpSetup(baseUrl);
			const group = await mentorGroupOf(baseUrl);
			return {
				params: {},
				body: {
					publicKey: b64(group.publicKey),
					grant: b64(s.c.sealTo(s.c.boxKeyPair().publicKey, group.secretKey))
				},
				headers: await asAdmin(baseUrl)
			};
		},
		bodies: fc.record({ publicKey: bytes(32), grant: bytes(32 + SEAL_OVERHEAD) }),
		maxBodyBytes: BODY_LIMITS['/api/inbox/mentor-group']!,
		base64Fields: ['publicKey', 'grant'],
		writes: ['help_org_keys', 'org_key_grants'],
		okStatus: [200, 201]
	},
	{
		route: '/api/inbox/requests/[id]/handover',
		method: 'POST',
		prepare: async (baseUrl) => {
			const s = await helpSetup(baseUrl);
			const id = await freshRequestId(baseUrl);
			const body = helpRequestBody(s.c, s.other);
			return {
				params: { id },
				body: { org: s.other.key, ciphertext: body.items[0]!.ciphertext },
				headers: await asAdmin(baseUrl)
			};
		},
		bodies: fc.record({
			org: fc.constant('caritas-albania'),
			ciphertext: sealed(REQUEST_MIN_BUCKET)
		}),
		maxBodyBytes: BODY_LIMITS['/api/inbox/requests/[id]/handover']!,
		base64Fields: ['ciphertext'],
		writes: ['help_requests', 'help_notes', 'help_replies'],
		okStatus: [204]
	},
	{
		route: '/api/inbox/requests/[id]/notes',
		method: 'POST',
		prepare: async (baseUrl) => ({
			params: { id: await freshRequestId(baseUrl) },
			body: fc.sample(fc.record({ ciphertext: sealed(MESSAGE_MIN_BUCKET) }), 1)[0]!,
			headers: await asAdmin(baseUrl)
		}),
		bodies: fc.record({ ciphertext: sealed(MESSAGE_MIN_BUCKET) }),
		maxBodyBytes: BODY_LIMITS['/api/inbox/requests/[id]/notes']!,
		base64Fields: ['ciphertext'],
		writes: ['help_notes'],
		okStatus: [201]
	},
	{
		route: '/api/inbox/requests/[id]/replies',
		method: 'POST',
		prepare: async (baseUrl) => ({
			params: { id: await freshRequestId(baseUrl) },
			body: fc.sample(messageBodies, 1)[0]!,
			headers: await asAdmin(baseUrl)
		}),
		bodies: messageBodies,
		maxBodyBytes: BODY_LIMITS['/api/inbox/requests/[id]/replies']!,
		base64Fields: ['ciphertext', 'copy'],
		writes: ['help_replies', 'help_notes'],
		okStatus: [201]
	},
	{
		route: '/api/inbox/requests/[id]/status',
		method: 'POST',
		prepare: async (baseUrl) => ({
			params: { id: await freshRequestId(baseUrl) },
			body: { status: 'in_progress' },
			headers: await asAdmin(baseUrl)
		}),
		bodies: fc.record({ status: fc.constantFrom('new', 'in_progress', 'closed') }),
		maxBodyBytes: BODY_LIMITS['/api/inbox/requests/[id]/status']!,
		writes: ['help_requests'],
		okStatus: [204]
	},
	{
		route: '/api/responders/challenge',
		method: 'POST',
		prepare: async (baseUrl) => {
			await helpSetup(baseUrl);
			return { params: {}, body: { username: 'fuzz-admin' }, headers: responderHeaders(baseUrl) };
		},
		// Unknown names get a decoy challenge: still 200.
		bodies: fc.record({ username: usernames }),
		maxBodyBytes: BODY_LIMITS['/api/responders/challenge']!,
		writes: ['responder_challenges'],
		okStatus: [200]
	},
	{
		route: '/api/responders/signin',
		method: 'POST',
		prepare: async (baseUrl) => ({
			params: {},
			body: await signInBody(baseUrl, await helpSetup(baseUrl)),
			headers: responderHeaders(baseUrl)
		}),
		// A random signature or challenge id: 401, never a 5xx.
		bodies: fc.record({ challengeId: id22, signature: bytes(64) }),
		maxBodyBytes: BODY_LIMITS['/api/responders/signin']!,
		base64Fields: ['signature'],
		writes: ['responder_challenges', 'responder_sessions'],
		okStatus: [204]
	},
	{
		route: '/api/responders/signout',
		method: 'POST',
		// Its own session: the one the other entries share must stay signed in.
		prepare: async (baseUrl) => ({
			params: {},
			headers: responderHeaders(baseUrl, await signIn(baseUrl, await helpSetup(baseUrl)))
		}),
		maxBodyBytes: 0,
		writes: ['responder_sessions'],
		okStatus: [204]
	},
	{
		route: '/api/responders/signup',
		method: 'POST',
		prepare: async (baseUrl) => {
			const c = await helpCrypto();
			const token = await inviteToken(baseUrl);
			const name = `fuzz-${b64(c.randomBytes(6))
				.toLowerCase()
				.replace(/[^a-z0-9]/g, 'x')}`;
			return { params: {}, body: memberSignup(c, token, name), headers: responderHeaders(baseUrl) };
		},
		// A random token is no invitation: 404, never a 5xx.
		bodies: fc.record({
			token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
			username: usernames,
			boxPublicKey: bytes(32),
			signPublicKey: bytes(32),
			wrappedKeys: bytes(ACCOUNT_BLOB_BYTES)
		}),
		maxBodyBytes: BODY_LIMITS['/api/responders/signup']!,
		base64Fields: ['boxPublicKey', 'signPublicKey', 'wrappedKeys'],
		writes: ['responders', 'responder_invites', 'responder_sessions'],
		okStatus: [201]
	}
];

/**
 * The submission the load and fault tests send: a help request sealed to an organisation
 * (`prepareSubmissions` sets it up once per database), with its idempotency key in the body
 * (items[].idempotencyKey) so that a retry after a lost answer stores nothing twice. The
 * server answers 201 when it stores it and 200 with the same answer on a replay; the answer
 * holds no id, so a stored submission is found by its key.
 */
export const submissionTable = 'help_requests';
/** The column of `submissionTable` that `submissionId` is matched against. */
export const submissionIdColumn = 'idempotency_key';
/** Statuses that mean "stored" (first time or replay). */
export const submissionStored = [201, 200];

let submissionTarget: { c: Crypto; org: HelpOrg } | undefined;

/** Keys an organisation through the server at `baseUrl` (on `databaseUrl`) to submit to. */
export async function prepareSubmissions(baseUrl: string, databaseUrl: string): Promise<void> {
	useDatabase(baseUrl, databaseUrl);
	const s = await helpSetup(baseUrl);
	submissionTarget = { c: s.c, org: s.org };
}

export function submission(): { path: string; key: string; body: string } {
	if (!submissionTarget) throw new Error('call prepareSubmissions first');
	const { c, org } = submissionTarget;
	const key = b64(c.randomBytes(16));
	return {
		path: '/api/help/requests',
		key,
		body: JSON.stringify(helpRequestBody(c, org, key))
	};
}

/** What identifies a stored submission in `submissionIdColumn`: its idempotency key. */
export function submissionId(key: string): string {
	return key;
}
