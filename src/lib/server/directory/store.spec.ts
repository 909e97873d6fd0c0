import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOfKey } from '$lib/directory/profile';
import { hsdsValidator } from '../../../../scripts/directory/hsds-validate';
import { testTargets, type TestDatabase } from '../../../../tests/helpers/db';
import { openDatabase, queryRows } from '../db/client';
import { directoryChanges, directoryOrganization } from '../db/schema';
import { canonicalJson } from './canonical';
import { currentDirectory } from './current';
import {
	directoryChangeLog,
	directoryVersion,
	exportDirectory,
	importDirectory,
	seedDirectoryIfEmpty
} from './store';

const DATA_FILE = new URL('../../../../data/directory/directory.json', import.meta.url);
const dataText = readFileSync(DATA_FILE, 'utf8');
const data = () =>
	JSON.parse(dataText) as {
		organizations: Record<string, unknown>[];
		services: Record<string, unknown>[];
	};

const DIRECTORY_TABLES = [
	'directory_address',
	'directory_phone',
	'directory_contact',
	'directory_schedule',
	'directory_language',
	'directory_service_area',
	'directory_service_at_location',
	'directory_location',
	'directory_service',
	'directory_organization',
	'directory_changes'
];

async function emptyDirectory(t: TestDatabase) {
	await t.db.execute(sql.raw(`truncate ${DIRECTORY_TABLES.join(', ')}`));
}

describe.each(testTargets())('directory store on $name', (target) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await target.open();
	});
	afterAll(async () => {
		await t?.dispose();
	});

	it('seeds an empty directory once, and the export is the data file, byte for byte', async () => {
		await emptyDirectory(t);
		expect(await seedDirectoryIfEmpty(t.db, data())).toEqual({ seeded: true, version: 1 });
		expect(await seedDirectoryIfEmpty(t.db, data())).toEqual({ seeded: false, version: 1 });
		expect(canonicalJson(await exportDirectory(t.db))).toBe(dataText);
		const [change] = await directoryChangeLog(t.db);
		expect(change).toMatchObject({ version: 1, via: 'seed' });
	});

	it('round-trips: export → import into an empty directory → export is byte-identical', async () => {
		const first = canonicalJson(await exportDirectory(t.db));
		await emptyDirectory(t);
		const result = await importDirectory(t.db, JSON.parse(first), {
			by: 'round trip',
			via: 'import'
		});
		expect(result).toMatchObject({ ok: true, version: 1 });
		expect(canonicalJson(await exportDirectory(t.db))).toBe(first);
	});

	it('exports HSDS that validates against the official schema', async () => {
		const validate = hsdsValidator();
		expect(validate(await exportDirectory(t.db))).toEqual([]);
		// The validator is not vacuous: a broken record fails.
		const broken = await exportDirectory(t.db);
		(broken.services[0] as Record<string, unknown>).status = 'open';
		(broken.organizations[0] as Record<string, unknown>).id = 'not-a-uuid';
		expect(
			validate(broken)
				.map((v) => v.record)
				.sort()
		).toEqual(['organizations[0]', 'services[0]']);
	});

	it('rejects bad input naming record and field, and imports nothing of it', async () => {
		const before = canonicalJson(await exportDirectory(t.db));
		const doc = data();
		doc.organizations.push({ ...doc.organizations[0], ura_key: 'new-org', id: idOfKey('new-org') });
		doc.services[4]!.ura_kinds = ['shelter', 'spa'];
		const result = await importDirectory(t.db, doc, { by: 'tester', via: 'import' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toContainEqual(
			expect.objectContaining({
				record: `service #5 "${doc.services[4]!.ura_key}"`,
				field: 'ura_kinds.1'
			})
		);
		expect(canonicalJson(await exportDirectory(t.db))).toBe(before);
	});

	it('rolls back the whole import when the database refuses one record half-way', async () => {
		const before = canonicalJson(await exportDirectory(t.db));
		const doc = data();
		const org = { ...doc.organizations[0], ura_key: 'half-way-org', id: idOfKey('half-way-org') };
		// A new service whose service-at-location id is already used by another service:
		// valid on its own, refused by the database after the organisation was written.
		const existing = doc.services.find((s) => s.service_at_locations) as {
			service_at_locations: { id: string }[];
		};
		const clash = JSON.parse(JSON.stringify(doc.services[0])) as Record<string, unknown> & {
			service_at_locations?: unknown[];
		};
		Object.assign(clash, {
			ura_key: 'half-way-service',
			id: idOfKey('half-way-service'),
			organization_id: org.id,
			service_areas: undefined,
			service_at_locations: [
				{
					id: existing.service_at_locations[0]!.id,
					location: (
						doc.services.find((s) => s.service_at_locations) as {
							service_at_locations: { location: unknown }[];
						}
					).service_at_locations[0]!.location
				}
			]
		});
		const result = await importDirectory(
			t.db,
			{ ...doc, organizations: [org], services: [clash] },
			{ by: 'tester', via: 'import' }
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]?.record).toBe('(database)');
		const rows = await t.db
			.select()
			.from(directoryOrganization)
			.where(sql`${directoryOrganization.ura_key} = 'half-way-org'`);
		expect(rows).toEqual([]);
		expect(canonicalJson(await exportDirectory(t.db))).toBe(before);
	});

	it('versions every change: who, when, what; the snapshot follows; no-op imports add nothing', async () => {
		const v0 = await directoryVersion(t.db);
		const doc = data();
		const service = doc.services.find((s) => s.ura_key === 'vatra-legal-clinic')!;
		const oldName = service.ura_name_en;
		service.ura_name_en = 'Vatra legal clinic (Vlorë)';
		const result = await importDirectory(
			t.db,
			{ ...doc, organizations: [], services: [service] },
			{ by: 'Vatra (test)', via: 'import' }
		);
		expect(result).toEqual({ ok: true, version: v0 + 1, changed: 1 });
		const [change] = await directoryChangeLog(t.db, 1);
		expect(change).toMatchObject({ version: v0 + 1, changed_by: 'Vatra (test)', via: 'import' });
		expect(change!.changed_at).toBeInstanceOf(Date);
		expect(change!.diff).toEqual({
			'services/vatra-legal-clinic': {
				before: { ura_name_en: oldName },
				after: { ura_name_en: 'Vatra legal clinic (Vlorë)' }
			}
		});
		const current = await currentDirectory(t.db);
		expect(current.version).toBe(v0 + 1);
		expect(current.snapshot.services.find((s) => s.id === service.id)?.name[1]).toBe(
			'Vatra legal clinic (Vlorë)'
		);
		const again = await importDirectory(
			t.db,
			{ ...doc, organizations: [], services: [service] },
			{ by: 'Vatra (test)', via: 'import' }
		);
		expect(again).toEqual({ ok: true, version: v0 + 1, changed: 0 });
		const [{ n }] = (await queryRows<{ n: number }>(
			t.db,
			sql`select count(*)::int as n from ${directoryChanges}`
		)) as [{ n: number }];
		expect(n).toBe(v0 + 1);
	});
});

describe.skipIf(!process.env.TEST_DATABASE_URL)(
	'seeding with several instances on one PostgreSQL',
	() => {
		it('seeds once when instances start at the same moment', async () => {
			const target = testTargets().find((x) => x.name === 'postgres')!;
			const base = await target.open();
			try {
				const instances = await Promise.all(
					[1, 2, 3].map(() =>
						openDatabase({ databaseUrl: base.url, pgliteDir: 'unused', poolSize: 2 })
					)
				);
				const results = await Promise.all(instances.map((h) => seedDirectoryIfEmpty(h.db, data())));
				expect(results.filter((r) => r.seeded)).toHaveLength(1);
				expect(results.every((r) => r.version === 1)).toBe(true);
				expect(canonicalJson(await exportDirectory(base.db))).toBe(dataText);
				await Promise.all(instances.map((h) => h.close()));
			} finally {
				await base.dispose();
			}
		});
	}
);
