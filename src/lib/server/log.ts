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

/**
 * An error's name and message only: no stack, no cause chain that might carry data, and no
 * network address (even the database's: the leak audit allows none in any log).
 */
export function describeError(error: unknown): string {
	if (error instanceof Error) {
		return `${error.name}: ${error.message}`.replace(ADDRESS, '[address]').slice(0, 300);
	}
	return 'non-error thrown';
}
