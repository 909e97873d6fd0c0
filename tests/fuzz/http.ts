/**
 * A raw HTTP/1.1 client for hostile-input tests. Not fetch: fetch refuses a body on GET,
 * rewrites invalid UTF-8 and chooses its own headers, and fuzzing needs all of those.
 */
import http from 'node:http';

export type RawRequest = {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array;
	/** Send the body with Transfer-Encoding: chunked (no Content-Length). */
	chunked?: boolean;
};

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

// One connection per request: a refused request must not be able to poison the next one on
// a reused connection, and the answer to each is judged on its own.
const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });

export function send(baseUrl: string, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
	const url = new URL(baseUrl);
	const body =
		req.body === undefined
			? undefined
			: typeof req.body === 'string'
				? Buffer.from(req.body, 'utf8')
				: Buffer.from(req.body);
	const headers: Record<string, string> = { ...req.headers };
	if (body && !req.chunked) headers['content-length'] = String(body.length);
	// Explicit: node's client chunks GET/DELETE bodies only when told to.
	if (body && req.chunked) headers['transfer-encoding'] = 'chunked';
	return new Promise((resolve, reject) => {
		const r = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: req.method,
				// The path goes out as given: tests send hostile bytes on purpose.
				path: req.path,
				headers,
				agent,
				timeout: timeoutMs
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						text: Buffer.concat(chunks).toString('utf8')
					})
				);
				res.on('error', reject);
			}
		);
		r.on('timeout', () => r.destroy(new Error('timeout')));
		r.on('error', reject);
		if (body) {
			if (req.chunked) {
				// A few chunks, so the server sees a streamed body.
				const step = Math.max(1, Math.ceil(body.length / 4));
				for (let i = 0; i < body.length; i += step) r.write(body.subarray(i, i + step));
			} else r.write(body);
		}
		r.end();
	});
}

export type ApiErrorBody = { error: { code: string; message: string; field: string | null } };

/** Parses an API error body, or says what is wrong with it. */
export function parseApiError(res: RawResponse): ApiErrorBody | string {
	if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) {
		return `content-type ${res.headers['content-type']}`;
	}
	let body: unknown;
	try {
		body = JSON.parse(res.text);
	} catch {
		return 'body is not JSON';
	}
	const e = (body as { error?: Record<string, unknown> })?.error;
	if (!e || typeof e !== 'object') return 'no error object';
	if (typeof e.code !== 'string' || !/^[a-z_]+$/.test(e.code)) return 'bad error.code';
	if (typeof e.message !== 'string' || e.message.trim().length < 3) return 'no clear message';
	if (!(e.field === null || typeof e.field === 'string')) return 'bad error.field';
	return body as ApiErrorBody;
}

/** Signs of an internal error leaking out: stack frames, file paths, driver messages. */
export const LEAK_PATTERNS = [
	/\bat [\w.<>]+ \(/,
	/\bat file:\/\//,
	/node_modules/,
	/\/src\/lib\//,
	/\.(ts|js):\d+/,
	/Failed query/i,
	/syntax error at/i,
	/invalid byte sequence/i,
	/\bstack\b/i
];

export function leaks(text: string): string | null {
	const hit = LEAK_PATTERNS.find((p) => p.test(text));
	return hit ? `response leaks internals (${hit})` : null;
}
