/**
 * Responder sessions over HTTP: the cookie, and the checks every responder endpoint makes.
 *
 * The cookie is HttpOnly, Secure, SameSite=Strict, 8 hours at most and 30 minutes idle; the
 * database has only a hash of its token. State-changing requests also need the page's own
 * Origin and the header `x-ura-csrf: 1`, which a cross-site form cannot send and a
 * cross-site fetch cannot send without a CORS preflight that this app never answers.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { appConfig } from '../config';
import { db } from '../db';
import { apiError } from '../api/http';
import { createSession, sessionResponder, type Responder } from './responders';

const SECURE_NAME = '__Host-ura_s';
const PLAIN_NAME = 'ura_s';

function cookieName(): string {
	// __Host- makes the browser insist on Secure, path=/ and no Domain.
	return appConfig().cookieSecure ? SECURE_NAME : PLAIN_NAME;
}

export async function startSession(cookies: Cookies, responderId: string): Promise<void> {
	const { token, expiresAt } = await createSession(db(), responderId);
	cookies.set(cookieName(), token, {
		path: '/',
		httpOnly: true,
		secure: appConfig().cookieSecure,
		sameSite: 'strict',
		expires: expiresAt
	});
}

export function sessionToken(cookies: Cookies): string | undefined {
	return cookies.get(cookieName());
}

export function clearSession(cookies: Cookies): void {
	cookies.delete(cookieName(), { path: '/', secure: appConfig().cookieSecure });
}

/**
 * Same origin and the custom header: refuses what another site could make a browser send.
 * The Origin's host must be this request's host. The scheme is not compared: without ORIGIN
 * or PROTOCOL_HEADER, adapter-node assumes https while a local http test sends http; another
 * site cannot have the same host. A browser's own `Sec-Fetch-Site`, when sent, must say
 * same-origin too.
 */
export function csrfProblem(event: Pick<RequestEvent, 'request' | 'url'>): Response | null {
	const headers = event.request.headers;
	let sameHost: boolean;
	try {
		sameHost = new URL(headers.get('origin') ?? '').host === event.url.host;
	} catch {
		sameHost = false;
	}
	const site = headers.get('sec-fetch-site');
	if (!sameHost || (site !== null && site !== 'same-origin') || headers.get('x-ura-csrf') !== '1') {
		return apiError(403, 'forbidden', 'Cross-site request refused', null);
	}
	return null;
}

export type Authed = { ok: true; responder: Responder } | { ok: false; response: Response };

/** The signed-in responder; for POST/PUT/DELETE also the CSRF checks. */
export async function requireResponder(
	event: Pick<RequestEvent, 'request' | 'url' | 'cookies'>
): Promise<Authed> {
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		const problem = csrfProblem(event);
		if (problem) return { ok: false, response: problem };
	}
	const token = sessionToken(event.cookies);
	const responder = token ? await sessionResponder(db(), token) : null;
	if (!responder) {
		return { ok: false, response: apiError(401, 'unauthorized', 'Sign in first', null) };
	}
	return { ok: true, responder };
}
