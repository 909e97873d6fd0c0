import type { ParamMatcher } from '@sveltejs/kit';

/** A lowercase UUID: service pages are addressed by id, never by a descriptive key. */
export const match: ParamMatcher = (param) =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(param);
