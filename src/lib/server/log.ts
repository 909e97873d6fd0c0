/**
 * Structured logs: one JSON object per line on stdout.
 * What never goes in a log: request or response bodies, IP addresses, user agents,
 * query strings, cookies, or anything typed by a person. Callers pass only the fields
 * below, and `safeFields` drops anything else.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const ALLOWED_FIELDS = new Set([
	'event',
	'method',
	'route',
	'status',
	'ms',
	'driver',
	'migrations',
	'signal',
	'code',
	'error',
	'count',
	'port',
	'purged',
	'kind'
]);

let threshold: Level = 'info';

export function setLogLevel(level: Level): void {
	threshold = level;
}

function safeFields(fields: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(fields)) {
		if (ALLOWED_FIELDS.has(k)) out[k] = v;
	}
	return out;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (ORDER[level] < ORDER[threshold]) return;
	const line = JSON.stringify({
		time: new Date().toISOString(),
		level,
		msg,
		...safeFields(fields)
	});
	if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
	else process.stdout.write(`${line}\n`);
}

export const log = {
	debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields)
};

/** IPv4 and IPv6 addresses, as driver errors quote them ("connect ECONNREFUSED 10.0.0.5:5432"). */
const ADDRESS =
	/\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|(?:\b[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:(?:[0-9a-f]{1,4}:)*\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?/gi;

/** PostgreSQL's SQLSTATE: five digits or capital letters (e.g. 23505, 22P02). */
const SQLSTATE = /^[0-9A-Z]{5}$/;

function sqlState(error: object): string | undefined {
	const code = (error as { code?: unknown }).code;
	return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
}

/**
 * A database error's message carries data: drizzle's DrizzleQueryError says
 * "Failed query: … params: <every parameter>" (share ids, revocation hashes, ciphertext), and
 * PostgreSQL's own messages quote values ("invalid input syntax for type integer: \"…\"").
 * For those only the error classes and the SQLSTATE are logged.
 */
function isDatabaseError(error: Error): boolean {
	return (
		error.name === 'DrizzleQueryError' ||
		'query' in error ||
		'params' in error ||
		sqlState(error) !== undefined
	);
}

/**
 * An error's name and message only: no stack, no cause chain that might carry data, and no
 * network address (even the database's: the leak audit allows none in any log). For a
 * database error (or one caused by one), only its class names and SQLSTATE, never a message.
 */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return 'non-error thrown';
	const chain: Error[] = [];
	for (let e: unknown = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e);
	if (chain.some(isDatabaseError)) {
		const state = chain.map(sqlState).find((s) => s !== undefined);
		const names = [...new Set(chain.map((e) => e.constructor?.name || e.name))].join(' < ');
		return `${names}${state ? ` (SQLSTATE ${state})` : ''}`.slice(0, 300);
	}
	return `${error.name}: ${error.message}`.replace(ADDRESS, '[address]').slice(0, 300);
}
