import { json } from '@sveltejs/kit';
import { SignupSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { rateLimited } from '$lib/server/api/rate-limit';
import { db } from '$lib/server/db';
import { signup } from '$lib/server/help/responders';
import { csrfProblem, startSession } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/** Accepts an invitation: the account (public keys, wrapped secret keys) and a session. */
export const POST: RequestHandler = async (event) => {
	const csrf = csrfProblem(event);
	if (csrf) return csrf;
	const limited = await rateLimited(event, 'signin');
	if (limited) return limited;
	const body = await readJson(event.request, SignupSchema, 4096);
	if (!body.ok) return body.response;
	const result = await signup(db(), body.data);
	switch (result.kind) {
		case 'ok':
			await startSession(event.cookies, result.responderId);
			return json({ org: result.orgKey }, { status: 201, headers: NO_STORE });
		case 'invalid_invite':
			return apiError(404, 'not_found', 'This invitation is used up or has expired', 'token');
		case 'username_taken':
			return apiError(409, 'conflict', 'This username is taken', 'username');
		case 'org_key_required':
			return apiError(
				400,
				'invalid',
				'The first admin creates the organisation key',
				'orgPublicKey'
			);
		case 'org_key_exists':
			return apiError(409, 'conflict', 'The organisation already has a key', 'orgPublicKey');
	}
};
