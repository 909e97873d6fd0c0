import type { ParamMatcher } from '@sveltejs/kit';
import { COUNTY_SLUGS } from '$lib/geo/slugs';

/** One of the 12 county slugs. */
export const match: ParamMatcher = (param) => COUNTY_SLUGS.has(param);
