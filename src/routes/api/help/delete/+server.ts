import { LookupSchema } from '$lib/server/api/help';
import { NO_STORE, readJson } from '$lib/server/api/http';
import { rateLimited } from '$lib/server/api/rate-limit';
import { db } from '$lib/server/db';
import { deleteByLookup } from '$lib/server/help/requests';
import type { RequestHandler } from './$types';

/**
 * Deletes every request (with its replies and notes) of the mailbox. Knowing the lookup id
 * proves holding the pickup code (128 bits derived from it). Always 204: whether anything
 * was there is not said.
 */
export const POST: RequestHandler = async (event) => {
	const limited = await rateLimited(event, 'help:delete');
	if (limited) return limited;
	const body = await readJson(event.request, LookupSchema, 256);
	if (!body.ok) return body.response;
	await deleteByLookup(db(), body.data.lookupId);
	return new Response(null, { status: 204, headers: NO_STORE });
};
