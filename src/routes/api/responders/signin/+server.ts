import { SignInSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { rateLimited } from '$lib/server/api/rate-limit';
import { db } from '$lib/server/db';
import { verifySignIn } from '$lib/server/help/responders';
import { csrfProblem, startSession } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/** Sign-in, step 2: the challenge signed with the account's Ed25519 key → a session cookie. */
export const POST: RequestHandler = async (event) => {
	const csrf = csrfProblem(event);
	if (csrf) return csrf;
	const limited = await rateLimited(event, 'signin');
	if (limited) return limited;
	const body = await readJson(event.request, SignInSchema, 512);
	if (!body.ok) return body.response;
	const responderId = await verifySignIn(db(), body.data.challengeId, body.data.signature);
	if (!responderId) return apiError(401, 'unauthorized', 'Sign-in failed', null);
	await startSession(event.cookies, responderId);
	return new Response(null, { status: 204, headers: NO_STORE });
};
