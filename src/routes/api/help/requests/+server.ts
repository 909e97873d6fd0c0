import { json } from '@sveltejs/kit';
import { SUBMIT_MAX_BODY, SubmitRequestSchema } from '$lib/server/api/help';
import { apiError, NO_STORE, readJson } from '$lib/server/api/http';
import { rateLimited } from '$lib/server/api/rate-limit';
import { appConfig } from '$lib/server/config';
import { db } from '$lib/server/db';
import { submitHelpRequest } from '$lib/server/help/requests';
import type { RequestHandler } from './$types';

/**
 * A help request, sealed in the browser to each recipient organisation. No cookie is read or
 * set, and nothing about the sender (address, user agent) is stored. The same idempotency
 * keys again (a retry from the browser's queue) store nothing new: 201 the first time,
 * 200 with the same answer after that.
 */
export const POST: RequestHandler = async (event) => {
	const limited = await rateLimited(event, 'help:submit');
	if (limited) return limited;
	const body = await readJson(event.request, SubmitRequestSchema, SUBMIT_MAX_BODY);
	if (!body.ok) return body.response;
	const result = await submitHelpRequest(db(), body.data, {
		requestDays: appConfig().helpRequestDays
	});
	switch (result.kind) {
		case 'unknown_org':
			return apiError(
				400,
				'invalid',
				'This organisation cannot receive requests',
				`items.${result.index}.org`
			);
		case 'conflict':
			return apiError(409, 'conflict', 'These idempotency keys belong to another request', 'items');
		default:
			return json(
				{ received: result.received, expiresAt: result.expiresAt.toISOString() },
				{ status: result.kind === 'created' ? 201 : 200, headers: NO_STORE }
			);
	}
};
