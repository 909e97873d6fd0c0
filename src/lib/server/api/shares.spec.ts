import { describe, expect, it } from 'vitest';
import { apiError, readJson } from './http';
import { CreateShareSchema, SHARE_MAX_BODY } from './shares';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const padded = (plain: number) =>
	new Uint8Array([1, 1, ...new Uint8Array(24), ...new Uint8Array(plain + 16)]);
const secret = b64(new Uint8Array(32).fill(7));

function post(body: unknown, type = 'application/json'): Request {
	return new Request('http://x/api/shares', {
		method: 'POST',
		headers: { 'content-type': type },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

async function errorOf(r: Awaited<ReturnType<typeof readJson>>) {
	if (r.ok) throw new Error('expected an error');
	return { status: r.response.status, ...((await r.response.json()) as { error: object }).error };
}

describe('POST /api/shares validation', () => {
	it('accepts a padded envelope with defaults of 7 days, not read-once', async () => {
		const r = await readJson(
			post({ ciphertext: b64(padded(256)), revokeSecret: secret }),
			CreateShareSchema,
			SHARE_MAX_BODY
		);
		expect(r.ok && r.data.expiresInDays).toBe(7);
		expect(r.ok && r.data.burnAfterReading).toBe(false);
	});

	it('names the field that is wrong', async () => {
		for (const [body, field] of [
			[{ ciphertext: b64(padded(256)), revokeSecret: secret, expiresInDays: 31 }, 'expiresInDays'],
			[{ ciphertext: b64(padded(256)), revokeSecret: secret, expiresInDays: 0 }, 'expiresInDays'],
			[{ ciphertext: b64(padded(256)), revokeSecret: secret, expiresInDays: 2.5 }, 'expiresInDays'],
			[{ ciphertext: b64(padded(300)), revokeSecret: secret }, 'ciphertext'],
			[{ ciphertext: 'not base64!', revokeSecret: secret }, 'ciphertext'],
			[{ ciphertext: b64(padded(256)), revokeSecret: 'short' }, 'revokeSecret'],
			[{ ciphertext: b64(padded(256)) }, 'revokeSecret'],
			[
				{ ciphertext: b64(padded(256)), revokeSecret: secret, burnAfterReading: 'yes' },
				'burnAfterReading'
			],
			[{ ciphertext: b64(padded(256)), revokeSecret: secret, ip: '1.2.3.4' }, null]
		] as const) {
			const e = await errorOf(await readJson(post(body), CreateShareSchema, SHARE_MAX_BODY));
			expect(e, JSON.stringify(body).slice(0, 80)).toMatchObject({
				status: 400,
				code: 'invalid',
				field
			});
		}
	});

	it('refuses an unpadded or non-envelope ciphertext', async () => {
		const wrongVersion = padded(256);
		wrongVersion[0] = 2;
		const e = await errorOf(
			await readJson(
				post({ ciphertext: b64(wrongVersion), revokeSecret: secret }),
				CreateShareSchema,
				SHARE_MAX_BODY
			)
		);
		expect(e).toMatchObject({ status: 400, field: 'ciphertext' });
	});

	it('refuses bad JSON, other content types and oversized bodies with clear codes', async () => {
		expect(await errorOf(await readJson(post('{oops'), CreateShareSchema, 100))).toMatchObject({
			status: 400,
			code: 'invalid_json'
		});
		expect(
			await errorOf(await readJson(post('{}', 'text/plain'), CreateShareSchema, 100))
		).toMatchObject({
			status: 415,
			code: 'unsupported_media_type'
		});
		expect(
			await errorOf(await readJson(post('x'.repeat(200)), CreateShareSchema, 100))
		).toMatchObject({
			status: 413,
			code: 'too_large'
		});
	});

	it('writes errors as { error: { code, message, field } } and never caches them', async () => {
		const res = apiError(404, 'not_found', 'No such share', 'id');
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({
			error: { code: 'not_found', message: 'No such share', field: 'id' }
		});
	});
});
