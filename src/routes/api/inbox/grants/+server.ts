import { GrantSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { addGrant } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/**
 * An admin's browser sealed one of the organisation's keys (staff or peer-mentor group) to a
 * member: store that grant, if the member's role may hold that key.
 */
export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	if (auth.responder.role !== 'org_admin') {
		return apiError(403, 'forbidden', 'Only an admin of the organisation can give access', null);
	}
	const body = await readJson(event.request, GrantSchema, 512);
	if (!body.ok) return body.response;
	const done = await addGrant(
		db(),
		auth.responder.orgKey,
		body.data.responderId,
		body.data.sealedKey,
		body.data.kind
	);
	if (done === 'not_found') return apiError(404, 'not_found', 'No such member', 'responderId');
	if (done === 'not_for_role') {
		return apiError(403, 'forbidden', 'This member’s role may not hold this key', 'kind');
	}
	if (done === 'no_key') {
		return apiError(409, 'conflict', 'The organisation has not set up this key', 'kind');
	}
	return new Response(null, { status: 204, headers: NO_STORE });
};
