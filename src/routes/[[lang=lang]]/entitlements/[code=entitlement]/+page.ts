import { error } from '@sveltejs/kit';
import { entitlementById } from '$lib/entitlements';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	const entitlement = entitlementById(params.code);
	if (!entitlement) error(404, 'Not found');
	return { code: entitlement.id };
};
