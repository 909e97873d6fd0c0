import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { currentDirectory } from '$lib/server/directory/current';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { doc, snapshot } = await currentDirectory(db());
	const service = doc.services.find((s) => s.id === params.id);
	const summary = snapshot.services.find((s) => s.id === params.id);
	if (!service || !summary) error(404, 'Not found');
	const organization = doc.organizations.find((o) => o.id === service.organization_id)!;
	return { lang: locals.lang, service, summary, organization };
};
