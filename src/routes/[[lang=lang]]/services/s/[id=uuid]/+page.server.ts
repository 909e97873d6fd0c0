import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import { langFromParam } from '$lib/i18n/langs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// From the route param, not locals: the load then re-runs when the language changes.
	const lang = langFromParam(params.lang);
	const { doc, snapshot } = await currentDirectory(db());
	const service = doc.services.find((s) => s.id === params.id);
	const summary = snapshot.services.find((s) => s.id === params.id);
	if (!service || !summary) error(404, 'Not found');
	const organization = doc.organizations.find((o) => o.id === service.organization_id)!;
	return { lang, service, summary, organization };
};
