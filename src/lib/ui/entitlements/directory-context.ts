import { getContext, setContext } from 'svelte';
import type { Snapshot } from '$lib/directory/snapshot';

/**
 * The directory snapshot for the screener's results ("who can help near you"). The page asks
 * for it as soon as it opens, the same request for everyone and before the first question,
 * so answering never makes a request; it is not inlined into the page's HTML, which it would
 * make several times larger on a slow connection.
 */
export type Directory = { snapshot: Snapshot | undefined };

const KEY = Symbol('ura:directory');
export const SNAPSHOT_URL = '/directory/snapshot.json';

export function setDirectory(directory: Directory): void {
	setContext(KEY, directory);
}

export function getDirectory(): Directory | undefined {
	return getContext<Directory | undefined>(KEY);
}

/** Fills `directory` from the server; if it cannot be had, the results do not list services. */
export async function loadDirectory(directory: Directory): Promise<void> {
	try {
		const res = await fetch(SNAPSHOT_URL, { credentials: 'same-origin' });
		if (res.ok) directory.snapshot = (await res.json()) as Snapshot;
	} catch {
		// Offline or refused: the results simply do not list services.
	}
}
