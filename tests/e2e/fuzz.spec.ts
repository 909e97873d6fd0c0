/**
 * Hostile input, property-based (fast-check), against a real server on a real PostgreSQL:
 * every endpoint in tests/fuzz/endpoints.ts gets malformed JSON, wrong types, huge bodies,
 * unicode edge cases, bad base64 and ciphertext, hostile path parameters, wrong media types
 * and methods, and replayed idempotency keys. Each answer must be a 4xx with the JSON error
 * shape and a clear message, never a 5xx, never a stack trace, and no table may change.
 * FUZZ_RUNS sets the runs per property (CI: 15; `npm run test:stress`: 200).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { ENDPOINTS, envelopeBytes, pathOf, type Endpoint } from '../fuzz/endpoints';
import { useDatabase } from '../fuzz/help';
import { leaks, parseApiError, send, type RawRequest, type RawResponse } from '../fuzz/http';
import { createPostgresDatabase } from '../helpers/db';
import { dropUnlessAudited } from './helpers/databases';
import { expect, test } from './fixtures';
import { startServer, type RunningServer } from './helpers/server';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.URA_REQUIRE_PG === '1') {
	throw new Error('URA_REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
}
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);

/** Strings that have broken real servers: surrogates, NUL, bidi controls, 4-byte emoji… */
function looksLikeUsername(x: string): boolean {
	return /^[a-z0-9][a-z0-9._-]{2,39}$/.test(x.normalize('NFC').trim().toLowerCase());
}

const nastyString = fc.oneof(
	fc.constantFrom(
		'\ud800',
		'a\udfffb',
		'\u0000',
		'x\u0000y',
		'\u202eevil\u202c',
		'\u200f\u200e',
		'😀👩‍👩‍👧‍👦',
		'\ufeff',
		'e\u0301\u0301\u0301',
		'𝕦𝕣𝕒',
		'\u2028\u2029',
		'%00',
		'%zz',
		'../../etc/passwd',
		"'; drop table shares; --",
		'<script>alert(1)</script>',
		'a'.repeat(5000)
	),
	// Random strings, except those that happen to be valid values: fast-check once drew "0--",
	// a perfectly good username (3–40 of a–z, digits, . _ -, after NFC, trim and lower case).
	fc.string({ unit: 'grapheme', maxLength: 40 }).filter((x) => !looksLikeUsername(x)),
	fc.string({ unit: 'binary', maxLength: 40 }).filter((x) => !looksLikeUsername(x))
);

/** Any JSON value of a different kind than `v` (string vs number vs object…). */
function otherKind(v: unknown): fc.Arbitrary<unknown> {
	const kind = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
	return fc
		.oneof(
			fc.integer(),
			fc.double({ noNaN: true, noDefaultInfinity: true }),
			fc.boolean(),
			fc.constant(null),
			fc.array(fc.integer(), { maxLength: 3 }),
			fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
			nastyString
		)
		.filter((x) => kind(x) !== kind(v));
}

/** base64 that is not the canonical base64url of a valid value. */
const badBase64 = fc.oneof(
	fc.constantFrom('', '=', 'AAAA====', 'a', 'ab+/cd==', ' AAAA', 'AAAA\n', '!!!!', '\u00e9\u00e9'),
	fc.base64String({ minLength: 4, maxLength: 64 }).filter((s) => /[+/=]/.test(s)),
	// The right alphabet, one character too many (length % 4 == 1 is never valid).
	fc.stringMatching(/^[A-Za-z0-9_-]{41}$/),
	// Valid base64url of bytes that are not a padded version-1 envelope.
	fc
		.oneof(
			envelopeBytes.map((b) => new Uint8Array([2, ...b.subarray(1)])),
			envelopeBytes.map((b) => b.subarray(0, b.length - 1)),
			// Not 32 bytes (a well-formed secret or public key: a wrong one is a 404, tested
			// elsewhere) nor 16 (a well-formed lookup id: an unknown one is an empty mailbox).
			fc
				.uint8Array({ minLength: 0, maxLength: 50 })
				.filter((b) => b.length !== 32 && b.length !== 16)
		)
		.map((b) => Buffer.from(b).toString('base64url'))
);

/** Invalid JSON texts and bytes. */
const malformedJson = fc.oneof(
	fc.constantFrom('{', '}', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '{"a":01}', '\ufeff{}', ''),
	fc.string({ maxLength: 60 }).filter((s) => {
		try {
			JSON.parse(s);
			return false;
		} catch {
			return true;
		}
	}),
	fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => new Uint8Array([0xc3, 0x28, ...b]))
);

test.describe('hostile input on every endpoint', () => {
	test.skip(!adminUrl, 'needs TEST_DATABASE_URL (scripts/test.sh starts PostgreSQL)');
	test.setTimeout(300_000);

	let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
	let server: RunningServer;
	let client: pg.Client;
	let tables: string[];

	test.beforeAll(async () => {
		database = await createPostgresDatabase(adminUrl!);
		// Rate limits off: hundreds of requests come from one address, and their counters
		// would be rows written by refused requests.
		server = await startServer({ DATABASE_URL: database.url, URA_RATE_LIMITS: 'off' });
		useDatabase(server.url, database.url);
		client = new pg.Client({ connectionString: database.url });
		await client.connect();
		const { rows } = await client.query<{ t: string }>(
			`select table_name as t from information_schema.tables
			 where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
		);
		tables = rows.map((r) => r.t);
	});

	test.afterAll(async () => {
		await client?.end();
		await server?.stop();
		await dropUnlessAudited(database);
	});

	/** Rows in every table: a refused request must leave each count as it was. */
	async function rowCounts(): Promise<Record<string, number>> {
		const { rows } = await client.query<Record<string, number>>(
			`select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`
		);
		return rows[0]!;
	}

	/** Sends a request that must be refused, and checks everything the answer must be. */
	async function refused(req: RawRequest, expectStatus?: number[]): Promise<RawResponse> {
		const before = await rowCounts();
		const res = await send(server.url, req);
		const where = `${req.method} ${req.path.slice(0, 80)}`;
		expect(res.status, `${where}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
		expect(res.status, `${where}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
		if (expectStatus)
			expect(expectStatus, `${where}: ${res.text.slice(0, 200)}`).toContain(res.status);
		const shape = parseApiError(res);
		expect(typeof shape === 'string' ? shape : 'ok', `${where}: ${res.text.slice(0, 200)}`).toBe(
			'ok'
		);
		expect(leaks(res.text), where).toBeNull();
		expect(res.headers['x-content-type-options'], where).toBe('nosniff');
		expect(res.headers['content-security-policy'], where).toBeTruthy();
		expect(await rowCounts(), `${where}: no row written or deleted`).toEqual(before);
		return res;
	}

	function request(
		e: Endpoint,
		prepared: { params: Record<string, string>; headers?: Record<string, string> },
		body?: string | Uint8Array,
		extra: Partial<RawRequest> = {}
	): RawRequest {
		return {
			method: e.method,
			path: pathOf(e.route, prepared.params),
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...prepared.headers
			},
			...(body !== undefined ? { body } : {}),
			...extra
		};
	}

	test('the registry lists every endpoint under src/routes, with its methods', () => {
		const found: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (name === '+server.ts') {
					const route = '/' + relative('src/routes', dir).split(sep).join('/');
					const source = readFileSync(path, 'utf8');
					for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
						found.push(`${m[1]} ${route === '/' ? '/' : route.replace(/\/$/, '')}`);
					}
				}
			}
		};
		walk('src/routes');
		expect(ENDPOINTS.map((e) => `${e.method} ${e.route}`).sort()).toEqual(found.sort());
	});

	for (const e of ENDPOINTS) {
		test.describe(`${e.method} ${e.route}`, () => {
			test('a valid request succeeds (so the refusals below are about the input)', async () => {
				const p = await e.prepare(server.url);
				const res = await send(server.url, request(e, p, p.body && JSON.stringify(p.body)));
				expect(e.okStatus, res.text.slice(0, 200)).toContain(res.status);
				expect(leaks(res.text)).toBeNull();
				if (e.bodies) {
					await fc.assert(
						fc.asyncProperty(e.bodies, async (body) => {
							const q = await e.prepare(server.url);
							const r = await send(server.url, request(e, q, JSON.stringify(body)));
							// A random valid revokeSecret does not match: 404, never a 5xx.
							expect(r.status).toBeLessThan(500);
						}),
						{ numRuns: Math.min(RUNS, 10) }
					);
				}
			});

			if (e.maxBodyBytes === 0) {
				test('any body is refused with 413, plain or chunked', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						fc.asyncProperty(
							// Not empty: an empty body with Content-Length: 0 is no body at all.
							fc.oneof(malformedJson, fc.json()).filter((b) => b.length > 0),
							fc.boolean(),
							async (body, chunked) => {
								const r = request(e, p, body, { chunked });
								// GET with a body is odd but legal HTTP: 400 (GET takes none) or 413.
								await refused(r, [400, 413]);
							}
						),
						{ numRuns: RUNS }
					);
				});
			} else {
				test('malformed JSON and invalid UTF-8 get 400', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						fc.asyncProperty(malformedJson, async (body) => {
							await refused(request(e, p, body), [400]);
						}),
						{ numRuns: RUNS }
					);
				});

				test('a field of the wrong type gets 400 naming that field', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						fc.asyncProperty(
							e.bodies!.chain((body) =>
								fc
									.constantFrom(...Object.keys(body))
									.chain((key) => otherKind(body[key]).map((value) => ({ body, key, value })))
							),
							async ({ body, key, value }) => {
								const res = await refused(
									request(e, p, JSON.stringify({ ...body, [key]: value })),
									[400]
								);
								expect((JSON.parse(res.text) as { error: { field: string } }).error.field).toBe(
									key
								);
							}
						),
						{ numRuns: RUNS }
					);
				});

				test('unicode edge cases in any field, or as an extra field, get 400', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						fc.asyncProperty(e.bodies!, nastyString, fc.boolean(), async (body, nasty, asExtra) => {
							const key = Object.keys(body)[0]!;
							const mutated = asExtra
								? { ...body, [nasty || 'x']: nasty }
								: { ...body, [key]: nasty };
							const text = JSON.stringify(mutated);
							// A long value can push a small body over its limit: 413 is right then.
							const over = Buffer.byteLength(text) > e.maxBodyBytes;
							await refused(request(e, p, text), over ? [413] : [400]);
						}),
						{ numRuns: RUNS }
					);
				});

				test('a body over the limit gets 413, plain or chunked, and is not stored', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						fc.asyncProperty(
							fc.integer({ min: e.maxBodyBytes + 1, max: Math.max(e.maxBodyBytes * 3, 400_000) }),
							fc.boolean(),
							async (size, chunked) => {
								const text = JSON.stringify({ ...p.body, pad: '' });
								const body = text.replace(
									'"pad":""',
									`"pad":"${'x'.repeat(Math.max(0, size - text.length))}"`
								);
								await refused(request(e, p, body, { chunked }), [413]);
							}
						),
						{ numRuns: Math.min(RUNS, 10) }
					);
				});

				test('a body that is not application/json gets 415', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						fc.asyncProperty(
							fc.constantFrom(
								'text/plain',
								'application/x-www-form-urlencoded',
								'multipart/form-data; boundary=x',
								'application/jsonx',
								''
							),
							async (type) => {
								const r = request(e, p, JSON.stringify(p.body));
								r.headers = { ...r.headers, 'content-type': type };
								if (!type) delete r.headers['content-type'];
								// Form types without an Origin are refused as cross-site first (403).
								await refused(r, [403, 415]);
							}
						),
						{ numRuns: 5 }
					);
				});

				for (const field of e.base64Fields ?? []) {
					test(`bad base64 or ciphertext in ${field} gets 400 naming it`, async () => {
						const p = await e.prepare(server.url);
						await fc.assert(
							fc.asyncProperty(e.bodies!, badBase64, async (body, bad) => {
								// A long value can push a small body over its limit: 413 is right then.
								const res = await refused(
									request(e, p, JSON.stringify({ ...body, [field]: bad })),
									[400, 413]
								);
								if (res.status === 400) {
									const error = (JSON.parse(res.text) as { error: { field: string } }).error;
									expect(error.field).toBe(field);
								}
							}),
							{ numRuns: RUNS }
						);
					});
				}
			}

			if (/\[\w+\]/.test(e.route)) {
				test('hostile path parameters get a 4xx', async () => {
					const p = await e.prepare(server.url);
					await fc.assert(
						// Lone surrogates cannot be percent-encoded; their raw bytes are sent below.
						fc.asyncProperty(
							nastyString.filter((s) => s.isWellFormed()),
							async (nasty) => {
								const params = Object.fromEntries(
									Object.keys(p.params).map((k) => [k, nasty || 'x'])
								);
								const body = p.body ? JSON.stringify(p.body) : undefined;
								await refused(request(e, { ...p, params }, body), [400, 404]);
							}
						),
						{ numRuns: RUNS }
					);
					// Raw bytes and broken percent-encoding, which encodeURIComponent never makes.
					for (const raw of ['%', '%zz', '%c3%28', '%00', '%ed%a0%80']) {
						const path = pathOf(
							e.route,
							Object.fromEntries(Object.keys(p.params).map((k) => [k, 'X']))
						).replace('X', raw);
						await refused(
							{ ...request(e, p, p.body ? JSON.stringify(p.body) : undefined), path },
							[400, 404]
						);
					}
				});
			}

			test('another method gets 405', async () => {
				const p = await e.prepare(server.url);
				const other = e.method === 'GET' ? 'DELETE' : 'PUT';
				await refused({ method: other, path: pathOf(e.route, p.params) }, [405]);
			});

			if (e.idempotencyHeader) {
				test('a replayed idempotency key returns the first answer and stores once; reused for another body it is refused', async () => {
					await fc.assert(
						fc.asyncProperty(
							e.bodies!,
							e.bodies!,
							fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
							async (body, other, key) => {
								// Two draws can be the same body (shrinking makes both minimal): then the
								// reuse below is a true replay, not "another body".
								fc.pre(JSON.stringify(other) !== JSON.stringify(body));
								const p = await e.prepare(server.url);
								const headers = { ...p.headers, [e.idempotencyHeader!]: key };
								const before = await rowCounts();
								const first = await send(
									server.url,
									request(e, { ...p, headers }, JSON.stringify(body))
								);
								const again = await send(
									server.url,
									request(e, { ...p, headers }, JSON.stringify(body))
								);
								expect(e.okStatus).toContain(first.status);
								expect(again.status).toBe(first.status);
								expect(again.text).toBe(first.text);
								const after = await rowCounts();
								for (const t of e.writes) expect(after[t]).toBe(before[t]! + 1);
								await refused(request(e, { ...p, headers }, JSON.stringify(other)), [409]);
							}
						),
						{ numRuns: RUNS }
					);
					// A malformed key is refused before anything is stored.
					const p = await e.prepare(server.url);
					for (const bad of ['short', 'has space in it!!', 'x'.repeat(200)]) {
						await refused(
							request(
								e,
								{ ...p, headers: { [e.idempotencyHeader!]: bad } },
								JSON.stringify(p.body)
							),
							[400]
						);
					}
				});
			}
		});
	}

	test('the server logged no stack trace while being fuzzed', () => {
		expect(server.output()).not.toMatch(/\n\s+at [\w.<>]+ \(/);
		expect(server.output()).not.toMatch(/"level":"error"/);
	});
});
