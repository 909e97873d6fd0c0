/**
 * The service worker's rules, as plain functions so they can be tested without a browser.
 * Cache names are versioned: one precache per release (ura-precache-<version>, old ones
 * deleted when a new release activates) and one cache of public data whose format is
 * versioned by hand (bump DATA_CACHE when what is stored in it changes shape).
 */
export const PRECACHE_PREFIX = 'ura-precache-';
export const DATA_CACHE = 'ura-data-v1';
/** The prerendered app shell (src/routes/shell), served for every page navigation. */
export const SHELL_PATH = '/shell';

export const SW_MESSAGES = {
	/** From the service worker: a new release failed its checks and was not installed. */
	refused: 'ura:update-refused'
} as const;

/** Paths that are never pages, so a navigation to them goes to the network untouched. */
const NOT_PAGES = [
	/^\/api\//,
	/^\/healthz$/,
	/^\/directory\//,
	/^\/_app\//,
	/^\/release-manifest/,
	/^\/service-worker\.js$/,
	// Files: /manifest.webmanifest, /icons/…png, /favicon.svg
	/\.[a-z0-9]+$/i
];

export function isShellNavigation(url: URL): boolean {
	return !NOT_PAGES.some((p) => p.test(url.pathname));
}

/**
 * Public data the service worker may keep for offline use: the directory snapshot and the
 * data of the directory pages. An allowlist, so that a future page whose server data is
 * personal is never cached by accident; /api/ is never cached.
 */
export function isPublicData(url: URL): boolean {
	if (url.pathname === '/directory/snapshot.json') return true;
	return /^(\/en)?\/services(\/[^/]+)*\/__data\.json$/.test(url.pathname);
}

/**
 * Kit's /_app/env.js is `export const env={…}` with the runtime public settings. It is the
 * one script the server writes at run time, so it is accepted only when it is an object of
 * string literals — anything else (code) is refused. Returns the module text, or null.
 */
export function sanitizeEnvModule(text: string): string | null {
	const body = text.trim();
	const key = String.raw`(?:[A-Za-z_$][\w$]*|"(?:[^"\\\n]|\\.)*")`;
	const value = String.raw`"(?:[^"\\\n]|\\.)*"`;
	const pattern = new RegExp(String.raw`^export const env=\{(?:${key}:${value},?)*\}$`);
	return pattern.test(body) ? body : null;
}

/** The security headers copied from the server's response for the shell, when stored. */
export const KEPT_HEADERS = [
	'content-type',
	'referrer-policy',
	'x-content-type-options',
	'x-frame-options',
	'cross-origin-opener-policy',
	'cross-origin-resource-policy',
	'permissions-policy'
] as const;

/**
 * Headers for the shell when the service worker serves it. The Content-Security-Policy is
 * rebuilt from the shell's own <meta> (which is covered by the release signature), plus
 * frame-ancestors, which a <meta> policy cannot carry.
 */
export function shellHeaders(html: string, stored: Headers): Headers {
	const headers = new Headers();
	for (const name of KEPT_HEADERS) {
		const value = stored.get(name);
		if (value) headers.set(name, value);
	}
	headers.set('content-type', 'text/html; charset=utf-8');
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
	const policy = meta
		?.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
	headers.set(
		'content-security-policy',
		policy ? `${policy}; frame-ancestors 'none'` : "default-src 'none'"
	);
	return headers;
}
