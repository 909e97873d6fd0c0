import { getContext, setContext } from 'svelte';
import type { Snapshot } from '$lib/directory/snapshot';

// The directory snapshot for the screener's results ("who can help near you"). The page loads
// it before the first question, so answering never makes a request.
const KEY = Symbol('ura:directory');

export function setDirectory(snapshot: Snapshot): void {
	setContext(KEY, snapshot);
}

export function getDirectory(): Snapshot | undefined {
	return getContext<Snapshot | undefined>(KEY);
}
