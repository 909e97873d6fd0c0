/**
 * Request guards used by hooks.server.ts: what is refused before any route runs (cross-site
 * writes, bodies over the route's limit, unknown API paths), and how errors of machine
 * endpoints are shaped (always `{ error: { code, message, field } }`, never HTML or a stack;
 * a database outage is a 503 with Retry-After).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { apiError } from '../api/http';
import { bodyLimitFor } from '../api/limits';

/** Machine endpoints: their errors are JSON `{ error: { code, message, field } }`, never HTML. */
function isApiPath(pathname: string): boolean {
	return (
		pathname.startsWith('/api/') || pathname === '/healthz' || pathname.startsWith('/directory/')
	);
}

/** Seconds a client should wait before retrying while the database is unreachable. */
const UNAVAILABLE_RETRY_AFTER = '5';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Content types a plain HTML form on another site can send without a CORS preflight. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

function hostOf(origin: string): string | null {
	try {
		return new URL(origin).host;
	} catch {
		return null; // "null" (sandboxed frames, file://) and garbage: never same-site
	}
}

/**
 * Cross-site request forgery: a state-changing request from a page of another origin is
 * refused, whatever its content type (stricter than Kit's own check, which it replaces so
 * the answer is JSON). Requests without Origin (curl, servers) may send JSON only; every
 * browser sends Origin on a cross-site form post.
 */
function isCrossSite(event: RequestEvent): boolean {
	if (SAFE_METHODS.has(event.request.method)) return false;
	const headers = event.request.headers;
	if (headers.get('sec-fetch-site') === 'cross-site') return true;
	const origin = headers.get('origin');
	if (origin !== null) {
		// With ORIGIN set (as in production, README), the exact origin. Without it adapter-node
		// guesses https for the app's own URL while a plain-http run (the tests) sends http:
		// then host and port must match.
		const configured = process.env.ORIGIN;
		if (configured) return origin !== new URL(configured).origin;
		return hostOf(origin) !== event.url.host;
	}
	return FORM_TYPES.test(headers.get('content-type') ?? '');
}

/**
 * Answers before any endpoint runs when the request is cross-site, when the body is larger
 * than the route accepts (src/lib/server/api/limits.ts), or when an API path matches no route.
 */
export function refuseEarly(event: RequestEvent): Response | null {
	if (isCrossSite(event)) {
		return apiError(403, 'cross_site', 'Requests from other sites are not accepted', null);
	}
	const limit = bodyLimitFor(event.route.id);
	const length = event.request.headers.get('content-length');
	const declared = length === null ? 0 : Number(length);
	const chunked = event.request.headers.has('transfer-encoding');
	if (!Number.isFinite(declared) || declared > limit || (limit === 0 && chunked)) {
		return apiError(
			413,
			'too_large',
			limit === 0 ? 'This address takes no request body' : `At most ${limit} bytes`,
			null
		);
	}
	if (event.route.id === null && event.url.pathname.startsWith('/api/')) {
		return apiError(404, 'not_found', 'No such API endpoint', null);
	}
	return null;
}

/** Errors of machine endpoints in the one JSON shape; a database outage is a 503 anywhere. */
export function shapeErrors(event: RequestEvent, response: Response): Response {
	const api = isApiPath(event.url.pathname);
	if (event.locals.databaseUnavailable) {
		if (api) {
			return apiError(503, 'unavailable', 'Temporarily unavailable, try again shortly', null, {
				'retry-after': UNAVAILABLE_RETRY_AFTER
			});
		}
		const headers = new Headers(response.headers);
		headers.set('retry-after', UNAVAILABLE_RETRY_AFTER);
		return new Response(response.body, { status: 503, headers });
	}
	if (!api || response.status < 400) return response;
	const type = response.headers.get('content-type') ?? '';
	if (response.status === 405) {
		return apiError(
			405,
			'method_not_allowed',
			`${event.request.method} is not allowed here`,
			null,
			{
				allow: response.headers.get('allow') ?? ''
			}
		);
	}
	if (response.status >= 500) {
		return apiError(500, 'internal', 'Something went wrong on our side', null);
	}
	if (!type.startsWith('application/json')) {
		return apiError(
			response.status,
			response.status === 404 ? 'not_found' : 'invalid',
			response.status === 404 ? 'Not found' : 'Invalid request',
			null
		);
	}
	return response;
}
