/**
 * Whether an error means "the database cannot be reached right now" (restarting, down,
 * connection dropped, pool timed out), as opposed to a bug. Those requests get a 503 with
 * Retry-After, and the pool reconnects on its own once the server is back.
 */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
	// PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now.
	'57P01',
	'57P02',
	'57P03'
]);

const CONNECTION_MESSAGES = [
	/connection terminated/i,
	/timeout exceeded when trying to connect/i,
	/client has encountered a connection error/i,
	/cannot use a pool after calling end/i,
	/the database has not been started/i
];

export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e = error, depth = 0; e && depth < 5; depth++) {
		if (typeof e !== 'object') return false;
		const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
		// Class 08: connection exceptions.
		if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) {
			return true;
		}
		if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(message))) {
			return true;
		}
		// Drizzle wraps driver errors ("Failed query: …") with the original as the cause.
		e = cause;
	}
	return false;
}
