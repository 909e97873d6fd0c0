import { online as windowOnline } from 'svelte/reactivity/window';

/**
 * Whether the device says it is online, as reactive state (Svelte's own `online`, from the
 * browser's online/offline events). `undefined` while rendering on the server: treat that
 * as "probably online" and let the browser correct it.
 *
 * For forms that need the server (sending a help request, opening a shared link): check
 * `isOffline()` before sending, and show <OfflineNotice /> so the person knows why.
 */
export const online = windowOnline;

export function isOffline(): boolean {
	return online.current === false;
}

/** A failed fetch() while offline rejects with a TypeError, not an HTTP status. */
export function isNetworkError(error: unknown): boolean {
	return error instanceof TypeError;
}
