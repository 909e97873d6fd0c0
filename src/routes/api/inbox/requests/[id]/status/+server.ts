import { RequestParamsSchema, StatusSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson, readParams } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { setStatus } from '$lib/server/help/requests';
import { accessOf } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	const params = readParams(event.params, RequestParamsSchema);
	if (!params.ok) return params.response;
	const body = await readJson(event.request, StatusSchema, 256);
	if (!body.ok) return body.response;
	if (
		!(await setStatus(db(), await accessOf(db(), auth.responder), params.data.id, body.data.status))
	) {
		return apiError(404, 'not_found', 'No such request in this inbox', 'id');
	}
	return new Response(null, { status: 204, headers: NO_STORE });
};
