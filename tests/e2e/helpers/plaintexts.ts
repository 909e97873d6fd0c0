import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The plaintexts that tests type or send, collected for the leak audit that runs after the
 * whole suite (scripts/leak-audit.ts): none may appear in any database dump or log.
 * Tests call recordPlaintexts() with what they typed; the file lives beside the server logs.
 */
export const PLAINTEXTS_FILE = 'plaintexts.txt';

export function recordPlaintexts(...texts: string[]): void {
	const dir = process.env.E2E_DATA_DIR;
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	appendFileSync(join(dir, PLAINTEXTS_FILE), texts.map((t) => `${JSON.stringify(t)}\n`).join(''));
}
