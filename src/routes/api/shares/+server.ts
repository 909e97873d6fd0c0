import { json } from '@sveltejs/kit';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { checkRateLimit } from '$lib/server/api/rate-limit';
import { CreateShareSchema, IdempotencyKeySchema, SHARE_MAX_BODY } from '$lib/server/api/shares';
import { db } from '$lib/server/db';
import { createShare } from '$lib/server/shares';
import type { RequestHandler } from './$types';

/** Stores an encrypted share. The body is ciphertext only; the key never comes here. */
export const POST: RequestHandler = async (event) => {
	const limit = await checkRateLimit(event, 'shares:create');
	if (!limit.allowed) {
		return apiError(429, 'rate_limited', 'Too many requests, try again later', null, {
			'retry-after': String(limit.retryAfterSeconds)
		});
	}
	const key = IdempotencyKeySchema.safeParse(
		event.request.headers.get('idempotency-key') ?? undefined
	);
	if (!key.success) {
		return apiError(400, 'invalid', key.error.issues[0]!.message, 'Idempotency-Key');
	}
	const body = await readJson(event.request, CreateShareSchema, SHARE_MAX_BODY);
	if (!body.ok) return body.response;
	const created = await createShare(db(), { ...body.data, idempotencyKey: key.data });
	if (created.kind === 'conflict') {
		return apiError(
			409,
			'conflict',
			'This Idempotency-Key was already used for a different share',
			'Idempotency-Key'
		);
	}
	// A replay answers exactly as the first time did, so a client that lost the first
	// answer cannot tell the difference (and makes no second share).
	return json(
		{ id: created.id, expiresAt: created.expiresAt.toISOString() },
		{ status: 201, headers: NO_STORE }
	);
};
