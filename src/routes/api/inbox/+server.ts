import { json } from '@sveltejs/kit';
import { NO_STORE } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { keyedOrganisations, publishedKey } from '$lib/server/help/orgs';
import { inboxFor } from '$lib/server/help/requests';
import { accessOf, grantsOf, pendingMembers } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/**
 * Everything the inbox page shows, as ciphertext: the browser opens the grants with the
 * responder's key, then the requests and notes with the organisation's staff key or its
 * peer-mentor group key. Only requests sealed to a key this member holds are listed.
 */
export const GET: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	const me = auth.responder;
	const orgs = await keyedOrganisations(db());
	const grants = await grantsOf(db(), me);
	const requests = await inboxFor(db(), await accessOf(db(), me));
	// An admin holding either key can give it: the admin's page lists only members waiting for
	// a key this admin holds (an admin with only the group key grants it to peer mentors).
	const pending =
		me.role === 'org_admin' && (grants.organisation || grants.peer_mentors)
			? await pendingMembers(db(), me.orgKey)
			: [];
	const mentorKey = await publishedKey(db(), me.orgKey, 'peer_mentors');
	return json(
		{
			me: { username: me.username, role: me.role, org: me.orgKey },
			grant: grants.organisation ? b64(grants.organisation) : null,
			mentorGrant: grants.peer_mentors ? b64(grants.peer_mentors) : null,
			/** The peer-mentor group's published key, once set up. */
			mentorKey,
			orgs,
			requests: requests.map((r) => ({
				id: r.id,
				audience: r.audience,
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
				kind: p.kind,
				boxPublicKey: b64(p.boxPublicKey)
			}))
		},
		{ headers: NO_STORE }
	);
};
