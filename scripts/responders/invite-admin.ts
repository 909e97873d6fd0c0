/**
 * The first admin of an organisation: prints a one-time invitation link.
 *
 *   npm run responders:invite-admin -- --org vatra [--url https://ura.example]
 *
 * The organisation must exist in the directory (its key, e.g. `vatra`). The link holds a
 * 256-bit token after `#` (never sent to the server in a URL); only its SHA-256 is stored.
 * It works once, within 72 hours. Whoever opens it chooses a username and passphrase; their
 * browser makes the organisation's key pair. With PGlite, stop the app first (an embedded
 * database belongs to one process at a time).
 */
import { parseArgs } from 'node:util';
import { INVITE_HOURS } from '../../src/lib/server/api/help';
import { createInvite } from '../../src/lib/server/help/responders';
import { orgExists } from '../../src/lib/server/help/orgs';
import { seedDirectory } from '../../src/lib/server/directory/current';
import { fail, openAppDatabase } from '../directory/cli';

const { values } = parseArgs({
	options: { org: { type: 'string' }, url: { type: 'string' } },
	strict: true
});
if (!values.org || !/^[a-z0-9-]{1,80}$/.test(values.org)) {
	fail('Usage: npm run responders:invite-admin -- --org <organisation key> [--url <base url>]');
}

const handle = await openAppDatabase();
try {
	await seedDirectory(handle.db);
	if (!(await orgExists(handle.db, values.org))) {
		fail(`No organisation with the key "${values.org}" in the directory.`);
	}
	const { token, expiresAt } = await createInvite(handle.db, {
		orgKey: values.org,
		role: 'org_admin',
		createdBy: null
	});
	const base = (values.url ?? process.env.URA_PUBLIC_URL ?? '').replace(/\/$/, '');
	process.stdout.write(
		`Invitation for the first admin of ${values.org} (valid ${INVITE_HOURS} hours, once):\n` +
			`${base}/inbox/join#${token}\n` +
			`Expires: ${expiresAt.toISOString()}\n`
	);
} finally {
	await handle.close();
}
