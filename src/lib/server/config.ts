import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Server configuration, from the environment, validated once. README.md has the table.
 */
const EnvSchema = z.object({
	DATABASE_URL: z
		.string()
		.trim()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	URA_DATA_DIR: z.string().trim().min(1).default('.data'),
	URA_MIGRATIONS_DIR: z.string().trim().min(1).default('drizzle'),
	URA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10)
});

export type ServerConfig = {
	databaseUrl: string | undefined;
	dataDir: string;
	pgliteDir: string;
	migrationsDir: string;
	logLevel: 'debug' | 'info' | 'warn' | 'error';
	poolSize: number;
};

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid configuration: ${issues}`);
	}
	const e = parsed.data;
	const dataDir = resolve(e.URA_DATA_DIR);
	return {
		databaseUrl: e.DATABASE_URL,
		dataDir,
		pgliteDir: resolve(dataDir, 'pglite'),
		migrationsDir: resolve(e.URA_MIGRATIONS_DIR),
		logLevel: e.URA_LOG_LEVEL,
		poolSize: e.DATABASE_POOL_SIZE
	};
}
