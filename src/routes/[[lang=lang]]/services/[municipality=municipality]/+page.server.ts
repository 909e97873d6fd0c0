import { servicesForMunicipality } from '$lib/directory/places';
import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { snapshot } = await currentDirectory(db());
	const li = locals.lang === 'sq' ? 0 : 1;
	return {
		lang: locals.lang,
		orgs: snapshot.orgs,
		place: servicesForMunicipality(snapshot, params.municipality, li)
	};
};
