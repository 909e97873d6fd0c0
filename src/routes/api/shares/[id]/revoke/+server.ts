import { apiError, NO_STORE, readJson, readParams } from '$lib/server/api/http';
import { checkRateLimit } from '$lib/server/api/rate-limit';
import { RevokeShareSchema, ShareParamsSchema } from '$lib/server/api/shares';
import { db } from '$lib/server/db';
import { revokeShare } from '$lib/server/shares';
import type { RequestHandler } from './$types';

/** Deletes a share, given the revocation secret from the sharer's notebook. */
export const POST: RequestHandler = async (event) => {
	const limit = await checkRateLimit(event, 'shares:revoke');
	if (!limit.allowed) {
		return apiError(429, 'rate_limited', 'Too many requests, try again later', null, {
			'retry-after': String(limit.retryAfterSeconds)
		});
	}
	const params = readParams(event.params, ShareParamsSchema);
	if (!params.ok) return params.response;
	const body = await readJson(event.request, RevokeShareSchema, 1024);
	if (!body.ok) return body.response;
	// A wrong secret and a missing share look the same: nothing to learn by guessing.
	if (!(await revokeShare(db(), params.data.id, body.data.revokeSecret))) {
		return apiError(404, 'not_found', 'No such share, or the secret does not match', 'id');
	}
	return new Response(null, { status: 204, headers: NO_STORE });
};
