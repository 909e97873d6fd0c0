import { loadNamespaces } from '$lib/i18n/index.svelte';
import type { Snapshot } from '$lib/directory/snapshot';
import type { PageLoad } from './$types';

/**
 * The directory snapshot comes with the page (SvelteKit inlines a server-side fetch into the
 * HTML), so "who can help near you" needs no request once the questions start. If it cannot
 * be had, the results simply do not list services.
 */
export const load: PageLoad = async ({ parent, fetch }) => {
	const { lang } = await parent();
	const [snapshot] = await Promise.all([
		fetch('/directory/snapshot.json')
			.then((r) => (r.ok ? (r.json() as Promise<Snapshot>) : undefined))
			.catch(() => undefined),
		loadNamespaces(lang, ['notes', 'crypto'])
	]);
	return { snapshot };
};
