import type { ServerConfig } from '../config';
import { log } from '../log';
import { openDatabase, type Database, type DbHandle } from './client';
import { runMigrations } from './migrate';

export type { Database, DbHandle } from './client';

let current: DbHandle | undefined;

/** Opens the configured database and brings its schema up to date. Called once at start. */
export async function startDatabase(config: ServerConfig): Promise<DbHandle> {
	if (current) return current;
	const handle = await openDatabase({
		databaseUrl: config.databaseUrl,
		pgliteDir: config.pgliteDir,
		poolSize: config.poolSize
	});
	try {
		await runMigrations(handle, config.migrationsDir);
	} catch (error) {
		await handle.close();
		throw error;
	}
	current = handle;
	log.info('database ready', { driver: handle.driver });
	return handle;
}

/** The app's database. Only server code (src/lib/server) can import this. */
export function db(): Database {
	if (!current) throw new Error('The database has not been started');
	return current.db;
}

export function dbDriver(): DbHandle['driver'] | undefined {
	return current?.driver;
}

export async function stopDatabase(): Promise<void> {
	const handle = current;
	current = undefined;
	if (handle) {
		await handle.close();
		log.info('database closed', { driver: handle.driver });
	}
}
