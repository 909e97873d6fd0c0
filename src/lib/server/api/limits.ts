/**
 * Request body limits, per route, checked in hooks.server.ts before any endpoint runs.
 * A body larger than its route allows is answered 413 with a JSON error, without reading it.
 * Routes not listed here (pages) get GLOBAL_BODY_LIMIT, the same as scripts/serve.js gives
 * adapter-node (BODY_SIZE_LIMIT), which also stops a chunked body that grows past it.
 * A route may also check a smaller limit of its own (readJson); the numbers here match.
 */
import { SUBMIT_MAX_BODY } from './help';
import { SHARE_MAX_BODY } from './shares';

export const GLOBAL_BODY_LIMIT = 256 * 1024;

/** Route id → largest body accepted, in bytes. 0: this route takes no body at all. */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
	'/api/shares': SHARE_MAX_BODY,
	'/api/shares/[id]': 0,
	'/api/shares/[id]/open': 0,
	'/api/shares/[id]/revoke': 1024,
	'/healthz': 0,
	'/directory/snapshot.json': 0,
	'/api/help/requests': SUBMIT_MAX_BODY,
	'/api/help/replies': 256,
	'/api/help/delete': 256,
	'/api/inbox': 0,
	'/api/inbox/grants': 512,
	'/api/inbox/invites': 256,
	'/api/inbox/mentor-group': 512,
	'/api/inbox/requests/[id]/handover': 30_000,
	'/api/inbox/requests/[id]/notes': 30_000,
	'/api/inbox/requests/[id]/replies': 50_000,
	'/api/inbox/requests/[id]/status': 256,
	'/api/responders/challenge': 512,
	'/api/responders/signin': 512,
	'/api/responders/signout': 0,
	'/api/responders/signup': 4096
};

export function bodyLimitFor(routeId: string | null): number {
	const limit = routeId === null ? undefined : BODY_LIMITS[routeId];
	return limit ?? GLOBAL_BODY_LIMIT;
}
