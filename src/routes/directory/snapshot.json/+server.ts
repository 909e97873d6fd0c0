import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import type { RequestHandler } from './$types';

/**
 * The directory snapshot: public, same origin, one stable URL. Browsers fetch it once and
 * search it on the device; the ETag lets caches (and later the service worker) revalidate
 * cheaply. The version inside says which directory version it is.
 */
export const GET: RequestHandler = async ({ request }) => {
	const current = await currentDirectory(db());
	const headers = {
		etag: current.etag,
		'cache-control': 'public, max-age=300, must-revalidate',
		'x-directory-version': String(current.version)
	};
	if (request.headers.get('if-none-match') === current.etag) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(current.json, {
		headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
	});
};
