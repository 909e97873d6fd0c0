// npm run directory:import -- FILE --by NAME
// Validates every record of FILE (HSDS JSON, Albania profile) and upserts them in one
// transaction; on any problem it prints each one (record, field, what is wrong) and
// imports nothing. Every change is versioned in directory_changes with --by as its author.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importDirectory } from '../../src/lib/server/directory/store';
import { fail, openAppDatabase } from './cli';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { by: { type: 'string' } }
});
const file = positionals[0];
if (!file) fail('usage: npm run directory:import -- FILE --by NAME');
if (!values.by?.trim()) fail('say who makes this change: --by NAME (it goes into the change log)');

let input: unknown;
try {
	input = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
	fail(`${file}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
}

const handle = await openAppDatabase();
try {
	const result = await importDirectory(handle.db, input, { by: values.by.trim(), via: 'import' });
	if (!result.ok) {
		process.stderr.write(`${file}: nothing was imported. Problems:\n`);
		for (const p of result.problems)
			process.stderr.write(`  ${p.record}: ${p.field}: ${p.message}\n`);
		process.exitCode = 1;
	} else if (result.changed === 0) {
		process.stdout.write(`Nothing changed; the directory stays at version ${result.version}.\n`);
	} else {
		process.stdout.write(
			`Imported: ${result.changed} record(s) changed; the directory is now at version ${result.version}.\n`
		);
	}
} finally {
	await handle.close();
}
