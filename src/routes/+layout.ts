import { env } from '$env/dynamic/public';
import { langFromPath, loadNamespaces } from '$lib/i18n/index.svelte';
import { DEFAULT_QUICK_EXIT_URL } from '$lib/ui/quick-exit';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ url }) => {
	// From the path, not the route params, so that a 404 under /en is shown in English too.
	const lang = langFromPath(url.pathname);
	// pwa: the update prompt and offline messages can appear on any page.
	await loadNamespaces(lang, ['common', 'pwa']);
	return {
		lang,
		quickExitUrl: env.PUBLIC_QUICK_EXIT_URL || DEFAULT_QUICK_EXIT_URL
	};
};
