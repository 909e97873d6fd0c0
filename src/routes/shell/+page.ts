import { browser } from '$app/environment';
import { redirect } from '@sveltejs/kit';

// The app shell: an empty page, prerendered at build time without server rendering, so it is
// a build file the release manifest can sign. The service worker serves it for every page
// navigation; SvelteKit's router then renders the page of the address in the browser
// (src/service-worker.ts, docs/pwa.md). Nobody should land on /shell itself.
export const prerender = true;
export const ssr = false;

export const load = () => {
	if (browser) redirect(307, '/');
};
