import { json } from '@sveltejs/kit';
import { InviteSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { createInvite } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/** An admin invites a colleague: a one-time token for the link /inbox/join#<token>. */
export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	if (auth.responder.role !== 'org_admin') {
		return apiError(403, 'forbidden', 'Only an admin of the organisation can invite', null);
	}
	const body = await readJson(event.request, InviteSchema, 256);
	if (!body.ok) return body.response;
	const invite = await createInvite(db(), {
		orgKey: auth.responder.orgKey,
		role: body.data.role,
		createdBy: auth.responder.id
	});
	return json(
		{ token: invite.token, expiresAt: invite.expiresAt.toISOString() },
		{ status: 201, headers: NO_STORE }
	);
};
