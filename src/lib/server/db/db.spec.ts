import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	appliedMigrationCount,
	MIGRATIONS_DIR,
	migrationFileCount,
	testTargets,
	type TestDatabase
} from '../../../../tests/helpers/db';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { appMeta } from './schema';

describe.each(testTargets())('database on $name', (target) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await target.open();
	});
	afterAll(async () => {
		await t?.dispose();
	});

	it('applies the migrations, and applying them again changes nothing', async () => {
		await runMigrations(t, MIGRATIONS_DIR);
		expect(await appliedMigrationCount(t)).toBe(migrationFileCount());
	});

	it('writes and reads through the one schema', async () => {
		await t.db.insert(appMeta).values({ key: 'probe', value: 'één ç ë' });
		const [row] = await t.db.select().from(appMeta).where(eq(appMeta.key, 'probe'));
		expect(row?.value).toBe('één ç ë');
		expect(row?.updatedAt).toBeInstanceOf(Date);
	});

	it('rolls back a failed transaction completely: no half-written rows', async () => {
		await expect(
			t.db.transaction(async (tx) => {
				await tx.insert(appMeta).values({ key: 'half-1', value: 'a' });
				// Same primary key again: the whole transaction must fail.
				await tx.insert(appMeta).values({ key: 'half-1', value: 'b' });
			})
		).rejects.toThrow();
		const rows = await t.db.select().from(appMeta).where(eq(appMeta.key, 'half-1'));
		expect(rows).toEqual([]);
	});
});

describe('PGlite data directory', () => {
	const root = mkdtempSync(join(tmpdir(), 'ura-pglite-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('creates missing parent directories and keeps data across a restart', async () => {
		const dir = join(root, 'a', 'b', 'pglite');
		const first = await openDatabase({ pgliteDir: dir });
		await runMigrations(first, MIGRATIONS_DIR);
		await first.db.insert(appMeta).values({ key: 'kept', value: 'yes' });
		await first.close();

		const second = await openDatabase({ pgliteDir: dir });
		await runMigrations(second, MIGRATIONS_DIR);
		const [row] = await second.db.select().from(appMeta).where(eq(appMeta.key, 'kept'));
		await second.close();
		expect(row?.value).toBe('yes');
	});
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('several instances on one PostgreSQL', () => {
	it('lets instances that start together migrate once, one after the other', async () => {
		const target = testTargets().find((x) => x.name === 'postgres')!;
		const base = await target.open({ migrate: false });
		try {
			const instances = await Promise.all(
				[1, 2, 3].map(() =>
					openDatabase({ databaseUrl: base.url, pgliteDir: 'unused', poolSize: 2 })
				)
			);
			await Promise.all(instances.map((h) => runMigrations(h, MIGRATIONS_DIR)));
			expect(await appliedMigrationCount(base)).toBe(migrationFileCount());
			await Promise.all(instances.map((h) => h.close()));
		} finally {
			await base.dispose();
		}
	});
});
