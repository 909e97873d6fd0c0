/**
 * Retention: deletes data whose time is up. Features register a purge function; the runner
 * calls every one at start and then hourly. Safe with several app instances: each purge runs
 * in a transaction that first takes a PostgreSQL advisory transaction lock for its name, so
 * instances that wake together skip a purge another one is running (and purges are plain
 * idempotent DELETEs anyway). Timers are unref'd, so they never keep the process alive.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './db';
import { queryRows } from './db/client';
import { describeError, log } from './log';

export type PurgeFunction = (db: Database, now: Date) => Promise<number>;

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
/** First key of the two-int advisory lock; the second is hashtext(purge name). */
const RETENTION_LOCK_SPACE = 7_432_102;

const purges = new Map<string, PurgeFunction>();

/** Registers (or replaces) a purge by name, e.g. registerPurge('shares', purgeExpiredShares). */
export function registerPurge(name: string, purge: PurgeFunction): void {
	purges.set(name, purge);
}

export function registeredPurges(): string[] {
	return [...purges.keys()];
}

/**
 * Runs every registered purge once. Returns rows deleted per purge (null when another
 * instance held the lock, or the purge failed; failures are logged, never thrown).
 */
export async function runPurges(
	db: Database,
	now = new Date()
): Promise<Record<string, number | null>> {
	const result: Record<string, number | null> = {};
	for (const [name, purge] of purges) {
		try {
			result[name] = await db.transaction(async (tx) => {
				const [lock] = await queryRows<{ got: boolean }>(
					tx as unknown as Database,
					sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_SPACE}, hashtext(${name})) as got`
				);
				if (!lock?.got) return null;
				return purge(tx as unknown as Database, now);
			});
			if (result[name]) log.info('retention purge', { kind: name, purged: result[name] });
		} catch (error) {
			result[name] = null;
			log.error('retention purge failed', { kind: name, error: describeError(error) });
		}
	}
	return result;
}

/** Runs the purges now and then every `intervalMs`. Returns a function that stops it. */
export function startRetention(db: () => Database, intervalMs = RETENTION_INTERVAL_MS): () => void {
	let running: Promise<unknown> | undefined;
	const tick = () => {
		if (running) return; // a slow purge is never run twice at once by one instance
		try {
			running = runPurges(db()).finally(() => (running = undefined));
		} catch (error) {
			// The database is not open (starting or shutting down): try again next hour.
			log.warn('retention skipped', { error: describeError(error) });
		}
	};
	tick();
	const timer = setInterval(tick, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
