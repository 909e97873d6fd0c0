/**
 * The device's outbox for help requests: requests are sealed before they are queued, so
 * IndexedDB holds ciphertext only (and the mailbox's lookup id, until sent). A queued request
 * is sent now, again when the browser comes back online, and on a timer with backoff. Every
 * retry reuses the same idempotency keys, so the server stores it exactly once. While the
 * browser knows it has no network (`navigator.onLine` false) nothing is tried: the `online`
 * event sends the queue. `onLine` true does not prove a working connection, so failures
 * while "online" still back off and retry.
 * Own queue, not Workbox background sync: it must work whether or not a service worker runs.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { OUTBOX_DB, outboxExists } from './pending';
const STORE = 'pending';

export type OutboxItem = {
	/** Local id (random). */
	id: string;
	/** The JSON body for POST /api/help/requests. */
	body: string;
	attempts: number;
};

export type OutboxState = 'queued' | 'sent' | 'failed';
type Listener = (id: string, state: OutboxState) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;
let listening = false;

function open(): Promise<IDBPDatabase> {
	return openDB(OUTBOX_DB, 1, {
		upgrade(db) {
			db.createObjectStore(STORE, { keyPath: 'id' });
		}
	});
}

export function onOutboxChange(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

function emit(id: string, state: OutboxState) {
	for (const l of listeners) l(id, state);
}

/** Backoff: 2 s, 4 s, 8 s … at most 5 minutes. */
export function backoffMs(attempts: number): number {
	return Math.min(2000 * 2 ** Math.max(0, attempts - 1), 300_000);
}

/** Queues a sealed request and tries to send it at once. */
export async function enqueue(body: string): Promise<string> {
	const id = crypto.randomUUID();
	const db = await open();
	await db.put(STORE, { id, body, attempts: 0 } satisfies OutboxItem);
	db.close();
	watchConnection();
	void flushOutbox();
	return id;
}

/** Whether a request is still waiting on this device. */
export async function isPending(id: string): Promise<boolean> {
	if (!(await outboxExists())) return false;
	const db = await open();
	const item = await db.get(STORE, id);
	db.close();
	return item !== undefined;
}

export async function pendingCount(): Promise<number> {
	if (!(await outboxExists())) return 0;
	const db = await open();
	const n = await db.count(STORE);
	db.close();
	return n;
}

/** Starts listening for `online` (once per page) and sends what is left from earlier visits. */
export function watchConnection(): void {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	window.addEventListener('online', () => void flushOutbox());
	void flushOutbox();
}

/** Sends every queued request once; what cannot be sent now is retried later. */
export function flushOutbox(): Promise<void> {
	flushing ??= send().finally(() => (flushing = undefined));
	return flushing;
}

async function send(): Promise<void> {
	if (typeof navigator !== 'undefined' && navigator.onLine === false) {
		// No attempt that is bound to fail; the `online` listener sends the queue.
		if (timer) clearTimeout(timer);
		timer = undefined;
		return;
	}
	if (!(await outboxExists())) return;
	const db = await open();
	try {
		const items = (await db.getAll(STORE)) as OutboxItem[];
		let retryIn: number | undefined;
		for (const item of items) {
			let status = 0;
			try {
				const res = await fetch('/api/help/requests', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: item.body,
					credentials: 'omit',
					cache: 'no-store'
				});
				status = res.status;
			} catch {
				status = 0; // offline or the connection dropped: the server may or may not have it
			}
			if (status === 200 || status === 201) {
				await db.delete(STORE, item.id);
				emit(item.id, 'sent');
			} else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
				// The server refused it as it is (e.g. the organisation has no key any more).
				await db.delete(STORE, item.id);
				emit(item.id, 'failed');
			} else {
				const attempts = item.attempts + 1;
				await db.put(STORE, { ...item, attempts });
				emit(item.id, 'queued');
				const wait = backoffMs(attempts);
				retryIn = retryIn === undefined ? wait : Math.min(retryIn, wait);
			}
		}
		if (timer) clearTimeout(timer);
		timer = retryIn === undefined ? undefined : setTimeout(() => void flushOutbox(), retryIn);
	} finally {
		db.close();
	}
}
