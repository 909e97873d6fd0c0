import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/lib/server/db/client';
import { testTargets, type TestDatabase } from '../helpers/db';

/**
 * Tables that hold no data about a person (public directory content, installation facts),
 * and why they need no expiry. Anything else the migrations create must have `expires_at`,
 * so a new table (help requests, replies, rate-limit counters…) cannot slip in without one.
 */
const NO_EXPIRY: Record<string, string> = {
	app_meta: 'installation facts (content version), never about a person',
	directory_organization: 'public directory content',
	directory_service: 'public directory content',
	directory_location: 'public directory content',
	directory_address: 'public directory content',
	directory_service_at_location: 'public directory content',
	directory_phone: 'public directory content',
	directory_contact: 'public directory content',
	directory_schedule: 'public directory content',
	directory_service_area: 'public directory content',
	directory_language: 'public directory content',
	directory_changes: 'history of directory edits by operators (the import CLI), no user data',
	help_org_keys: "an organisation's public key and fingerprint: published in the directory",
	responders:
		'responder accounts (organisation staff and mentors): public keys and wrapped secret keys, kept while the account exists',
	org_key_grants:
		"an organisation's secret key sealed to one responder, deleted with the responder (ON DELETE CASCADE)",
	rate_limit_secrets:
		'one random key per UTC day; purgeRateLimits deletes each after a day (rate-limit.spec.ts)',
	rate_limit_counters:
		'counts per keyed hash and window; purgeRateLimits deletes windows that have ended (rate-limit.spec.ts)',
	help_replies: 'deleted with their request (ON DELETE CASCADE), checked below',
	help_notes: 'deleted with their request (ON DELETE CASCADE), checked below'
};

/** Tables whose rows live exactly as long as a row of a table that has expires_at. */
const CASCADE_FROM: Record<string, string> = {
	help_replies: 'help_requests',
	help_notes: 'help_requests'
};

describe.each(testTargets())('retention on $name', (target) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await target.open();
	});
	afterAll(async () => {
		await t?.dispose();
	});

	it('gives every table that could hold something about a person an expires_at column', async () => {
		const rows = await queryRows<{ table_name: string; has_expiry: boolean }>(
			t.db,
			sql`select t.table_name,
			       exists (select 1 from information_schema.columns c
			               where c.table_schema = t.table_schema and c.table_name = t.table_name
			                 and c.column_name = 'expires_at' and c.is_nullable = 'NO') as has_expiry
			    from information_schema.tables t
			    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
			    order by t.table_name`
		);
		expect(rows.length).toBeGreaterThan(0);
		const missing = rows
			.filter((r) => !r.has_expiry && !(r.table_name in NO_EXPIRY))
			.map((r) => r.table_name);
		expect(missing, 'tables without a NOT NULL expires_at').toEqual([]);
		// And the exemptions are all real tables (a renamed table must not stay exempt).
		const names = new Set(rows.map((r) => r.table_name));
		const unknown = Object.keys(NO_EXPIRY).filter((n) => !names.has(n));
		expect(unknown, 'exempt tables that do not exist').toEqual([]);
	});
	it('deletes the rows of tables without expires_at with their parent, which has one', async () => {
		const rows = await queryRows<{ child: string; parent: string; rule: string }>(
			t.db,
			sql`select kcu.table_name as child, ccu.table_name as parent, rc.delete_rule as rule
			    from information_schema.referential_constraints rc
			    join information_schema.key_column_usage kcu
			      on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
			    join information_schema.constraint_column_usage ccu
			      on ccu.constraint_name = rc.constraint_name and ccu.constraint_schema = rc.constraint_schema
			    where rc.constraint_schema = 'public'`
		);
		for (const [child, parent] of Object.entries(CASCADE_FROM)) {
			expect(
				rows.some((r) => r.child === child && r.parent === parent && r.rule === 'CASCADE'),
				`${child} → ${parent} ON DELETE CASCADE`
			).toBe(true);
		}
	});
});
