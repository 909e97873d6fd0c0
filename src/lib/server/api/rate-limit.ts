/**
 * Rate limiting: the seam every survivor-facing endpoint calls. For now it allows every
 * request. The help-request work (issue 7) fills it in: limits keyed by a keyed hash of
 * the client address with a daily rotating secret (ADDRESS_HEADER, README), counted in the
 * database so that several instances share them, raw addresses never stored or logged.
 * Endpoints already answer 429 `rate_limited` with Retry-After when it says no.
 */
import type { RequestEvent } from '@sveltejs/kit';

export type RateLimitBucket = 'shares:create' | 'shares:read' | 'shares:revoke';

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkRateLimit(
	_event: Pick<RequestEvent, 'request' | 'getClientAddress'>,
	_bucket: RateLimitBucket
): Promise<RateLimitDecision> {
	return { allowed: true };
}
