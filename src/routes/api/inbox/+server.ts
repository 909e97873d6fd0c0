import { json } from '@sveltejs/kit';
import { NO_STORE } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { keyedOrganisations } from '$lib/server/help/orgs';
import { inboxFor } from '$lib/server/help/requests';
import { grantOf, pendingMembers } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/**
 * Everything the inbox page shows, as ciphertext: the browser opens the grant with the
 * responder's key, then the requests and notes with the organisation's key.
 */
export const GET: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	const me = auth.responder;
	const orgs = await keyedOrganisations(db());
	const grant = await grantOf(db(), me);
	const requests = grant ? await inboxFor(db(), me.orgKey) : [];
	const pending = me.role === 'org_admin' && grant ? await pendingMembers(db(), me.orgKey) : [];
	return json(
		{
			me: { username: me.username, role: me.role, org: me.orgKey },
			grant: grant ? b64(grant) : null,
			orgs,
			requests: requests.map((r) => ({
				id: r.id,
				ciphertext: b64(r.ciphertext),
				status: r.status,
				createdHour: r.createdHour.toISOString(),
				expiresAt: r.expiresAt.toISOString(),
				replies: r.replies,
				notes: r.notes.map(b64)
			})),
			pending: pending.map((p) => ({
				id: p.id,
				username: p.username,
				role: p.role,
				boxPublicKey: b64(p.boxPublicKey)
			}))
		},
		{ headers: NO_STORE }
	);
};
