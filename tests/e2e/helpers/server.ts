import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type RunningServer = {
	url: string;
	port: number;
	process: ChildProcess;
	/** Everything the server wrote to stdout and stderr so far. */
	output(): string;
	exited: Promise<number | null>;
	stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Starts the production build (scripts/serve.js) as its own process, the way an operator
 * would, and waits until /healthz answers. The Playwright web server has already built it.
 */
export async function startServer(
	env: Record<string, string>,
	port?: number
): Promise<RunningServer> {
	const p = port ?? (await freePort());
	let out = '';
	// Every instance's logs also go to a file next to the shared server's, for the leak
	// audit that runs after the suite (scripts/leak-audit.ts).
	const logDir = join(process.env.E2E_DATA_DIR ?? 'test-results', 'logs');
	mkdirSync(logDir, { recursive: true });
	const logFile = createWriteStream(join(logDir, `instance-${p}-${Date.now()}.log`));
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(p), DATABASE_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const record = (d: Buffer) => {
		out += String(d);
		logFile.write(d);
	};
	child.stdout!.on('data', record);
	child.stderr!.on('data', record);
	child.once('exit', () => logFile.end());
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	const url = `http://127.0.0.1:${p}`;
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		port: p,
		process: child,
		output: () => out,
		exited,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null) child.kill(signal);
			return exited;
		}
	};
}
