/**
 * Disguise: Ura can show itself as "Moti" (Albanian for "the weather") / "Weather", with a
 * sun-and-cloud icon, for someone who fears that another person looks at their phone. The
 * choice lives only in this device's localStorage (the server never learns it). It changes
 * the tab title, the icons and the manifest used when adding to the home screen.
 * The first paint is handled by the inline script in src/app.html (same key, same files);
 * this module keeps it applied across client-side navigation, when Svelte sets titles.
 * Without JavaScript there is no disguise: the server cannot know about it.
 */
import type { Lang } from '$lib/i18n/langs';
import { APPLE_TOUCH_ICON_PATH, FAVICON_PATH, webManifestPath } from '$lib/pwa/paths';

export const LOOK_STORAGE_KEY = 'ura.look';
export type Look = 'ura' | 'moti';

export const DISGUISE = {
	name: { sq: 'Moti', en: 'Weather' },
	icon: '/look/moti.svg',
	touchIcon: '/look/moti-180.png',
	manifest: { sq: '/look/moti-sq.webmanifest', en: '/look/moti-en.webmanifest' }
} as const;

// Read when the module loads in the browser, so that no component (e.g. the settings
// checkbox) ever sees the default before the stored choice.
const state = $state<{ look: Look }>({
	look: typeof localStorage === 'undefined' ? 'ura' : readStoredLook()
});

export function currentLook(): Look {
	return state.look;
}

export function readStoredLook(): Look {
	try {
		return localStorage.getItem(LOOK_STORAGE_KEY) === 'moti' ? 'moti' : 'ura';
	} catch {
		return 'ura';
	}
}

/** Stores the choice (or forgets it for the default) and applies it at once. */
export function setLook(look: Look, lang: Lang): void {
	try {
		if (look === 'moti') localStorage.setItem(LOOK_STORAGE_KEY, 'moti');
		else localStorage.removeItem(LOOK_STORAGE_KEY);
	} catch {
		// Storage off (private mode): the look still applies for this visit.
	}
	state.look = look;
	applyLook(lang);
}

/** Ura's own icons and manifest: what the <link>s in src/app.html point at when not disguised. */
const URA = {
	icon: FAVICON_PATH,
	touchIcon: APPLE_TOUCH_ICON_PATH,
	manifest: { sq: webManifestPath('sq'), en: webManifestPath('en') }
} as const;

/**
 * Points the <link rel> from src/app.html at a file. This module is their only owner after
 * the first paint: nothing else (no <svelte:head>) writes them, so disguise and Ura's own
 * per-language manifest cannot undo each other.
 */
function pointLink(rel: string, href: string): void {
	let link = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
	if (!link) {
		link = document.createElement('link');
		link.rel = rel;
		document.head.append(link);
	}
	// Only when it changes: setting it makes the browser fetch the file again.
	if (link.getAttribute('href') !== href) link.setAttribute('href', href);
}

const disguiseNames: readonly string[] = Object.values(DISGUISE.name);

/**
 * The title the app last gave the page while the disguise covered it. Svelte writes titles
 * through document.title, which lands in the first <title>: the disguise's own one when the
 * page opened disguised (src/app.html), else the page's, so it must be put back by hand.
 */
let pageTitle: string | null = null;

function coverTitle(lang: Lang): void {
	const name = DISGUISE.name[lang];
	if (document.title === name) return;
	if (!disguiseNames.includes(document.title)) pageTitle = document.title;
	document.title = name;
}

export function applyLook(lang: Lang): void {
	const on = state.look === 'moti';
	const files = on ? DISGUISE : URA;
	pointLink('icon', files.icon);
	pointLink('apple-touch-icon', files.touchIcon);
	pointLink('manifest', files.manifest[lang]);
	if (on) {
		coverTitle(lang);
		return;
	}
	// The title src/app.html put first at load, when the page opened disguised.
	document.getElementById('ura-look-title')?.remove();
	if (pageTitle !== null) {
		document.title = pageTitle;
		pageTitle = null;
	}
}

/**
 * Reads the stored look, applies it, and keeps it applied when pages change the title.
 * Returns a function that stops watching.
 */
export function startLook(lang: () => Lang): () => void {
	state.look = readStoredLook();
	applyLook(lang());
	const observer = new MutationObserver(() => {
		if (state.look === 'moti') coverTitle(lang());
	});
	observer.observe(document.head, { childList: true, subtree: true, characterData: true });
	return () => observer.disconnect();
}
