import { localCounts } from '$lib/directory/places';
import { geo } from '$lib/geo';
import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import { langFromParam } from '$lib/i18n/langs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// From the route param, not locals: the load then re-runs when the language changes.
	const lang = langFromParam(params.lang);
	const { snapshot } = await currentDirectory(db());
	const counts = localCounts(snapshot);
	return {
		lang,
		counties: geo.counties.map((c) => ({
			slug: c.slug,
			municipalities: geo.municipalities
				.filter((m) => m.county === c.slug)
				.map((m) => ({ slug: m.slug, count: counts.get(m.slug) ?? 0 }))
		}))
	};
};
