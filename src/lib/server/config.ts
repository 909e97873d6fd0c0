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
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
	/** Behind a proxy: the header with the client address (hashed for rate limits only). */
	ADDRESS_HEADER: z.string().trim().toLowerCase().optional(),
	/** Help requests expire this many days after they arrive, whatever their status. */
	URA_HELP_REQUEST_DAYS: z.coerce.number().int().min(1).max(365).default(60),
	/** Closed requests (and their replies and notes) are deleted this many days after closing. */
	URA_HELP_CLOSED_DAYS: z.coerce.number().int().min(0).max(365).default(30),
	/**
	 * Secure on the session cookie. Only for plain-http development on a host that is not
	 * localhost/127.0.0.1 (browsers treat those as secure contexts and accept Secure cookies).
	 */
	URA_COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
	/** 'off' turns every rate limit off (load tests); otherwise per-bucket URA_RATE_* below. */
	URA_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
	URA_RATE_HELP_SUBMIT: z.string().optional(),
	URA_RATE_HELP_REPLIES: z.string().optional(),
	URA_RATE_HELP_DELETE: z.string().optional(),
	URA_RATE_SIGNIN: z.string().optional(),
	URA_RATE_SHARES: z.string().optional()
});

/** A limit: at most `max` requests per `windowSeconds` per address; max 0 = no limit. */
export type RateLimit = { max: number; windowSeconds: number };
export type RateLimitBucket =
	| 'help:submit'
	| 'help:replies'
	| 'help:delete'
	| 'signin'
	| 'shares:create'
	| 'shares:read'
	| 'shares:revoke';

/**
 * Default limits per address (a shelter's shared Wi-Fi is one address, so they are not tight).
 * Override with e.g. URA_RATE_HELP_SUBMIT=20/3600 ("count/seconds"; 0/60 = unlimited).
 */
export const DEFAULT_RATE_LIMITS: Record<RateLimitBucket, RateLimit> = {
	'help:submit': { max: 30, windowSeconds: 3600 },
	'help:replies': { max: 60, windowSeconds: 600 },
	'help:delete': { max: 30, windowSeconds: 3600 },
	signin: { max: 30, windowSeconds: 600 },
	'shares:create': { max: 120, windowSeconds: 3600 },
	'shares:read': { max: 600, windowSeconds: 600 },
	'shares:revoke': { max: 120, windowSeconds: 3600 }
};

function parseLimit(name: string, text: string | undefined, fallback: RateLimit): RateLimit {
	if (text === undefined || text.trim() === '') return fallback;
	const m = /^\s*(\d{1,7})\s*\/\s*(\d{1,7})\s*$/.exec(text);
	if (!m || Number(m[2]) < 1) throw new Error(`Invalid configuration: ${name}: use count/seconds`);
	return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}

export type ServerConfig = {
	databaseUrl: string | undefined;
	dataDir: string;
	pgliteDir: string;
	migrationsDir: string;
	logLevel: 'debug' | 'info' | 'warn' | 'error';
	poolSize: number;
	addressHeader: string | undefined;
	helpRequestDays: number;
	helpClosedDays: number;
	cookieSecure: boolean;
	rateLimits: Record<RateLimitBucket, RateLimit> | 'off';
};

let active: ServerConfig | undefined;

/** The configuration the running app started with (read once, at start). */
export function appConfig(): ServerConfig {
	active ??= readConfig();
	return active;
}

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
		poolSize: e.DATABASE_POOL_SIZE,
		addressHeader: e.ADDRESS_HEADER || undefined,
		helpRequestDays: e.URA_HELP_REQUEST_DAYS,
		helpClosedDays: e.URA_HELP_CLOSED_DAYS,
		cookieSecure: e.URA_COOKIE_SECURE === 'true',
		rateLimits:
			e.URA_RATE_LIMITS === 'off'
				? 'off'
				: {
						'help:submit': parseLimit(
							'URA_RATE_HELP_SUBMIT',
							e.URA_RATE_HELP_SUBMIT,
							DEFAULT_RATE_LIMITS['help:submit']
						),
						'help:replies': parseLimit(
							'URA_RATE_HELP_REPLIES',
							e.URA_RATE_HELP_REPLIES,
							DEFAULT_RATE_LIMITS['help:replies']
						),
						'help:delete': parseLimit(
							'URA_RATE_HELP_DELETE',
							e.URA_RATE_HELP_DELETE,
							DEFAULT_RATE_LIMITS['help:delete']
						),
						signin: parseLimit('URA_RATE_SIGNIN', e.URA_RATE_SIGNIN, DEFAULT_RATE_LIMITS.signin),
						'shares:create': parseLimit(
							'URA_RATE_SHARES',
							e.URA_RATE_SHARES,
							DEFAULT_RATE_LIMITS['shares:create']
						),
						'shares:read': parseLimit(
							'URA_RATE_SHARES',
							e.URA_RATE_SHARES,
							DEFAULT_RATE_LIMITS['shares:read']
						),
						'shares:revoke': parseLimit(
							'URA_RATE_SHARES',
							e.URA_RATE_SHARES,
							DEFAULT_RATE_LIMITS['shares:revoke']
						)
					}
	};
}
