import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from '../../../tests/helpers/db';
import { describeError, log } from './log';

/** Everything `log` writes while `fn` runs (stdout and stderr), as text. */
async function captured(fn: () => void | Promise<void>): Promise<string> {
	const lines: string[] = [];
	const out = process.stdout.write.bind(process.stdout);
	const err = process.stderr.write.bind(process.stderr);
	const keep = (chunk: unknown) => {
		lines.push(String(chunk));
		return true;
	};
	process.stdout.write = keep as typeof process.stdout.write;
	process.stderr.write = keep as typeof process.stderr.write;
	try {
		await fn();
	} finally {
		process.stdout.write = out;
		process.stderr.write = err;
	}
	return lines.join('');
}

describe('describeError', () => {
	it('keeps the name and message of an ordinary error', () => {
		expect(describeError(new TypeError('x is not a function'))).toBe(
			'TypeError: x is not a function'
		);
		expect(describeError('a string')).toBe('non-error thrown');
	});
});

describe.each(testTargets())('database errors in the log on $name', (target) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await target.open({ migrate: false });
	});
	afterAll(async () => {
		await t?.dispose();
	});

	it('never carry the query parameters, only the error class and SQLSTATE', async () => {
		// A parameter as distinctive as a share id or the start of a ciphertext.
		const secret = `share${randomBytes(12).toString('base64url')}`;
		let error: unknown;
		try {
			await t.db.execute(sql`select ${secret}::int as n`);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(Error);
		// The failure really does carry the parameter (drizzle's message, PostgreSQL's cause) …
		const raw = `${(error as Error).message} ${String((error as Error).cause)}`;
		expect(raw).toContain(secret);
		// … and the log line that hooks.server.ts would write does not.
		const line = await captured(() =>
			log.error('unhandled error', {
				route: '/api/shares/[id]',
				status: 500,
				error: describeError(error)
			})
		);
		expect(line).toContain('"level":"error"');
		expect(line).not.toContain(secret);
		expect(line).not.toContain('select');
		expect(line).toMatch(/SQLSTATE 22P02/);
		// Wrapped once more (an error whose cause is the query error): still nothing.
		const wrapped = new Error(`while opening: ${secret}`, { cause: error });
		expect(describeError(wrapped)).not.toContain(secret);
	});
});
