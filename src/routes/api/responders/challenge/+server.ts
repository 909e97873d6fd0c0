import { json } from '@sveltejs/kit';
import { ChallengeSchema } from '$lib/server/api/help';
import { NO_STORE, readJson } from '$lib/server/api/http';
import { rateLimited } from '$lib/server/api/rate-limit';
import { db } from '$lib/server/db';
import { createChallenge } from '$lib/server/help/responders';
import { csrfProblem } from '$lib/server/help/session';
import { canonicalUsername } from '$lib/requests/account';
import type { RequestHandler } from './$types';

/**
 * Sign-in, step 1: the wrapped keys and a one-time challenge. An unknown username gets a
 * decoy that looks the same (and stays the same), so accounts cannot be listed by asking.
 */
export const POST: RequestHandler = async (event) => {
	const csrf = csrfProblem(event);
	if (csrf) return csrf;
	const limited = await rateLimited(event, 'signin');
	if (limited) return limited;
	const body = await readJson(event.request, ChallengeSchema, 512);
	if (!body.ok) return body.response;
	const c = await createChallenge(db(), canonicalUsername(body.data.username));
	const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
	return json(
		{
			challengeId: c.challengeId,
			challenge: b64(c.challenge),
			wrappedKeys: b64(c.wrappedKeys)
		},
		{ headers: NO_STORE }
	);
};
