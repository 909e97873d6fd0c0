/**
 * Responder accounts, invitations, sign-in and sessions. The server stores public keys, the
 * wrapped account blob (it cannot open it), hashes of invitation and session tokens, and
 * organisation key grants (sealed; it cannot open them either).
 */
import { createHash, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { and, eq, gt, inArray, lte, or } from 'drizzle-orm';
import { ARGON2ID_DEFAULT } from '$lib/crypto/format';
import { accountPrefix, ACCOUNT_BLOB_BYTES, signInMessage } from '$lib/requests/account';
import type { Database } from '../db';
import {
	appMeta,
	helpOrgKeys,
	orgKeyGrants,
	responderChallenges,
	responderInvites,
	responders,
	responderSessions
} from '../db/schema';
import {
	CHALLENGE_SECONDS,
	INVITE_HOURS,
	KINDS_OF_ROLE,
	type KeyKind,
	SESSION_HOURS,
	SESSION_IDLE_MINUTES,
	type Role
} from '../api/help';
import { newId, type Access } from './requests';

const sha256 = (b: Uint8Array | string) => new Uint8Array(createHash('sha256').update(b).digest());

/** A one-time invitation. Returns the token (256 bits) for the link; only its hash is kept. */
export async function createInvite(
	db: Database,
	input: { orgKey: string; role: Role; createdBy: string | null },
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + INVITE_HOURS * 3_600_000);
	await db.insert(responderInvites).values({
		tokenHash: sha256(token),
		orgKey: input.orgKey,
		role: input.role,
		expiresAt,
		createdBy: input.createdBy
	});
	return { token, expiresAt };
}

export type SignupInput = {
	token: string;
	username: string;
	boxPublicKey: Uint8Array;
	signPublicKey: Uint8Array;
	wrappedKeys: Uint8Array;
	orgPublicKey?: Uint8Array;
	orgGrant?: Uint8Array;
};

export type SignupResult =
	| { kind: 'ok'; responderId: string; orgKey: string }
	| { kind: 'invalid_invite' | 'username_taken' | 'org_key_required' | 'org_key_exists' };

class SignupRefused extends Error {
	constructor(readonly result: Exclude<SignupResult, { kind: 'ok' }>) {
		super(result.kind);
	}
}

/**
 * Creates the account and uses up the invitation in one transaction (two people racing with
 * one link: one wins). The first admin of an organisation also publishes its public key and
 * the grant of its secret key to themself.
 */
export async function signup(
	db: Database,
	input: SignupInput,
	now = new Date()
): Promise<SignupResult> {
	try {
		return await db.transaction(async (tx) => {
			const [invite] = await tx
				.delete(responderInvites)
				.where(
					and(
						eq(responderInvites.tokenHash, sha256(input.token)),
						gt(responderInvites.expiresAt, now)
					)
				)
				.returning();
			if (!invite) throw new SignupRefused({ kind: 'invalid_invite' });
			const [taken] = await tx
				.select({ id: responders.id })
				.from(responders)
				.where(eq(responders.username, input.username));
			if (taken) throw new SignupRefused({ kind: 'username_taken' });
			const [orgKey] = await tx
				.select()
				.from(helpOrgKeys)
				.where(and(eq(helpOrgKeys.orgKey, invite.orgKey), eq(helpOrgKeys.kind, 'organisation')));
			const first = !orgKey;
			if (first && (invite.role !== 'org_admin' || !input.orgPublicKey || !input.orgGrant)) {
				throw new SignupRefused({ kind: 'org_key_required' });
			}
			if (!first && (input.orgPublicKey || input.orgGrant)) {
				throw new SignupRefused({ kind: 'org_key_exists' });
			}
			if (first) {
				// A key already published (by another organisation) is never a new staff key.
				const [inUse] = await tx
					.select({ orgKey: helpOrgKeys.orgKey })
					.from(helpOrgKeys)
					.where(eq(helpOrgKeys.publicKey, input.orgPublicKey!));
				if (inUse) throw new SignupRefused({ kind: 'org_key_exists' });
			}
			const id = newId();
			await tx.insert(responders).values({
				id,
				username: input.username,
				orgKey: invite.orgKey,
				role: invite.role,
				boxPublicKey: input.boxPublicKey,
				signPublicKey: input.signPublicKey,
				wrappedKeys: input.wrappedKeys
			});
			if (first) {
				await tx
					.insert(helpOrgKeys)
					.values({ orgKey: invite.orgKey, kind: 'organisation', publicKey: input.orgPublicKey! });
				await tx.insert(orgKeyGrants).values({
					orgKey: invite.orgKey,
					kind: 'organisation',
					responderId: id,
					sealedKey: input.orgGrant!
				});
			}
			return { kind: 'ok', responderId: id, orgKey: invite.orgKey } as const;
		});
	} catch (error) {
		if (error instanceof SignupRefused) return error.result;
		throw error;
	}
}

/** A per-installation secret (app_meta), for decoy salts that stay the same per username. */
async function decoySecret(db: Database): Promise<Buffer> {
	await db
		.insert(appMeta)
		.values({ key: 'responder-decoy-secret', value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db
		.select({ value: appMeta.value })
		.from(appMeta)
		.where(eq(appMeta.key, 'responder-decoy-secret'));
	return Buffer.from(row!.value, 'base64url');
}

/**
 * For an unknown username: a blob that looks like an account (default parameters, a salt and
 * ciphertext that are the same on every try), so asking does not tell who has an account.
 */
export async function decoyBlob(db: Database, username: string): Promise<Uint8Array> {
	const secret = await decoySecret(db);
	const stream = (label: string, n: number) => {
		const out = new Uint8Array(n);
		for (let i = 0, off = 0; off < n; i++) {
			const block = createHmac('sha256', secret).update(`${label}\n${i}\n${username}`).digest();
			out.set(block.subarray(0, Math.min(32, n - off)), off);
			off += 32;
		}
		return out;
	};
	const prefix = accountPrefix(ARGON2ID_DEFAULT, stream('salt', 16));
	const blob = new Uint8Array(ACCOUNT_BLOB_BYTES);
	blob.set(prefix, 0);
	const rest = stream('blob', ACCOUNT_BLOB_BYTES - prefix.length);
	rest[0] = 0x01; // envelope version
	rest[1] = 0x01; // algorithm
	blob.set(rest, prefix.length);
	return blob;
}

/** Step 1 of sign-in: the wrapped keys and a fresh one-time challenge. */
export async function createChallenge(
	db: Database,
	username: string,
	now = new Date()
): Promise<{ challengeId: string; challenge: Uint8Array; wrappedKeys: Uint8Array }> {
	const [account] = await db
		.select({ id: responders.id, wrappedKeys: responders.wrappedKeys })
		.from(responders)
		.where(eq(responders.username, username));
	const challenge = new Uint8Array(randomBytes(32));
	const challengeId = newId();
	await db.insert(responderChallenges).values({
		id: challengeId,
		responderId: account?.id ?? null,
		challenge,
		expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000)
	});
	return {
		challengeId,
		challenge,
		wrappedKeys: account ? account.wrappedKeys : await decoyBlob(db, username)
	};
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function verifyEd25519(
	signature: Uint8Array,
	message: Uint8Array,
	publicKey: Uint8Array
): boolean {
	try {
		const key = createPublicKey({
			key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
			format: 'der',
			type: 'spki'
		});
		return verify(null, message, key, signature);
	} catch {
		return false;
	}
}

/** Step 2: the challenge is used up whatever happens; the responder's id if the signature holds. */
export async function verifySignIn(
	db: Database,
	challengeId: string,
	signature: Uint8Array,
	now = new Date()
): Promise<string | null> {
	const [row] = await db
		.delete(responderChallenges)
		.where(and(eq(responderChallenges.id, challengeId), gt(responderChallenges.expiresAt, now)))
		.returning();
	if (!row?.responderId) return null;
	const [account] = await db
		.select({ signPublicKey: responders.signPublicKey })
		.from(responders)
		.where(eq(responders.id, row.responderId));
	if (!account) return null;
	return verifyEd25519(signature, signInMessage(row.challenge), account.signPublicKey)
		? row.responderId
		: null;
}

export async function createSession(
	db: Database,
	responderId: string,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
	await db.insert(responderSessions).values({
		tokenHash: sha256(token),
		responderId,
		expiresAt,
		idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000)
	});
	return { token, expiresAt };
}

export type Responder = typeof responders.$inferSelect;

/** The responder of a live session (and the idle timer restarts), or null. */
export async function sessionResponder(
	db: Database,
	token: string,
	now = new Date()
): Promise<Responder | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const [row] = await db
		.update(responderSessions)
		.set({ idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000) })
		.where(
			and(
				eq(responderSessions.tokenHash, sha256(token)),
				gt(responderSessions.expiresAt, now),
				gt(responderSessions.idleExpiresAt, now)
			)
		)
		.returning({ responderId: responderSessions.responderId });
	if (!row) return null;
	const [responder] = await db.select().from(responders).where(eq(responders.id, row.responderId));
	return responder ?? null;
}

export async function endSession(db: Database, token: string): Promise<void> {
	await db.delete(responderSessions).where(eq(responderSessions.tokenHash, sha256(token)));
}

/** The member's sealed keys by kind (only kinds their role may hold), as far as granted. */
export async function grantsOf(
	db: Database,
	r: Responder
): Promise<Partial<Record<KeyKind, Uint8Array>>> {
	const allowed = KINDS_OF_ROLE[r.role as Role] ?? [];
	if (allowed.length === 0) return {};
	const rows = await db
		.select({ kind: orgKeyGrants.kind, sealedKey: orgKeyGrants.sealedKey })
		.from(orgKeyGrants)
		.where(
			and(
				eq(orgKeyGrants.orgKey, r.orgKey),
				eq(orgKeyGrants.responderId, r.id),
				inArray(orgKeyGrants.kind, [...allowed])
			)
		);
	return Object.fromEntries(rows.map((g) => [g.kind, g.sealedKey]));
}

/** The sealed staff key of a member, or null while no admin has granted it yet. */
export async function grantOf(db: Database, r: Responder): Promise<Uint8Array | null> {
	return (await grantsOf(db, r)).organisation ?? null;
}

/** What a member may see and act on: the audiences whose key they were granted. */
export async function accessOf(db: Database, r: Responder): Promise<Access> {
	const grants = await grantsOf(db, r);
	return { org: r.orgKey, audiences: KEY_KINDS_IN_ORDER.filter((k) => grants[k]) };
}
const KEY_KINDS_IN_ORDER: readonly KeyKind[] = ['organisation', 'peer_mentors'];

/**
 * Members still waiting for a key their role may hold and the organisation has published
 * (shown to its admins, once per member and key).
 */
export async function pendingMembers(db: Database, orgKey: string) {
	const members = await db
		.select({
			id: responders.id,
			username: responders.username,
			role: responders.role,
			boxPublicKey: responders.boxPublicKey
		})
		.from(responders)
		.where(eq(responders.orgKey, orgKey))
		.orderBy(responders.createdAt, responders.id);
	const keys = await db
		.select({ kind: helpOrgKeys.kind })
		.from(helpOrgKeys)
		.where(eq(helpOrgKeys.orgKey, orgKey));
	const published = new Set(keys.map((k) => k.kind));
	const grants = await db
		.select({ responderId: orgKeyGrants.responderId, kind: orgKeyGrants.kind })
		.from(orgKeyGrants)
		.where(eq(orgKeyGrants.orgKey, orgKey));
	const has = new Set(grants.map((g) => `${g.responderId} ${g.kind}`));
	return members.flatMap((m) =>
		(KINDS_OF_ROLE[m.role as Role] ?? [])
			.filter((kind) => published.has(kind) && !has.has(`${m.id} ${kind}`))
			.map((kind) => ({ ...m, kind }))
	);
}

export type GrantResult = 'ok' | 'not_found' | 'not_for_role' | 'no_key';

/**
 * Stores a grant an admin's browser sealed to a member. The server refuses a key the
 * member's role may not hold (a peer mentor never gets the staff key), and a kind the
 * organisation has not published.
 */
export async function addGrant(
	db: Database,
	orgKey: string,
	responderId: string,
	sealedKey: Uint8Array,
	kind: KeyKind = 'organisation'
): Promise<GrantResult> {
	const [member] = await db
		.select({ id: responders.id, role: responders.role })
		.from(responders)
		.where(and(eq(responders.id, responderId), eq(responders.orgKey, orgKey)));
	if (!member) return 'not_found';
	if (!(KINDS_OF_ROLE[member.role as Role] ?? []).includes(kind)) return 'not_for_role';
	if (!(await orgPublicKey(db, orgKey, kind))) return 'no_key';
	await db
		.insert(orgKeyGrants)
		.values({ orgKey, kind, responderId, sealedKey })
		.onConflictDoNothing();
	return 'ok';
}

export async function orgPublicKey(
	db: Database,
	orgKey: string,
	kind: KeyKind = 'organisation'
): Promise<Uint8Array | null> {
	const [row] = await db
		.select({ publicKey: helpOrgKeys.publicKey })
		.from(helpOrgKeys)
		.where(and(eq(helpOrgKeys.orgKey, orgKey), eq(helpOrgKeys.kind, kind)));
	return row?.publicKey ?? null;
}

export type MentorGroupResult = 'created' | 'exists' | 'conflict' | 'key_in_use';

/**
 * An admin sets up the organisation's peer-mentor group: publishes the group's public key
 * (made in the admin's browser) and stores the admin's own grant, together. Asking again with
 * the same key is answered 'exists' (a retry); another key once one exists is a conflict.
 * A key already published anywhere (this organisation's staff key, another organisation's
 * key) is refused as 'key_in_use': a group key equal to the staff key would let every staff
 * member read the requests to the peer mentors, and admins would seal the staff secret to
 * peer mentors as "group" grants. A unique index on help_org_keys.public_key backs this up.
 */
export async function setUpMentorGroup(
	db: Database,
	admin: Responder,
	publicKey: Uint8Array,
	grant: Uint8Array
): Promise<MentorGroupResult> {
	return db.transaction(async (tx) => {
		const [same] = await tx
			.select({ orgKey: helpOrgKeys.orgKey, kind: helpOrgKeys.kind })
			.from(helpOrgKeys)
			.where(eq(helpOrgKeys.publicKey, publicKey));
		if (same) {
			return same.orgKey === admin.orgKey && same.kind === 'peer_mentors' ? 'exists' : 'key_in_use';
		}
		const inserted = await tx
			.insert(helpOrgKeys)
			.values({ orgKey: admin.orgKey, kind: 'peer_mentors', publicKey })
			.onConflictDoNothing()
			.returning({ orgKey: helpOrgKeys.orgKey });
		if (inserted.length === 0) {
			const [row] = await tx
				.select({ publicKey: helpOrgKeys.publicKey })
				.from(helpOrgKeys)
				.where(and(eq(helpOrgKeys.orgKey, admin.orgKey), eq(helpOrgKeys.kind, 'peer_mentors')));
			return row && Buffer.from(row.publicKey).equals(publicKey) ? 'exists' : 'conflict';
		}
		await tx.insert(orgKeyGrants).values({
			orgKey: admin.orgKey,
			kind: 'peer_mentors',
			responderId: admin.id,
			sealedKey: grant
		});
		return 'created';
	});
}

/** Expired invitations, challenges and sessions (retention). */
export async function purgeResponderTokens(db: Database, now = new Date()): Promise<number> {
	const a = await db
		.delete(responderInvites)
		.where(lte(responderInvites.expiresAt, now))
		.returning({ x: responderInvites.orgKey });
	const b = await db
		.delete(responderChallenges)
		.where(lte(responderChallenges.expiresAt, now))
		.returning({ x: responderChallenges.id });
	const c = await db
		.delete(responderSessions)
		.where(or(lte(responderSessions.expiresAt, now), lte(responderSessions.idleExpiresAt, now)))
		.returning({ x: responderSessions.responderId });
	return a.length + b.length + c.length;
}
