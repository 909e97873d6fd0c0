import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { langFromPath } from '$lib/i18n/langs';
import { webManifestPath } from '$lib/pwa/paths';
import { appConfig } from '$lib/server/config';
import { db, startDatabase, stopDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/errors';
import { checkBundledData } from '$lib/server/data-check';
import { seedDirectory } from '$lib/server/directory/current';
import { refuseEarly, shapeErrors } from '$lib/server/http/guards';
import { NON_PAGE_CSP, SECURITY_HEADERS } from '$lib/server/http/security-headers.js';
import { describeError, log, setLogLevel } from '$lib/server/log';
import { registerPurge, startRetention } from '$lib/server/retention';
import { purgeExpiredShares } from '$lib/server/shares';
import { purgeRateLimits } from '$lib/server/api/rate-limit';
import { purgeHelpRequests } from '$lib/server/help/requests';
import { purgeResponderTokens } from '$lib/server/help/responders';

export const init: ServerInit = async () => {
	checkBundledData();
	// Prerendering the app shell (src/routes/shell) needs no database.
	if (building) return;
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

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const lang = langFromPath(event.url.pathname);
	event.locals.lang = lang;
	const early = refuseEarly(event);
	const response = shapeErrors(
		event,
		early ??
			(await resolve(event, {
				transformPageChunk: ({ html }) =>
					html.replace('%ura.lang%', lang).replace('%ura.manifest%', webManifestPath(lang))
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
