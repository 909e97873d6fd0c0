import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { startServer } from './helpers/server';

/** Sends a request in two parts, so that it is in flight while the server is told to stop. */
function splitRequest(port: number) {
	const socket = connect(port, '127.0.0.1');
	let response = '';
	socket.on('data', (d) => (response += String(d)));
	const done = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
	return {
		started: new Promise<void>((resolve) =>
			socket.once('connect', () => {
				socket.write('GET /en HTTP/1.1\r\nHost: 127.0.0.1\r\n');
				resolve();
			})
		),
		finish: () => socket.write('Connection: close\r\n\r\n'),
		done
	};
}

test('SIGTERM finishes in-flight requests, refuses new ones, closes the database and exits 0', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'ura-shutdown-'));
	try {
		const server = await startServer({ URA_DATA_DIR: dir });
		const inflight = splitRequest(server.port);
		await inflight.started;
		await new Promise((r) => setTimeout(r, 300));

		server.process.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 300));
		await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

		inflight.finish();
		const response = await inflight.done;
		expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
		expect(response).toContain('<html lang="en"');

		expect(await server.exited).toBe(0);
		expect(server.output()).toContain('"msg":"database closed"');

		// The embedded database was closed cleanly: a new server opens the same directory.
		const again = await startServer({ URA_DATA_DIR: dir });
		expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
		expect(await again.stop('SIGINT')).toBe(0);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
