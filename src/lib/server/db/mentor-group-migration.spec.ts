import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, testTargets, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows } from './client';
import { runMigrations } from './migrate';

/**
 * Migration 0005 (peer-mentor group): before it, an admin was offered the staff key for every
 * member, peer mentors too. Such grants must be gone after it; staff grants stay.
 */
describe.each(testTargets())('migration 0005_mentor_group on $name', (target) => {
	let t: TestDatabase;
	let upTo0004: string;

	beforeAll(async () => {
		// A copy of drizzle/ whose journal stops at 0004: the database as deployed before.
		upTo0004 = mkdtempSync(join(tmpdir(), 'ura-mig-'));
		cpSync(MIGRATIONS_DIR, upTo0004, { recursive: true });
		const journalPath = join(upTo0004, 'meta/_journal.json');
		const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
			entries: { tag: string }[];
		};
		const at = journal.entries.findIndex((e) => e.tag === '0005_mentor_group');
		expect(at).toBeGreaterThan(0);
		journal.entries = journal.entries.slice(0, at);
		writeFileSync(journalPath, JSON.stringify(journal));
		t = await target.open({ migrate: false });
		await runMigrations(t, upTo0004);
	}, 120_000);
	afterAll(async () => {
		await t?.dispose();
		if (upTo0004) rmSync(upTo0004, { recursive: true, force: true });
	});

	it('takes back staff-key grants given to peer mentors, and keeps the others', async () => {
		const key = (n: number) => sql.raw(`'\\x${n.toString(16).padStart(2, '0').repeat(32)}'::bytea`);
		await t.db.execute(
			sql`insert into help_org_keys (org_key, public_key) values ('vatra', ${key(1)})`
		);
		for (const [id, role] of [
			['admin', 'org_admin'],
			['staff', 'responder'],
			['mentor', 'peer_mentor']
		] as const) {
			await t.db.execute(sql`insert into responders
				(id, username, org_key, role, box_public_key, sign_public_key, wrapped_keys)
				values (${id}, ${id}, 'vatra', ${role}, ${key(2)}, ${key(3)}, ${key(4)})`);
			await t.db.execute(sql`insert into org_key_grants (org_key, responder_id, sealed_key)
				values ('vatra', ${id}, ${key(5)})`);
		}
		await runMigrations(t, MIGRATIONS_DIR);
		const rows = await queryRows<{ responder_id: string; kind: string }>(
			t.db,
			sql`select responder_id, kind from org_key_grants order by responder_id`
		);
		expect(rows).toEqual([
			{ responder_id: 'admin', kind: 'organisation' },
			{ responder_id: 'staff', kind: 'organisation' }
		]);
	});
});
