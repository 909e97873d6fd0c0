import { servicesForCounty } from '$lib/directory/places';
import { municipalitiesInCounty } from '$lib/geo';
import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import { langFromParam } from '$lib/i18n/langs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// From the route param, not locals: the load then re-runs when the language changes.
	const lang = langFromParam(params.lang);
	const { snapshot } = await currentDirectory(db());
	const li = lang === 'sq' ? 0 : 1;
	return {
		lang,
		county: params.county,
		municipalities: municipalitiesInCounty(params.county).map((m) => m.slug),
		orgs: snapshot.orgs,
		...servicesForCounty(snapshot, params.county, li)
	};
};
