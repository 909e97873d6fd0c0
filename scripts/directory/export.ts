// npm run directory:export [-- FILE]
// Writes the whole directory as canonical HSDS JSON (Albania profile), checked against the
// official HSDS schema first. Without FILE it prints to stdout.
import { writeFileSync } from 'node:fs';
import { canonicalJson } from '../../src/lib/server/directory/canonical';
import { exportDirectory } from '../../src/lib/server/directory/store';
import { fail, openAppDatabase } from './cli';
import { hsdsValidator } from './hsds-validate';

const file = process.argv[2];
const handle = await openAppDatabase();
try {
	const doc = await exportDirectory(handle.db);
	const violations = hsdsValidator()(doc);
	if (violations.length) {
		fail(
			`The export does not validate against the HSDS schema:\n${violations
				.map((v) => `  ${v.record}${v.path}: ${v.message}`)
				.join('\n')}`
		);
	}
	const json = canonicalJson(doc);
	if (file) writeFileSync(file, json);
	else process.stdout.write(json);
} finally {
	await handle.close();
}
