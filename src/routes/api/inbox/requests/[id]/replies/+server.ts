import { ReplySchema, RequestParamsSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson, readParams } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { addReply } from '$lib/server/help/requests';
import { accessOf } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/** A reply sealed to the survivor's reply key, and its copy sealed to the request's key. */
export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	const params = readParams(event.params, RequestParamsSchema);
	if (!params.ok) return params.response;
	const body = await readJson(event.request, ReplySchema, 50_000);
	if (!body.ok) return body.response;
	const r = auth.responder;
	if (
		!(await addReply(
			db(),
			await accessOf(db(), r),
			params.data.id,
			body.data.ciphertext,
			body.data.copy
		))
	) {
		return apiError(404, 'not_found', 'No such request in this inbox', 'id');
	}
	return new Response(null, { status: 201, headers: NO_STORE });
};
