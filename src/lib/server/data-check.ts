import geoData from '../../../data/geo/albania.json';
import sourcesData from '../../../data/sources.json';
import { GeoDataSchema } from '$lib/geo/schema';
import { SourcesSchema } from '$lib/sources/schema';

/**
 * The data files the pages use as they are (without zod in the browser), checked once when
 * the server starts: a bad edit stops the server (and the build's prerendering, and the
 * tests) with zod's message naming the field, instead of reaching a person.
 */
export function checkBundledData(): void {
	GeoDataSchema.parse(geoData);
	SourcesSchema.parse(sourcesData);
}
