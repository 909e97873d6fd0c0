import type { ParamMatcher } from '@sveltejs/kit';
import { countyBySlugOf } from '$lib/geo';

/** One of the 12 county slugs. */
export const match: ParamMatcher = (param) => countyBySlugOf(param) !== undefined;
