/**
 * Storage of help requests, replies and internal notes. Every function takes the database,
 * so tests run it on PGlite and on PostgreSQL alike. Nothing here can read a request: the
 * rows hold ciphertext, and the mailbox is found by a hash of the lookup id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { queryRows } from '../db/client';
import { helpNotes, helpOrgKeys, helpReplies, helpRequests } from '../db/schema';
import type { KeyKind, RequestStatus } from '../api/help';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const newId = () => randomBytes(16).toString('base64url');

/** The hour something happened: minutes and seconds are not worth keeping. */
export function hourOf(now: Date): Date {
	return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
}

export function lookupHash(lookupId: Uint8Array): Uint8Array {
	return new Uint8Array(createHash('sha256').update(lookupId).digest());
}

export type SubmitItem = {
	org: string;
	audience?: KeyKind;
	ciphertext: Uint8Array;
	idempotencyKey: string;
};

/**
 * Whose requests a member may see and act on: their organisation, and the audiences whose
 * key they hold a grant for (src/lib/server/help/responders.ts `accessOf`). There is no
 * shorthand: every caller says which keys the member holds, so nothing skips the grant check.
 */
export type Access = { readonly org: string; readonly audiences: readonly KeyKind[] };
const orgOf = (a: Access) => a.org;
const audiencesOf = (a: Access): readonly KeyKind[] => a.audiences;

/** "org audience", the way receivingOrgs names a key that can receive. */
const recipientId = (org: string, audience: KeyKind = 'organisation') => `${org} ${audience}`;
export type SubmitResult =
	| { kind: 'created' | 'replayed'; received: number; expiresAt: Date }
	| { kind: 'unknown_org'; index: number }
	| { kind: 'conflict' };

/** Organisation keys that can receive requests, cached briefly per database (they rarely change). */
const keyCache = new WeakMap<Database, { keys: Set<string>; at: number }>();
const KEY_CACHE_MS = 60_000;

async function receivingOrgs(db: Database, wanted: string[], now: number): Promise<Set<string>> {
	const cached = keyCache.get(db);
	if (cached && now - cached.at < KEY_CACHE_MS && wanted.every((k) => cached.keys.has(k))) {
		return cached.keys;
	}
	// A miss (e.g. an organisation that got its key on another instance): ask the database.
	const rows = await db
		.select({ orgKey: helpOrgKeys.orgKey, kind: helpOrgKeys.kind })
		.from(helpOrgKeys);
	const keys = new Set(rows.map((r) => recipientId(r.orgKey, r.kind as KeyKind)));
	keyCache.set(db, { keys, at: now });
	return keys;
}

/**
 * Stores one request per recipient, all or nothing: one multi-row INSERT (atomic by itself).
 * A retry with the same idempotency keys (the browser's queue after a lost answer) stores
 * nothing new and gets the first answer.
 */
export async function submitHelpRequest(
	db: Database,
	input: { lookupId: Uint8Array; items: SubmitItem[] },
	options: { requestDays: number },
	now = new Date()
): Promise<SubmitResult> {
	const hash = lookupHash(input.lookupId);
	const known = await receivingOrgs(
		db,
		input.items.map((i) => recipientId(i.org, i.audience)),
		now.getTime()
	);
	const missing = input.items.findIndex((i) => !known.has(recipientId(i.org, i.audience)));
	if (missing >= 0) return { kind: 'unknown_org', index: missing };

	const createdHour = hourOf(now);
	const expiresAt = new Date(
		Math.ceil((now.getTime() + options.requestDays * DAY_MS) / HOUR_MS) * HOUR_MS
	);
	const inserted = await db
		.insert(helpRequests)
		.values(
			input.items.map((i) => ({
				id: newId(),
				orgKey: i.org,
				audience: i.audience ?? 'organisation',
				ciphertext: i.ciphertext,
				idempotencyKey: i.idempotencyKey,
				lookupHash: hash,
				status: 'new',
				createdHour,
				expiresAt
			}))
		)
		.onConflictDoNothing({ target: helpRequests.idempotencyKey })
		.returning({ id: helpRequests.id });
	if (inserted.length === input.items.length) {
		return { kind: 'created', received: inserted.length, expiresAt };
	}
	// A replay: every key must already be there, for the same organisation and mailbox.
	const existing = await db
		.select()
		.from(helpRequests)
		.where(
			inArray(
				helpRequests.idempotencyKey,
				input.items.map((i) => i.idempotencyKey)
			)
		);
	const fresh = new Set(inserted.map((r) => r.id));
	const byKey = new Map(existing.map((r) => [r.idempotencyKey, r]));
	const same = input.items.every((i) => {
		const row = byKey.get(i.idempotencyKey);
		return (
			row &&
			!fresh.has(row.id) &&
			row.orgKey === i.org &&
			row.audience === (i.audience ?? 'organisation') &&
			Buffer.from(row.lookupHash).equals(hash)
		);
	});
	if (!same) {
		// Part new, part old, or someone else's key: take back what this call inserted.
		if (fresh.size) await db.delete(helpRequests).where(inArray(helpRequests.id, [...fresh]));
		return { kind: 'conflict' };
	}
	return { kind: 'replayed', received: input.items.length, expiresAt: existing[0]!.expiresAt };
}

/** The replies in a mailbox, oldest first: ciphertexts only. Empty for an unknown id. */
export async function repliesFor(
	db: Database,
	lookupId: Uint8Array,
	now = new Date()
): Promise<Uint8Array[]> {
	const rows = await db
		.select({ ciphertext: helpReplies.ciphertext })
		.from(helpReplies)
		.innerJoin(helpRequests, eq(helpReplies.requestId, helpRequests.id))
		.where(and(eq(helpRequests.lookupHash, lookupHash(lookupId)), gt(helpRequests.expiresAt, now)))
		.orderBy(asc(helpReplies.createdHour), asc(helpReplies.id));
	return rows.map((r) => r.ciphertext);
}

/** Deletes every request of a mailbox, and with them their replies and notes. */
export async function deleteByLookup(db: Database, lookupId: Uint8Array): Promise<number> {
	const deleted = await db
		.delete(helpRequests)
		.where(eq(helpRequests.lookupHash, lookupHash(lookupId)))
		.returning({ id: helpRequests.id });
	return deleted.length;
}

export type InboxRequest = {
	id: string;
	audience: KeyKind;
	ciphertext: Uint8Array;
	status: string;
	createdHour: Date;
	expiresAt: Date;
	closedAt: Date | null;
	replies: number;
	notes: Uint8Array[];
};

/**
 * The requests a member may see, newest first, with their notes (ciphertext) and reply
 * counts: only those sealed to a key the member holds (the server enforces what the
 * browser could not open anyway, so nobody learns even that the others exist).
 */
export async function inboxFor(db: Database, access: Access, now = new Date()) {
	const audiences = audiencesOf(access);
	if (audiences.length === 0) return [];
	const rows = await db
		.select()
		.from(helpRequests)
		.where(
			and(
				eq(helpRequests.orgKey, orgOf(access)),
				inArray(helpRequests.audience, [...audiences]),
				gt(helpRequests.expiresAt, now)
			)
		)
		.orderBy(desc(helpRequests.createdHour), asc(helpRequests.id));
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const notes = await db
		.select()
		.from(helpNotes)
		.where(inArray(helpNotes.requestId, ids))
		.orderBy(asc(helpNotes.createdHour), asc(helpNotes.id));
	const replies = await db
		.select({ requestId: helpReplies.requestId, n: sql<number>`count(*)::int` })
		.from(helpReplies)
		.where(inArray(helpReplies.requestId, ids))
		.groupBy(helpReplies.requestId);
	const replyCount = new Map(replies.map((r) => [r.requestId, Number(r.n)]));
	return rows.map((r): InboxRequest => ({
		id: r.id,
		audience: r.audience as KeyKind,
		ciphertext: r.ciphertext,
		status: r.status,
		createdHour: r.createdHour,
		expiresAt: r.expiresAt,
		closedAt: r.closedAt,
		replies: replyCount.get(r.id) ?? 0,
		notes: notes.filter((n) => n.requestId === r.id).map((n) => n.ciphertext)
	}));
}

const ofOrg = (id: string, access: Access) => {
	const audiences = audiencesOf(access);
	return and(
		eq(helpRequests.id, id),
		eq(helpRequests.orgKey, orgOf(access)),
		// No audience at all: a condition that matches nothing.
		audiences.length ? inArray(helpRequests.audience, [...audiences]) : sql`false`
	);
};

export async function setStatus(
	db: Database,
	access: Access,
	id: string,
	status: RequestStatus,
	now = new Date()
): Promise<boolean> {
	const updated = await db
		.update(helpRequests)
		.set({ status, closedAt: status === 'closed' ? hourOf(now) : null })
		.where(ofOrg(id, access))
		.returning({ id: helpRequests.id });
	return updated.length === 1;
}

/** A reply (to the survivor) and its copy (a note for the organisation), together. */
export async function addReply(
	db: Database,
	access: Access,
	id: string,
	reply: Uint8Array,
	copy: Uint8Array,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(helpRequests)
			.set({
				status: sql`case when ${helpRequests.status} = 'new' then 'in_progress' else ${helpRequests.status} end`
			})
			.where(ofOrg(id, access))
			.returning({ id: helpRequests.id });
		if (!row) return false;
		const createdHour = hourOf(now);
		await tx
			.insert(helpReplies)
			.values({ id: newId(), requestId: id, ciphertext: reply, createdHour });
		await tx
			.insert(helpNotes)
			.values({ id: newId(), requestId: id, ciphertext: copy, createdHour });
		return true;
	});
}

export async function addNote(
	db: Database,
	access: Access,
	id: string,
	note: Uint8Array,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: helpRequests.id })
			.from(helpRequests)
			.where(ofOrg(id, access));
		if (!row) return false;
		await tx
			.insert(helpNotes)
			.values({ id: newId(), requestId: id, ciphertext: note, createdHour: hourOf(now) });
		return true;
	});
}

/**
 * Hands a request to another organisation: its ciphertext is replaced by the one the browser
 * re-sealed to that organisation, its status is 'new' again, and the notes (sealed to the
 * first organisation, unreadable to the second) are deleted. Replies stay in the mailbox.
 * Only requests to the staff are handed over (to the other organisation's staff): a request
 * to peer mentors stays with them, as the person chose.
 */
export async function handOver(
	db: Database,
	from: Access,
	id: string,
	toOrg: string,
	ciphertext: Uint8Array
): Promise<'ok' | 'not_found' | 'unknown_org'> {
	return db.transaction(async (tx) => {
		const fromOrg = orgOf(from);
		const staff = audiencesOf(from).includes('organisation') ? ['organisation' as const] : [];
		// A request this member cannot act on is not found, whatever the target (checked first,
		// so a peer mentor learns nothing about a request to the staff).
		const [mine] = await tx
			.select({ id: helpRequests.id })
			.from(helpRequests)
			.where(ofOrg(id, { org: fromOrg, audiences: staff }));
		if (!mine) return 'not_found' as const;
		const [target] = await tx
			.select({ orgKey: helpOrgKeys.orgKey })
			.from(helpOrgKeys)
			.where(and(eq(helpOrgKeys.orgKey, toOrg), eq(helpOrgKeys.kind, 'organisation')));
		if (!target || toOrg === fromOrg) return 'unknown_org' as const;
		const [row] = await tx
			.update(helpRequests)
			.set({ orgKey: toOrg, ciphertext, status: 'new', closedAt: null })
			.where(ofOrg(id, { org: fromOrg, audiences: staff }))
			.returning({ id: helpRequests.id });
		if (!row) return 'not_found' as const;
		await tx.delete(helpNotes).where(eq(helpNotes.requestId, id));
		return 'ok' as const;
	});
}

/**
 * Retention: requests past their expiry, and closed ones `closedDays` after closing, go with
 * their replies and notes (ON DELETE CASCADE). Registered with the retention runner.
 */
export function purgeHelpRequests(closedDays: number) {
	return async (db: Database, now = new Date()): Promise<number> => {
		const closedBefore = new Date(now.getTime() - closedDays * DAY_MS);
		const deleted = await db
			.delete(helpRequests)
			.where(
				or(
					lte(helpRequests.expiresAt, now),
					and(isNotNull(helpRequests.closedAt), lte(helpRequests.closedAt, closedBefore))
				)
			)
			.returning({ id: helpRequests.id });
		return deleted.length;
	};
}

export async function countHelpRows(db: Database) {
	const [row] = await queryRows<{ requests: number; replies: number; notes: number }>(
		db,
		sql`select (select count(*)::int from help_requests) as requests,
			(select count(*)::int from help_replies) as replies,
			(select count(*)::int from help_notes) as notes`
	);
	return {
		requests: Number(row?.requests),
		replies: Number(row?.replies),
		notes: Number(row?.notes)
	};
}
