import { NoteSchema, RequestParamsSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson, readParams } from '$lib/server/api/http';
import { db } from '$lib/server/db';
import { addNote } from '$lib/server/help/requests';
import { accessOf } from '$lib/server/help/responders';
import { requireResponder } from '$lib/server/help/session';
import type { RequestHandler } from './$types';

/** An internal note, sealed in the browser to the key the request was sealed to. */
export const POST: RequestHandler = async (event) => {
	const auth = await requireResponder(event);
	if (!auth.ok) return auth.response;
	const params = readParams(event.params, RequestParamsSchema);
	if (!params.ok) return params.response;
	const body = await readJson(event.request, NoteSchema, 30_000);
	if (!body.ok) return body.response;
	if (
		!(await addNote(
			db(),
			await accessOf(db(), auth.responder),
			params.data.id,
			body.data.ciphertext
		))
	) {
		return apiError(404, 'not_found', 'No such request in this inbox', 'id');
	}
	return new Response(null, { status: 201, headers: NO_STORE });
};
