import { loadNamespaces } from '$lib/i18n/index.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ parent }) => {
	const { lang } = await parent();
	await loadNamespaces(lang, ['services', 'steps', 'notes', 'crypto']);
};
