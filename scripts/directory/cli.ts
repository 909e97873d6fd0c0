import { readConfig } from '../../src/lib/server/config';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';

/**
 * The database the app uses (DATABASE_URL, or PGlite in URA_DATA_DIR), migrated. With
 * PGlite, stop the app first: an embedded database belongs to one process at a time.
 */
export async function openAppDatabase(): Promise<DbHandle> {
	const config = readConfig();
	const handle = await openDatabase({
		databaseUrl: config.databaseUrl,
		pgliteDir: config.pgliteDir,
		poolSize: 2
	});
	await runMigrations(handle, config.migrationsDir);
	return handle;
}

export function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}
