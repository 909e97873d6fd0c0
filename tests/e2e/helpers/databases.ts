/**
 * Drops a test database, unless the leak audit after the suite (scripts/leak-audit.ts,
 * E2E_KEEP_DATABASES=1 in scripts/test.sh) is to search it; the temporary server and all
 * its databases are deleted after that.
 */
export async function dropUnlessAudited(database: { drop(): Promise<void> } | undefined) {
	if (process.env.E2E_KEEP_DATABASES === '1') return;
	await database?.drop();
}
