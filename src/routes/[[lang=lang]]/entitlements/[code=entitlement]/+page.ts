import { error } from '@sveltejs/kit';
import { entitlementById } from '$lib/entitlements';
import { loadNamespaces } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
	const entitlement = entitlementById(params.code);
	if (!entitlement) error(404, 'Not found');
	// "What to do next" saves into the notebook (its unlock and create forms).
	const { lang } = await parent();
	await loadNamespaces(lang, ['notes', 'crypto']);
	return { code: entitlement.id };
};
