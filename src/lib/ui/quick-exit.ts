/**
 * Quick exit: leave Ura at once for a page that says nothing about it.
 * A general weather search, in Albanian, is what anyone might look at.
 * Operators can change it with PUBLIC_QUICK_EXIT_URL.
 */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.google.com/search?q=moti+sot';

/** Two presses of Escape within this many milliseconds also leave. */
export const ESCAPE_TWICE_WINDOW_MS = 1000;

type Cleanup = () => void;
const cleanups = new Set<Cleanup>();

/**
 * Registers something to wipe before leaving (in-memory answers, an unlocked notebook key).
 * Returns a function that unregisters it.
 */
export function onQuickExit(cleanup: Cleanup): () => void {
	cleanups.add(cleanup);
	return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup (locks the notebook, forgets answers in memory). */
export function clearInMemoryState(): void {
	for (const cleanup of cleanups) {
		try {
			cleanup();
		} catch {
			// Leaving matters more than a cleanup that failed.
		}
	}
}

export function quickExit(
	url: string,
	location: Pick<Location, 'replace'> = window.location
): void {
	clearInMemoryState();
	// replace(), not assign(): the page being left does not stay as a history entry.
	location.replace(url);
}

/** A keydown watcher that calls `exit` on Escape pressed twice within the window. */
export function escapeTwiceWatcher(exit: () => void, now: () => number = () => Date.now()) {
	let last = -Infinity;
	return (event: Pick<KeyboardEvent, 'key' | 'repeat'>) => {
		if (event.repeat) return;
		if (event.key !== 'Escape') {
			// Only two presses in a row count, so typing never ends in a surprise exit.
			last = -Infinity;
			return;
		}
		const t = now();
		if (t - last <= ESCAPE_TWICE_WINDOW_MS) {
			last = -Infinity;
			exit();
		} else {
			last = t;
		}
	};
}
