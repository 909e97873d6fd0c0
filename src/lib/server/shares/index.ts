/**
 * Storage of shared notes. Every function takes the database, so tests run it on PGlite and
 * on PostgreSQL alike. Expired shares are never served, even before the purge removes them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { shares } from '../db/schema';

export type NewShare = {
	ciphertext: Uint8Array;
	expiresInDays: number;
	burnAfterReading: boolean;
	revokeSecret: Uint8Array;
	/** The client's Idempotency-Key, if it sent one (validated by the API schema). */
	idempotencyKey?: string;
};

/**
 * created: a new share. replayed: the same key and the same request came before, here is
 * that share. conflict: the key was used before for a different request.
 */
export type CreateShareResult =
	{ kind: 'created' | 'replayed'; id: string; expiresAt: Date } | { kind: 'conflict' };

export type ShareView = { expiresAt: Date; burnAfterReading: boolean; ciphertext?: Uint8Array };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function hashSecret(secret: Uint8Array | string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(secret).digest());
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return Buffer.from(a).equals(Buffer.from(b));
}

/** The expiry, rounded up to the next full hour so it does not record when a share was made. */
export function expiryFor(now: Date, days: number): Date {
	return new Date(Math.ceil((now.getTime() + days * DAY_MS) / HOUR_MS) * HOUR_MS);
}

export async function createShare(
	db: Database,
	input: NewShare,
	now = new Date()
): Promise<CreateShareResult> {
	const id = randomBytes(16).toString('base64url');
	const expiresAt = expiryFor(now, input.expiresInDays);
	const revokeHash = hashSecret(input.revokeSecret);
	const idempotencyHash = input.idempotencyKey ? hashSecret(input.idempotencyKey) : null;
	// One statement: of two racing requests with the same key (on one instance or two),
	// exactly one inserts; the other finds that row below.
	const inserted = await db
		.insert(shares)
		.values({
			id,
			ciphertext: input.ciphertext,
			expiresAt,
			burnAfterReading: input.burnAfterReading,
			revokeHash,
			idempotencyHash
		})
		.onConflictDoNothing({ target: shares.idempotencyHash })
		.returning({ id: shares.id });
	if (inserted.length === 1 || !idempotencyHash) return { kind: 'created', id, expiresAt };
	const [first] = await db.select().from(shares).where(eq(shares.idempotencyHash, idempotencyHash));
	// Gone already (expired, revoked or read): the key is free again only after that, and a
	// late retry of a share that no longer exists must not silently make a second one.
	if (!first) return { kind: 'conflict' };
	const same =
		sameBytes(first.ciphertext, input.ciphertext) &&
		sameBytes(first.revokeHash, revokeHash) &&
		first.burnAfterReading === input.burnAfterReading;
	return same
		? { kind: 'replayed', id: first.id, expiresAt: first.expiresAt }
		: { kind: 'conflict' };
}

/** Expiry and flags; the ciphertext too unless the share is read-once (then: openShare). */
export async function getShare(
	db: Database,
	id: string,
	now = new Date()
): Promise<ShareView | null> {
	const [row] = await db
		.select()
		.from(shares)
		.where(and(eq(shares.id, id), gt(shares.expiresAt, now)));
	if (!row) return null;
	return row.burnAfterReading
		? { expiresAt: row.expiresAt, burnAfterReading: true }
		: { expiresAt: row.expiresAt, burnAfterReading: false, ciphertext: row.ciphertext };
}

/**
 * The ciphertext. A read-once share is deleted in the same statement that returns it, so of
 * two readers racing (on one instance or two) exactly one gets it.
 */
export async function openShare(
	db: Database,
	id: string,
	now = new Date()
): Promise<Required<ShareView> | null> {
	const live = and(eq(shares.id, id), gt(shares.expiresAt, now));
	const [burned] = await db
		.delete(shares)
		.where(and(live, eq(shares.burnAfterReading, true)))
		.returning();
	const row = burned ?? (await db.select().from(shares).where(live))[0];
	if (!row) return null;
	return {
		expiresAt: row.expiresAt,
		burnAfterReading: row.burnAfterReading,
		ciphertext: row.ciphertext
	};
}

/** Deletes a share if the secret matches. False when there is no such share or it does not. */
export async function revokeShare(db: Database, id: string, secret: Uint8Array): Promise<boolean> {
	const deleted = await db
		.delete(shares)
		.where(and(eq(shares.id, id), eq(shares.revokeHash, hashSecret(secret))))
		.returning({ id: shares.id });
	return deleted.length === 1;
}

/** Removes expired shares; returns how many. Registered with the retention runner. */
export async function purgeExpiredShares(db: Database, now = new Date()): Promise<number> {
	const deleted = await db
		.delete(shares)
		.where(lte(shares.expiresAt, now))
		.returning({ id: shares.id });
	return deleted.length;
}

/** How many shares exist (for tests and operators; says nothing about anyone). */
export async function countShares(db: Database): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(shares);
	return Number(row?.n ?? 0);
}
