import type { ParamMatcher } from '@sveltejs/kit';
import { MUNICIPALITY_SLUGS } from '$lib/geo/slugs';

/** One of the 61 municipality slugs (data/geo/albania.json). */
export const match: ParamMatcher = (param) => MUNICIPALITY_SLUGS.has(param);
