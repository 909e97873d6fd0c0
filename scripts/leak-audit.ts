/**
 * Leak audit, after the whole e2e suite (scripts/test.sh): dumps every database the tests
 * used (pg_dumpall of the temporary PostgreSQL; every embedded PGlite under E2E_DATA_DIR,
 * row by row) and reads every server log there, then fails if any of them holds a test
 * plaintext (E2E_DATA_DIR/plaintexts.txt, written by tests/e2e/helpers/plaintexts.ts), an IP
 * address or a user agent. It also fails if it found nothing to search: an audit of
 * nothing must not pass.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/lib/server/db/client';

const dataDir = process.env.E2E_DATA_DIR;
if (!dataDir || !existsSync(dataDir)) {
	console.error('leak-audit: E2E_DATA_DIR is not set or missing');
	process.exit(1);
}

function filesUnder(root: string): string[] {
	return readdirSync(root).flatMap((name) => {
		const path = join(root, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

/** What must never be stored or logged. */
const FORBIDDEN: { name: string; test: (text: string) => boolean; textOnly?: boolean }[] = [
	{ name: 'IPv4 loopback', test: (t) => /\b127\.0\.0\.1\b/.test(t) },
	{
		name: 'documentation IP (tests send it as X-Forwarded-For)',
		test: (t) => /\b203\.0\.113\.\d+/.test(t)
	},
	// Three bytes: random ciphertext in raw database files would match by chance.
	{
		name: 'IPv6 loopback or mapped address',
		test: (t) => /(^|[^\w:])::1\b|::ffff:/i.test(t),
		textOnly: true
	},
	{ name: 'user agent', test: (t) => /HeadlessChrome|Mozilla\/|LeakProbe/.test(t) },
	{ name: 'notebook test plaintext', test: (t) => t.includes('PLAINTEXT') }
];
const plaintextsFile = join(dataDir, 'plaintexts.txt');
const plaintexts = existsSync(plaintextsFile)
	? readFileSync(plaintextsFile, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as string)
	: [];
for (const p of new Set(plaintexts)) {
	FORBIDDEN.push({
		name: `test plaintext ${JSON.stringify(p.slice(0, 40))}`,
		test: (t) => t.includes(p)
	});
}

const sources: { name: string; text: string; binary?: boolean }[] = [];

// Every server log (the shared e2e server's and every extra instance's).
const all = filesUnder(dataDir);
for (const file of all.filter((f) => f.endsWith('.log'))) {
	sources.push({ name: file, text: readFileSync(file, 'utf8') });
}
const logCount = sources.length;

// Every embedded database, as rows.
const pgliteDirs = [
	...new Set(
		all.map((f) => /^(.*\/pglite)\//.exec(f)?.[1]).filter((d): d is string => d !== undefined)
	)
];
let rows = 0;
for (const dir of pgliteDirs) {
	const handle = await openDatabase({ pgliteDir: dir });
	try {
		const tables = await queryRows<{ schema: string; name: string }>(
			handle.db,
			sql`select table_schema as schema, table_name as name from information_schema.tables
			    where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`
		);
		let dump = '';
		for (const t of tables) {
			const r = await queryRows<{ row: string }>(
				handle.db,
				sql.raw(`select row_to_json(t)::text as row from "${t.schema}"."${t.name}" t`)
			);
			rows += r.length;
			dump += r.map((x) => x.row).join('\n');
		}
		sources.push({ name: `PGlite ${dir}`, text: dump });
	} finally {
		await handle.close();
	}
	// And the raw bytes of its files, in case something sits outside a table.
	// Configuration files (pg_hba.conf lists loopback addresses by design) hold no data.
	for (const f of filesUnder(dir).filter((name) => !name.endsWith('.conf')))
		sources.push({ name: f, text: readFileSync(f).toString('latin1'), binary: true });
}

// The temporary PostgreSQL: everything in it.
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
	const u = new URL(pgUrl);
	const dump = execFileSync(
		'pg_dumpall',
		['-h', u.hostname, '-p', u.port, '-U', u.username || 'postgres', '--no-role-passwords'],
		{ encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 }
	);
	sources.push({ name: 'pg_dumpall', text: dump });
	rows += (dump.match(/\n/g) ?? []).length;
}

const findings: string[] = [];
for (const s of sources) {
	for (const f of FORBIDDEN) {
		if (s.binary && f.textOnly) continue;
		if (f.test(s.text)) findings.push(`${f.name} in ${s.name}`);
	}
}
console.log(
	`leak-audit: ${logCount} log files, ${pgliteDirs.length} embedded databases, ${pgUrl ? 'PostgreSQL dump' : 'no PostgreSQL'}, ${rows} rows/lines, ${plaintexts.length} recorded plaintexts`
);
if (logCount === 0 || (pgliteDirs.length === 0 && !pgUrl)) {
	console.error('leak-audit: FAILED, nothing to audit (no logs or no database)');
	process.exit(1);
}
if (findings.length > 0) {
	console.error(`leak-audit: FAILED\n  ${findings.join('\n  ')}`);
	process.exit(1);
}
console.log('leak-audit: passed (no plaintext, IP address or user agent)');
