import type { DbHandle } from './client';

/**
 * Any fixed number works as long as every instance uses the same one: it serialises
 * migrations when several app instances start at once on one PostgreSQL.
 */
const MIGRATION_LOCK_ID = 7_432_101;

export async function runMigrations(handle: DbHandle, migrationsFolder: string): Promise<void> {
	if (handle.driver === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		// A PGlite directory belongs to one process at a time, so no lock is needed.
		await migrate(handle.db as Parameters<typeof migrate>[0], { migrationsFolder });
		return;
	}
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	const client = await handle.pool.connect();
	try {
		await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
		try {
			await migrate(drizzle(client), { migrationsFolder });
		} finally {
			await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
		}
	} finally {
		client.release();
	}
}
