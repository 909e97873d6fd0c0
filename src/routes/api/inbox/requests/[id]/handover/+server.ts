import { HandoverSchema, RequestParamsSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson, readParams } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { handOver } from '$lib/server/help/requests';
import { accessOf } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/** Hands a request to another organisation: the browser re-sealed it to that one's key. */
export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	const params = readParams(event.params, RequestParamsSchema);
	if (!params.ok) return params.response;
	const body = await readJson(event.request, HandoverSchema, 30_000);
	if (!body.ok) return body.response;
	const result = await handOver(
		db(),
		await accessOf(db(), auth.responder),
		params.data.id,
		body.data.org,
		body.data.ciphertext
	);
	if (result === 'unknown_org') {
		return apiError(400, 'invalid', 'This organisation cannot receive requests', 'org');
	}
	if (result === 'not_found') {
		return apiError(404, 'not_found', 'No such request in this inbox', 'id');
	}
	return new Response(null, { status: 204, headers: NO_STORE });
};
