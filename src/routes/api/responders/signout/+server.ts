import { NO_STORE } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { endSession } from '$lib/server/help/responders';
import { clearSession, csrfProblem, sessionToken } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const csrf = csrfProblem(event);
	if (csrf) return csrf;
	const token = sessionToken(event.cookies);
	if (token) await endSession(db(), token);
	clearSession(event.cookies);
	return new Response(null, { status: 204, headers: NO_STORE });
};
