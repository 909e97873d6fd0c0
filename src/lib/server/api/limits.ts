/**
 * Request body limits, per route, checked in hooks.server.ts before any endpoint runs.
 * A body larger than its route allows is answered 413 with a JSON error, without reading it.
 * Routes not listed here (pages) get GLOBAL_BODY_LIMIT, the same as scripts/serve.js gives
 * adapter-node (BODY_SIZE_LIMIT), which also stops a chunked body that grows past it.
 *
 * Help requests (issue 7): add each new endpoint's route id and its limit here.
 */
import { SHARE_MAX_BODY } from './shares';

export const GLOBAL_BODY_LIMIT = 256 * 1024;

/** Route id → largest body accepted, in bytes. 0: this route takes no body at all. */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
	'/api/shares': SHARE_MAX_BODY,
	'/api/shares/[id]': 0,
	'/api/shares/[id]/open': 0,
	'/api/shares/[id]/revoke': 1024,
	'/healthz': 0,
	'/directory/snapshot.json': 0
};

export function bodyLimitFor(routeId: string | null): number {
	const limit = routeId === null ? undefined : BODY_LIMITS[routeId];
	return limit ?? GLOBAL_BODY_LIMIT;
}
