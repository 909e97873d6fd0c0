// Plain JavaScript so that scripts/serve.js (static files) and hooks.server.ts (pages and
// API) send the very same headers. The Content-Security-Policy of pages comes from Kit's
// `csp` config (svelte.config.js), because it carries the hashes of Kit's inline scripts.

/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = Object.freeze({
	'Referrer-Policy': 'no-referrer',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	// Deny every powerful feature Ura does not use; none of them is ever asked for.
	'Permissions-Policy': [
		'accelerometer=()',
		'autoplay=()',
		'browsing-topics=()',
		'camera=()',
		'display-capture=()',
		'geolocation=()',
		'gyroscope=()',
		'hid=()',
		'magnetometer=()',
		'microphone=()',
		'midi=()',
		'payment=()',
		'publickey-credentials-get=()',
		'serial=()',
		'usb=()',
		'xr-spatial-tracking=()'
	].join(', ')
});

/** A restrictive policy for responses that are not pages (static files, JSON, errors). */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The service worker runs under the policy of its own script response: it may fetch from
 * this origin (precache, release manifest, page data) and nothing else.
 */
export const SERVICE_WORKER_CSP =
	"default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The service worker script's path (src/lib/pwa/updates.svelte.ts registers it). */
export const SERVICE_WORKER_PATH = '/service-worker.js';
