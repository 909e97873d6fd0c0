/**
 * A hand-off between two pages of one visit, in memory only: the returning guide opens the
 * screener with "abroad" already answered, or the help form with the municipality already
 * chosen. Answers never leave memory: nothing goes into the URL, history state or storage,
 * so a reload, another tab or a full page load simply starts empty. Each value is read once.
 *
 * It works across SvelteKit's client-side navigation, where this module stays loaded.
 * Without JavaScript the links just open the page as usual.
 */
export type HandOff = {
	/** Screener answers to start from (question id → option value). */
	screener?: Record<string, string>;
	/** A municipality slug for the help form's "an organisation that covers my municipality". */
	helpMunicipality?: string;
};

let pending: HandOff = {};

export function handOff(value: HandOff): void {
	pending = { ...pending, ...value };
}

/** Takes (and forgets) one value of the hand-off. */
export function takeHandOff<K extends keyof HandOff>(key: K): HandOff[K] {
	const value = pending[key];
	delete pending[key];
	return value;
}
