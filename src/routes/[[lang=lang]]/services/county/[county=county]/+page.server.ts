import { servicesForCounty } from '$lib/directory/places';
import { municipalitiesInCounty } from '$lib/geo';
import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { snapshot } = await currentDirectory(db());
	const li = locals.lang === 'sq' ? 0 : 1;
	return {
		lang: locals.lang,
		county: params.county,
		municipalities: municipalitiesInCounty(params.county).map((m) => m.slug),
		orgs: snapshot.orgs,
		...servicesForCounty(snapshot, params.county, li)
	};
};
