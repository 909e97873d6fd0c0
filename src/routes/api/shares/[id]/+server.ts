import { json } from '@sveltejs/kit';
import { apiError, NO_STORE, readParams } from '$lib/server/api/http';
import { checkRateLimit } from '$lib/server/api/rate-limit';
import { ShareParamsSchema } from '$lib/server/api/shares';
import { db } from '$lib/server/db';
import { getShare } from '$lib/server/shares';
import type { RequestHandler } from './$types';

/**
 * Expiry and read-once flag, and the ciphertext unless the share is read-once (then it is
 * released only by POST …/open, so a link preview fetching this URL cannot burn it).
 */
export const GET: RequestHandler = async (event) => {
	const limit = await checkRateLimit(event, 'shares:read');
	if (!limit.allowed) {
		return apiError(429, 'rate_limited', 'Too many requests, try again later', null, {
			'retry-after': String(limit.retryAfterSeconds)
		});
	}
	const params = readParams(event.params, ShareParamsSchema);
	if (!params.ok) return params.response;
	const share = await getShare(db(), params.data.id);
	if (!share) return apiError(404, 'not_found', 'No such share: expired, revoked or read', 'id');
	return json(
		{
			expiresAt: share.expiresAt.toISOString(),
			burnAfterReading: share.burnAfterReading,
			...(share.ciphertext
				? { ciphertext: Buffer.from(share.ciphertext).toString('base64url') }
				: {})
		},
		{ headers: NO_STORE }
	);
};
