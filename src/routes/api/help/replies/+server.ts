import { json } from '@sveltejs/kit';
import { LookupSchema } from '$lib/server/api/help';
import { NO_STORE, readJson } from '$lib/server/api/http';
import { rateLimited } from '$lib/server/api/rate-limit';
import { db } from '$lib/server/db';
import { repliesFor } from '$lib/server/help/requests';
import type { RequestHandler } from './$types';

/**
 * The replies in the mailbox of a lookup id (derived from a pickup code in the browser).
 * POST, so the id is never in a URL. An unknown id and an empty mailbox get the same answer.
 */
export const POST: RequestHandler = async (event) => {
	const limited = await rateLimited(event, 'help:replies');
	if (limited) return limited;
	const body = await readJson(event.request, LookupSchema, 256);
	if (!body.ok) return body.response;
	const replies = await repliesFor(db(), body.data.lookupId);
	return json(
		{ replies: replies.map((r) => Buffer.from(r).toString('base64url')) },
		{ headers: NO_STORE }
	);
};
