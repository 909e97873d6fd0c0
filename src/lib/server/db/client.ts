import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import { describeError, log } from '../log';
import * as schema from './schema';

/** Either driver, one type: code above this file never knows which database it talks to. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle =
	| { driver: 'postgres'; db: Database; pool: Pool; close(): Promise<void> }
	| { driver: 'pglite'; db: Database; client: PGlite; close(): Promise<void> };

export type DbOptions = {
	/** A postgres:// URL: use that server. Otherwise the embedded PGlite. */
	databaseUrl?: string;
	/** PGlite's data directory (created with its parents), or 'memory://' for a throwaway one. */
	pgliteDir: string;
	poolSize?: number;
};

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
	if (options.databaseUrl) {
		const { default: pg } = await import('pg');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: options.poolSize ?? 10,
			application_name: 'ura',
			connectionTimeoutMillis: 10_000
		});
		// An idle connection dropped by a restarting server must not bring the app down;
		// the pool replaces it on the next query.
		pool.on('error', (error) =>
			log.warn('database connection lost', { error: describeError(error) })
		);
		return {
			driver: 'postgres',
			db: drizzle(pool, { schema }),
			pool,
			close: () => pool.end()
		};
	}
	if (!options.pgliteDir.startsWith('memory://')) mkdirSync(options.pgliteDir, { recursive: true });
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const client = await PGlite.create(options.pgliteDir);
	let closed = false;
	return {
		driver: 'pglite',
		db: drizzle(client, { schema }),
		client,
		close: async () => {
			if (closed) return;
			closed = true;
			await client.close();
		}
	};
}

/**
 * Raw SQL with typed rows, for the few queries the query builder does not express.
 * Both drivers return `{ rows }`; the shared Database type cannot know that.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
