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

/** Points a <link rel> at the disguise file, remembering the original to restore it. */
function swapLink(rel: string, disguised: string | null, create: boolean): void {
	let link = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
	if (!link) {
		if (!create || !disguised) return;
		link = document.createElement('link');
		link.rel = rel;
		link.dataset.uraAdded = '';
		document.head.append(link);
	}
	if (link.dataset.uraHref === undefined && link.dataset.uraAdded === undefined) {
		// Resolved now: "./favicon.svg" would point elsewhere after client-side navigation.
		link.dataset.uraHref = link.href;
	}
	if (disguised) {
		if (link.getAttribute('href') !== disguised) link.setAttribute('href', disguised);
	} else if (link.dataset.uraAdded !== undefined) {
		link.remove();
	} else if (link.dataset.uraHref !== undefined && link.href !== link.dataset.uraHref) {
		// Only when it changed: setting it makes the browser fetch the icon again.
		link.setAttribute('href', link.dataset.uraHref);
	}
}

let originalTitle: string | null = null;

export function applyLook(lang: Lang): void {
	const on = state.look === 'moti';
	swapLink('icon', on ? DISGUISE.icon : null, false);
	swapLink('apple-touch-icon', on ? DISGUISE.touchIcon : null, true);
	swapLink('manifest', on ? DISGUISE.manifest[lang] : null, true);
	if (on) {
		if (document.title !== DISGUISE.name[lang]) {
			originalTitle = document.title;
			document.title = DISGUISE.name[lang];
		}
	} else {
		// The title src/app.html put first at load, when the page opened disguised.
		document.getElementById('ura-look-title')?.remove();
	}
	if (!on && originalTitle !== null && document.title === DISGUISE.name[lang]) {
		document.title = originalTitle;
		originalTitle = null;
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
		if (state.look !== 'moti') return;
		const name = DISGUISE.name[lang()];
		if (document.title !== name) {
			originalTitle = document.title;
			document.title = name;
		}
	});
	observer.observe(document.head, { childList: true, subtree: true, characterData: true });
	return () => observer.disconnect();
}
