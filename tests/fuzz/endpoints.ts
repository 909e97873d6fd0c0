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
import { ENVELOPE_OVERHEAD } from '../../src/lib/crypto/format';
import { BODY_LIMITS } from '../../src/lib/server/api/limits';
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
	}
];

/**
 * The submission the load and fault tests send: one survivor-facing write, with an
 * idempotency key so that a retry after a lost answer stores nothing twice. Today a share;
 * at merge of issue 7, point it at the help-request endpoint (same shape: status 201 on
 * first store and on a replay, and a stable id in the answer) and `submissionTable` at its
 * table. Nothing else in the load and fault tests needs to change.
 */
export const submissionTable = 'shares';

export function submission(index: number): { path: string; key: string; body: string } {
	const key = `load-${index}-${b64(randomBytes(12))}`;
	return {
		path: '/api/shares',
		key,
		body: JSON.stringify({
			ciphertext: b64(new Uint8Array([1, 1, ...randomBytes(256 + ENVELOPE_OVERHEAD - 2)])),
			revokeSecret: b64(randomBytes(32))
		})
	};
}

/** The id the server gave a stored submission (from a 201 answer). */
export function submissionId(responseText: string): string {
	return (JSON.parse(responseText) as { id: string }).id;
}
