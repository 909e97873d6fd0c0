#!/usr/bin/env node
// Production server: Kit's adapter-node handler behind our own http.Server.
// Why not `node build`: adapter-node serves static files (sirv) before Kit's `handle` hook
// runs, so those responses would miss the security headers. Here every response gets them.
// Shutdown follows adapter-node: on SIGTERM/SIGINT stop accepting, finish in-flight
// requests, then emit 'sveltekit:shutdown' so the app closes its database.
import http from 'node:http';
import process from 'node:process';
import {
	NON_PAGE_CSP,
	SECURITY_HEADERS,
	SERVICE_WORKER_CSP,
	SERVICE_WORKER_PATH
} from '../src/lib/server/http/security-headers.js';

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000;
// adapter-node reads this when its handler loads; survivor payloads are small.
process.env.BODY_SIZE_LIMIT ??= '256K';

const startedAt = performance.now();
/** @type {{ handler: import('node:http').RequestListener }} */
// Importing the handler runs the app's `init` hook: database open and migrations done.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	// Pages get Kit's own CSP (with script hashes), which replaces this one.
	res.setHeader('Content-Security-Policy', NON_PAGE_CSP);
	// The service worker's script carries the worker's own policy: fetches to this origin only.
	if (req.url?.split('?')[0] === SERVICE_WORKER_PATH) {
		res.setHeader('Content-Security-Policy', SERVICE_WORKER_CSP);
	}
	// Except on 304 Not Modified: its headers update the cached response, so a page
	// revalidated on reload would otherwise run under the non-page policy (scripts blocked).
	const writeHead = res.writeHead;
	res.writeHead = /** @type {typeof res.writeHead} */ (
		function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
			if (status === 304) res.removeHeader('Content-Security-Policy');
			return writeHead.call(res, status, ...rest);
		}
	);
	// An answer sent before the body was read (too large, wrong type, cross-site…): read
	// and drop the rest, so the client can finish sending and read the answer instead of
	// seeing its connection reset. Kit stops buffering at BODY_SIZE_LIMIT, so this costs
	// no memory.
	res.once('finish', () => {
		if (!req.complete) req.resume();
	});
	// Kit cannot build a GET or HEAD request with a body and would answer a bare
	// "Bad Request"; answer in the API's JSON error shape instead (hooks.server.ts does the
	// rest of the body checks, per route).
	if (
		(req.method === 'GET' || req.method === 'HEAD') &&
		(req.headers['transfer-encoding'] !== undefined ||
			Number(req.headers['content-length'] ?? 0) > 0)
	) {
		res.statusCode = 400;
		res.setHeader('Content-Type', 'application/json');
		res.setHeader('Cache-Control', 'no-store');
		res.end(
			JSON.stringify({
				error: { code: 'invalid', message: 'GET and HEAD requests take no body', field: null }
			})
		);
		return;
	}
	/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} */ (
		handler
	)(req, res, () => {
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

let inFlight = 0;
let shuttingDown = false;
server.on('request', (req) => {
	inFlight++;
	req.on('close', () => {
		inFlight--;
		// Keep-alive connections would hold close() open; drop each as soon as it is idle.
		if (shuttingDown) server.closeIdleConnections();
	});
});

server.listen(port, host, () => {
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			msg: 'listening',
			port,
			ms: Math.round(performance.now() - startedAt)
		})
	);
});

/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
	if (shuttingDown) return;
	shuttingDown = true;
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			msg: 'shutting down',
			signal,
			count: inFlight
		})
	);
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
	force.unref();
	server.close(() => {
		clearTimeout(force);
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), /** @type {any} */ (signal));
	});
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
