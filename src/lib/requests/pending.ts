/**
 * The outbox's database name, in a module of its own so that every page can look for queued
 * help requests without loading the outbox code (and idb) for people who never queued one.
 */
export const OUTBOX_DB = 'ura-outbox';

/**
 * A request written offline must go out the next time Ura is open and online, on whatever
 * page, not only when the person comes back to the help form. Only a device that has queued
 * a request has the outbox database, and only there is the outbox loaded; it then sends what
 * is waiting and listens for the connection to come back. Nothing here touches the network.
 */
export async function resumeOutbox(): Promise<void> {
	if (!(await outboxExists())) return;
	const { watchConnection } = await import('./outbox');
	watchConnection();
}

/**
 * Whether this device has the outbox database. Only queuing a request may create it: a send
 * or a look-up that opened it would otherwise bring it back, empty, after "Delete everything"
 * — a trace that the help form was used. Where the browser cannot list databases, assume it
 * exists (the queue must never be skipped).
 */
export async function outboxExists(): Promise<boolean> {
	if (typeof indexedDB === 'undefined') return false;
	if (typeof indexedDB.databases !== 'function') return true;
	return (await indexedDB.databases()).some((d) => d.name === OUTBOX_DB);
}
