import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
	DirectoryDocumentSchema,
	describeProblems,
	type DirectoryDocument,
	type ImportProblem,
	type UraOrganization,
	type UraService
} from '$lib/directory/profile';
import { HSDS_VERSION, PROFILE_URI } from '$lib/directory/vocab';
import type { Database } from '../db/client';
import {
	directoryAddress,
	directoryChanges,
	directoryContact,
	directoryLanguage,
	directoryLocation,
	directoryOrganization,
	directoryPhone,
	directorySchedule,
	directoryService,
	directoryServiceArea,
	directoryServiceAtLocation,
	type DirectoryDiff
} from '../db/schema';
import { recordOf } from './canonical';

/** Serialises directory writers across app instances and CLI runs on one PostgreSQL. */
const DIRECTORY_LOCK_ID = 7_432_205;

export type ImportResult =
	{ ok: true; version: number; changed: number } | { ok: false; problems: ImportProblem[] };

class ImportRejected extends Error {
	constructor(readonly problems: ImportProblem[]) {
		super(problems.map((p) => `${p.record}: ${p.field}: ${p.message}`).join('\n'));
	}
}

/** The directory's current version: the last change's number, 0 while empty. */
export async function directoryVersion(db: Database): Promise<number> {
	const [row] = await db
		.select({ v: sql<number>`coalesce(max(${directoryChanges.version}), 0)::int` })
		.from(directoryChanges);
	return Number(row?.v ?? 0);
}

/**
 * Validates the whole document first (zod; nothing is written when anything is wrong), then
 * upserts it in one transaction. Records not in the document are left as they are; a service
 * in the document replaces its phones, schedules, areas, languages, contacts and locations.
 * A change that alters nothing makes no new version.
 */
export async function importDirectory(
	db: Database,
	input: unknown,
	opts: { by: string; via: 'import' | 'seed' }
): Promise<ImportResult> {
	const parsed = DirectoryDocumentSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problems: describeProblems(input, parsed.error) };
	try {
		return await db.transaction(async (tx) => {
			const t = tx as unknown as Database;
			await lockDirectory(t);
			return applyImport(t, parsed.data, opts);
		});
	} catch (error) {
		if (error instanceof ImportRejected) return { ok: false, problems: error.problems };
		// A rule only the database knows (e.g. an id already used by another record): the
		// transaction is rolled back, so nothing was written.
		return {
			ok: false,
			problems: [{ record: '(database)', field: '(transaction)', message: describeDbError(error) }]
		};
	}
}

function describeDbError(error: unknown): string {
	const e = error as {
		message?: string;
		detail?: string;
		cause?: { message?: string; detail?: string };
	};
	const inner = e.cause ?? e;
	return (
		[inner.message, inner.detail].filter(Boolean).join(' — ') || 'the database refused the change'
	);
}

/**
 * Seeds the directory from its data file when the database has none yet. Safe when several
 * instances start at once on one PostgreSQL: the first takes the lock and seeds, the others
 * wait, then find it seeded.
 */
export async function seedDirectoryIfEmpty(
	db: Database,
	input: unknown
): Promise<{ seeded: boolean; version: number }> {
	const parsed = DirectoryDocumentSchema.safeParse(input);
	if (!parsed.success) {
		const problems = describeProblems(input, parsed.error);
		throw new Error(`data/directory is invalid: ${new ImportRejected(problems).message}`);
	}
	return db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		await lockDirectory(t);
		const [row] = await t.select({ n: sql<number>`count(*)::int` }).from(directoryOrganization);
		if (Number(row?.n) > 0) return { seeded: false, version: await directoryVersion(t) };
		const result = await applyImport(t, parsed.data, { by: 'ura (data/directory)', via: 'seed' });
		return { seeded: true, version: result.version };
	});
}

async function lockDirectory(db: Database): Promise<void> {
	await db.execute(sql`select pg_advisory_xact_lock(${DIRECTORY_LOCK_ID})`);
}

async function applyImport(
	db: Database,
	doc: DirectoryDocument,
	opts: { by: string; via: 'import' | 'seed' }
): Promise<{ ok: true; version: number; changed: number }> {
	const orgIdsInFile = new Set(doc.organizations.map((o) => o.id));
	const missing = doc.services.filter((s) => !orgIdsInFile.has(s.organization_id));
	if (missing.length) {
		const known = await db
			.select({ id: directoryOrganization.id })
			.from(directoryOrganization)
			.where(
				inArray(
					directoryOrganization.id,
					missing.map((s) => s.organization_id)
				)
			);
		const knownIds = new Set(known.map((k) => k.id));
		const problems = missing
			.filter((s) => !knownIds.has(s.organization_id))
			.map((s) => ({
				record: `service #${doc.services.indexOf(s) + 1} "${s.ura_key}"`,
				field: 'organization_id',
				message: `no organisation with id ${s.organization_id}, in the file or in the directory`
			}));
		if (problems.length) throw new ImportRejected(problems);
	}

	const before = recordsByPath(await exportDirectory(db));
	for (const org of doc.organizations) await upsertOrganization(db, org);
	for (const service of doc.services) await upsertService(db, service);
	// Locations no service uses any more would only be clutter.
	await db.execute(
		sql`delete from ${directoryLocation} where not exists (select 1 from ${directoryServiceAtLocation} sal where sal.location_id = ${directoryLocation.id})`
	);
	const after = recordsByPath(await exportDirectory(db));

	const diff = diffRecords(before, after);
	const current = await directoryVersion(db);
	const changed = Object.keys(diff).length;
	if (changed === 0) return { ok: true, version: current, changed: 0 };
	const version = current + 1;
	await db.insert(directoryChanges).values({ version, changed_by: opts.by, via: opts.via, diff });
	return { ok: true, version, changed };
}

async function upsertOrganization(db: Database, org: UraOrganization): Promise<void> {
	const { phones, contacts, ...fields } = org;
	const row = {
		...fields,
		alternate_name: fields.alternate_name ?? null,
		email: fields.email ?? null,
		website: fields.website ?? null
	};
	await db
		.insert(directoryOrganization)
		.values(row)
		.onConflictDoUpdate({ target: directoryOrganization.id, set: row });
	await db.delete(directoryPhone).where(eq(directoryPhone.organization_id, org.id));
	await db.delete(directoryContact).where(eq(directoryContact.organization_id, org.id));
	await insertPhones(db, phones, { organization_id: org.id });
	await insertContacts(db, contacts, { organization_id: org.id });
}

async function upsertService(db: Database, service: UraService): Promise<void> {
	const { phones, schedules, service_areas, service_at_locations, languages, contacts, ...fields } =
		service;
	const row = {
		...fields,
		alternate_name: fields.alternate_name ?? null,
		url: fields.url ?? null,
		email: fields.email ?? null,
		application_process: fields.application_process ?? null,
		fees_description: fields.fees_description ?? null,
		eligibility_description: fields.eligibility_description ?? null,
		minimum_age: fields.minimum_age ?? null,
		maximum_age: fields.maximum_age ?? null,
		ura_eligibility_en: fields.ura_eligibility_en ?? null,
		ura_application_process_en: fields.ura_application_process_en ?? null,
		ura_fees_en: fields.ura_fees_en ?? null,
		ura_free: fields.ura_free ?? null,
		ura_place_note: fields.ura_place_note ?? null,
		ura_place_note_en: fields.ura_place_note_en ?? null
	};
	await db
		.insert(directoryService)
		.values(row)
		.onConflictDoUpdate({ target: directoryService.id, set: row });
	const sid = service.id;
	for (const table of [
		directoryPhone,
		directoryContact,
		directorySchedule,
		directoryLanguage,
		directoryServiceArea,
		directoryServiceAtLocation
	]) {
		await db.delete(table).where(eq(table.service_id, sid));
	}
	await insertPhones(db, phones, { service_id: sid });
	await insertContacts(db, contacts, { service_id: sid });
	if (schedules?.length) {
		await db.insert(directorySchedule).values(
			schedules.map((s, position) => ({
				service_id: sid,
				position,
				id: s.id,
				valid_from: s.valid_from ?? null,
				valid_to: s.valid_to ?? null,
				freq: s.freq ?? null,
				byday: s.byday ?? null,
				opens_at: s.opens_at ?? null,
				closes_at: s.closes_at ?? null,
				description: s.description ?? null,
				ura_description_en: s.ura_description_en ?? null
			}))
		);
	}
	if (languages?.length) {
		await db.insert(directoryLanguage).values(
			languages.map((l, position) => ({
				service_id: sid,
				position,
				id: l.id,
				name: l.name ?? null,
				code: l.code ?? null,
				note: l.note ?? null
			}))
		);
	}
	if (service_areas?.length) {
		await db.insert(directoryServiceArea).values(
			service_areas.map((a, position) => ({
				service_id: sid,
				position,
				id: a.id,
				name: a.name,
				description: a.description ?? null,
				uri: a.uri
			}))
		);
	}
	for (const [position, sal] of (service_at_locations ?? []).entries()) {
		const { addresses, ...loc } = sal.location;
		const locRow = {
			...loc,
			alternate_name: loc.alternate_name ?? null,
			description: loc.description ?? null
		};
		await db
			.insert(directoryLocation)
			.values(locRow)
			.onConflictDoUpdate({ target: directoryLocation.id, set: locRow });
		await db.delete(directoryAddress).where(eq(directoryAddress.location_id, loc.id));
		if (addresses?.length) {
			await db.insert(directoryAddress).values(
				addresses.map((a, i) => ({
					...a,
					location_id: loc.id,
					position: i,
					attention: a.attention ?? null,
					address_2: a.address_2 ?? null
				}))
			);
		}
		await db.insert(directoryServiceAtLocation).values({
			id: sal.id,
			service_id: sid,
			location_id: loc.id,
			position,
			description: sal.description ?? null
		});
	}
}

type PhoneIn = NonNullable<UraService['phones']>;
type ContactIn = NonNullable<UraService['contacts']>;

async function insertPhones(
	db: Database,
	phones: PhoneIn | undefined,
	owner: { organization_id?: string; service_id?: string }
): Promise<void> {
	if (!phones?.length) return;
	await db.insert(directoryPhone).values(
		phones.map((p, position) => ({
			...owner,
			position,
			id: p.id,
			number: p.number,
			extension: p.extension ?? null,
			type: p.type ?? null,
			description: p.description ?? null,
			ura_description_en: p.ura_description_en ?? null
		}))
	);
}

async function insertContacts(
	db: Database,
	contacts: ContactIn | undefined,
	owner: { organization_id?: string; service_id?: string }
): Promise<void> {
	if (!contacts?.length) return;
	await db.insert(directoryContact).values(
		contacts.map((c, position) => ({
			...owner,
			position,
			id: c.id,
			name: c.name ?? null,
			title: c.title ?? null,
			department: c.department ?? null,
			email: c.email ?? null
		}))
	);
}

const OWNER_COLUMNS = ['organization_id', 'service_id', 'location_id', 'position'] as const;

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		if (k === null) continue;
		const list = map.get(k);
		if (list) list.push(row);
		else map.set(k, [row]);
	}
	return map;
}

function listOf<T extends Record<string, unknown>>(rows: T[] | undefined): unknown[] | undefined {
	if (!rows?.length) return undefined;
	return rows.map((r) => recordOf(r, OWNER_COLUMNS));
}

/** The whole directory as an HSDS document (Albania profile), in canonical order. */
export async function exportDirectory(db: Database): Promise<DirectoryDocument> {
	const [
		orgs,
		services,
		locations,
		addresses,
		sals,
		phones,
		contacts,
		schedules,
		languages,
		areas
	] = await Promise.all([
		db.select().from(directoryOrganization),
		db.select().from(directoryService),
		db.select().from(directoryLocation),
		db.select().from(directoryAddress).orderBy(asc(directoryAddress.position)),
		db.select().from(directoryServiceAtLocation).orderBy(asc(directoryServiceAtLocation.position)),
		db.select().from(directoryPhone).orderBy(asc(directoryPhone.position)),
		db.select().from(directoryContact).orderBy(asc(directoryContact.position)),
		db.select().from(directorySchedule).orderBy(asc(directorySchedule.position)),
		db.select().from(directoryLanguage).orderBy(asc(directoryLanguage.position)),
		db.select().from(directoryServiceArea).orderBy(asc(directoryServiceArea.position))
	]);
	const phonesByOrg = groupBy(phones, (p) => p.organization_id);
	const phonesBySvc = groupBy(phones, (p) => p.service_id);
	const contactsByOrg = groupBy(contacts, (c) => c.organization_id);
	const contactsBySvc = groupBy(contacts, (c) => c.service_id);
	const schedulesBySvc = groupBy(schedules, (s) => s.service_id);
	const languagesBySvc = groupBy(languages, (l) => l.service_id);
	const areasBySvc = groupBy(areas, (a) => a.service_id);
	const salsBySvc = groupBy(sals, (s) => s.service_id);
	const addressesByLoc = groupBy(addresses, (a) => a.location_id);
	const locationById = new Map(locations.map((l) => [l.id, l]));

	// Sorted here, by code point, not by SQL: the database's collation must not change the bytes.
	const byKey = (a: { ura_key: string }, b: { ura_key: string }) =>
		a.ura_key < b.ura_key ? -1 : a.ura_key > b.ura_key ? 1 : 0;
	orgs.sort(byKey);
	services.sort(byKey);
	const doc = {
		hsds_version: HSDS_VERSION,
		profile: PROFILE_URI,
		organizations: orgs.map((o) => ({
			...recordOf(o),
			phones: listOf(phonesByOrg.get(o.id)),
			contacts: listOf(contactsByOrg.get(o.id))
		})),
		services: services.map((s) => ({
			...recordOf(s),
			phones: listOf(phonesBySvc.get(s.id)),
			contacts: listOf(contactsBySvc.get(s.id)),
			schedules: listOf(schedulesBySvc.get(s.id)),
			languages: listOf(languagesBySvc.get(s.id)),
			service_areas: listOf(areasBySvc.get(s.id)),
			service_at_locations: salsBySvc.get(s.id)?.map((sal) => {
				const loc = locationById.get(sal.location_id)!;
				return {
					...recordOf(sal, [...OWNER_COLUMNS, 'location_id']),
					location: { ...recordOf(loc), addresses: listOf(addressesByLoc.get(loc.id)) }
				};
			})
		}))
	};
	return stripUndefined(doc) as DirectoryDocument;
}

function stripUndefined(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

function recordsByPath(doc: DirectoryDocument): Map<string, Record<string, unknown>> {
	const map = new Map<string, Record<string, unknown>>();
	for (const o of doc.organizations) map.set(`organizations/${o.ura_key}`, o);
	for (const s of doc.services) map.set(`services/${s.ura_key}`, s);
	return map;
}

function diffRecords(
	before: Map<string, Record<string, unknown>>,
	after: Map<string, Record<string, unknown>>
): DirectoryDiff {
	const diff: DirectoryDiff = {};
	for (const [path, next] of after) {
		const prev = before.get(path);
		if (!prev) {
			diff[path] = { before: null, after: next };
			continue;
		}
		const b: Record<string, unknown> = {};
		const a: Record<string, unknown> = {};
		for (const field of new Set([...Object.keys(prev), ...Object.keys(next)])) {
			if (JSON.stringify(prev[field]) !== JSON.stringify(next[field])) {
				b[field] = prev[field] ?? null;
				a[field] = next[field] ?? null;
			}
		}
		if (Object.keys(a).length) diff[path] = { before: b, after: a };
	}
	return diff;
}

/** The change log, newest first. */
export async function directoryChangeLog(db: Database, limit = 50) {
	return db
		.select()
		.from(directoryChanges)
		.orderBy(sql`${directoryChanges.version} desc`)
		.limit(limit);
}
