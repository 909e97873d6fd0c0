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
	directory_changes: 'history of directory edits by operators (the import CLI), no user data'
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
});
