import { MentorGroupSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { setUpMentorGroup } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/**
 * An admin sets up the organisation's peer-mentor group: the group's public key (its key pair
 * was made in the admin's browser) and the group's secret key sealed to the admin. The same
 * key again is a retry (200); another key once the group exists is a conflict.
 */
export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	if (auth.responder.role !== 'org_admin') {
		return apiError(403, 'forbidden', 'Only an admin of the organisation can set this up', null);
	}
	const body = await readJson(event.request, MentorGroupSchema, 512);
	if (!body.ok) return body.response;
	const result = await setUpMentorGroup(db(), auth.responder, body.data.publicKey, body.data.grant);
	if (result === 'conflict') {
		return apiError(409, 'conflict', 'The peer-mentor group already has a key', 'publicKey');
	}
	if (result === 'key_in_use') {
		return apiError(409, 'conflict', 'This key is already in use', 'publicKey');
	}
	return new Response(null, { status: result === 'created' ? 201 : 200, headers: NO_STORE });
};
