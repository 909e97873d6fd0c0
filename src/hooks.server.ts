import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { langFromPath } from '$lib/i18n/langs';
import { appConfig } from '$lib/server/config';
import { apiError } from '$lib/server/api/http';
import { bodyLimitFor } from '$lib/server/api/limits';
import { db, startDatabase, stopDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/errors';
import { seedDirectory } from '$lib/server/directory/current';
import { NON_PAGE_CSP, SECURITY_HEADERS } from '$lib/server/http/security-headers.js';
import { describeError, log, setLogLevel } from '$lib/server/log';
import { registerPurge, startRetention } from '$lib/server/retention';
import { purgeExpiredShares } from '$lib/server/shares';
import { purgeRateLimits } from '$lib/server/api/rate-limit';
import { purgeHelpRequests } from '$lib/server/help/requests';
import { purgeResponderTokens } from '$lib/server/help/responders';

export const init: ServerInit = async () => {
	const config = appConfig();
	setLogLevel(config.logLevel);
	await startDatabase(config);
	await seedDirectory(db());
	// Deletes what has expired, now and hourly (src/lib/server/retention.ts).
	registerPurge('shares', purgeExpiredShares);
	registerPurge('help-requests', purgeHelpRequests(config.helpClosedDays));
	registerPurge('responder-tokens', purgeResponderTokens);
	registerPurge('rate-limits', purgeRateLimits);
	const stopRetention = startRetention(db);
	// Emitted by scripts/serve.js (and adapter-node's own entry) once the HTTP server has
	// finished its in-flight requests after SIGTERM/SIGINT.
	process.once('sveltekit:shutdown', () => {
		stopRetention();
		void stopDatabase();
	});
};

function withHeaders(response: Response): Response {
	const apply = (headers: Headers) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
			if (!headers.has(name)) headers.set(name, value);
		}
		if (response.status === 304) {
			// A 304 must not carry a policy: browsers merge its headers into the cached page,
			// and the restrictive one for non-pages would then block the page's own scripts.
			headers.delete('content-security-policy');
		} else if (!headers.has('content-security-policy')) {
			headers.set('content-security-policy', NON_PAGE_CSP);
		}
	};
	try {
		apply(response.headers);
		return response;
	} catch {
		// Some responses (e.g. from fetch) have immutable headers: copy, then set.
		const copy = new Response(response.body, response);
		apply(copy.headers);
		return copy;
	}
}

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
	if (origin !== null) return origin !== event.url.origin;
	return FORM_TYPES.test(headers.get('content-type') ?? '');
}

/**
 * Answers before any endpoint runs when the request is cross-site, when the body is larger than the route accepts
 * (src/lib/server/api/limits.ts), or when an API path matches no route.
 */
function refuseEarly(event: RequestEvent): Response | null {
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
function shapeErrors(event: RequestEvent, response: Response): Response {
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
			'Not found',
			null
		);
	}
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const lang = langFromPath(event.url.pathname);
	event.locals.lang = lang;
	const early = refuseEarly(event);
	const response = shapeErrors(
		event,
		early ??
			(await resolve(event, {
				transformPageChunk: ({ html }) => html.replace('%ura.lang%', lang)
			}))
	);
	// The route id, never the URL: paths and query strings stay out of the logs.
	log.info('request', {
		method: event.request.method,
		route: event.route.id ?? '(none)',
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	return withHeaders(response);
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		log.warn('database unavailable', { route: event.route.id ?? '(none)', status: 503 });
		return { message: 'Temporarily unavailable', code: 'unavailable' };
	}
	if (status !== 404) {
		log.error('unhandled error', {
			route: event.route.id ?? '(none)',
			status,
			error: describeError(error)
		});
	}
	return {
		message: status === 404 ? 'Not found' : 'Internal error',
		code: status === 404 ? 'not_found' : 'internal'
	};
};
