import { loadNamespaces } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
	const { lang } = await parent();
	await loadNamespaces(lang, ['mentors', 'steps', 'notes', 'crypto', 'glossary']);
};
