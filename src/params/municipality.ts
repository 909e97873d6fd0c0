import type { ParamMatcher } from '@sveltejs/kit';
import { municipalityBySlug } from '$lib/geo';

/** One of the 61 municipality slugs (data/geo/albania.json). */
export const match: ParamMatcher = (param) => municipalityBySlug(param) !== undefined;
