import {
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bytea } from './bytea';

/**
 * Help requests and the people who answer them. docs/crypto.md, "Help requests", has the
 * formats. What the server keeps about a person who asks for help: ciphertext it cannot
 * open, which organisation it is for, an idempotency key, the hour it arrived, when it
 * expires, and a hash of the mailbox id. No IP, no user agent, no cookie, no account.
 */
export const helpRequests = pgTable(
	'help_requests',
	{
		/** 16 random bytes, base64url. */
		id: text('id').primaryKey(),
		/** Directory key of the organisation it is sealed to (changes on handover). */
		orgKey: text('org_key').notNull(),
		/**
		 * Which of the organisation's keys it is sealed to: 'organisation' (its staff) or
		 * 'peer_mentors' (its peer-mentor group). Only members holding that key's grant see it.
		 */
		audience: text('audience').notNull().default('organisation'),
		/** crypto_box_seal of the padded request, to the organisation's public key. */
		ciphertext: bytea('ciphertext').notNull(),
		/** From the browser (16 random bytes, base64url, per recipient): retries never duplicate. */
		idempotencyKey: text('idempotency_key').notNull(),
		/** SHA-256 of the 16-byte lookup id derived from the pickup code. */
		lookupHash: bytea('lookup_hash').notNull(),
		/** 'new' | 'in_progress' | 'closed' (src/lib/server/api/help.ts). */
		status: text('status').notNull().default('new'),
		/** The hour it arrived (minutes and seconds dropped). */
		createdHour: timestamp('created_hour', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** Set when closed; retention deletes N days later. */
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('help_requests_idempotency_idx').on(t.idempotencyKey),
		index('help_requests_org_idx').on(t.orgKey, t.audience),
		index('help_requests_lookup_idx').on(t.lookupHash),
		index('help_requests_expires_idx').on(t.expiresAt),
		check('help_requests_audience_check', sql`${t.audience} IN ('organisation', 'peer_mentors')`)
	]
);

/** Answers from an organisation, sealed to the request's reply key; deleted with the request. */
export const helpReplies = pgTable(
	'help_replies',
	{
		id: text('id').primaryKey(),
		requestId: text('request_id')
			.notNull()
			.references(() => helpRequests.id, { onDelete: 'cascade' }),
		ciphertext: bytea('ciphertext').notNull(),
		createdHour: timestamp('created_hour', { withTimezone: true }).notNull()
	},
	(t) => [index('help_replies_request_idx').on(t.requestId)]
);

/** Internal notes, sealed to the organisation's key; deleted with the request or on handover. */
export const helpNotes = pgTable(
	'help_notes',
	{
		id: text('id').primaryKey(),
		requestId: text('request_id')
			.notNull()
			.references(() => helpRequests.id, { onDelete: 'cascade' }),
		ciphertext: bytea('ciphertext').notNull(),
		createdHour: timestamp('created_hour', { withTimezone: true }).notNull()
	},
	(t) => [index('help_notes_request_idx').on(t.requestId)]
);

/**
 * An organisation's X25519 public keys, each made in an admin's browser: 'organisation' (its
 * staff; made by the first admin at signup) and, once an admin sets it up, 'peer_mentors'
 * (its peer-mentor group, a separate key pair so that peer mentors never hold the staff key).
 */
export const helpOrgKeys = pgTable(
	'help_org_keys',
	{
		/** Directory organisation key (ura_key). */
		orgKey: text('org_key').notNull(),
		publicKey: bytea('public_key').notNull(),
		/** 'organisation' | 'peer_mentors' (src/lib/server/api/help.ts KEY_KINDS). */
		kind: text('kind').notNull().default('organisation'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.orgKey, t.kind] }),
		// One key pair is one audience: a group key equal to the staff key (or to another
		// organisation's key) would let the wrong people read (docs/crypto.md).
		uniqueIndex('help_org_keys_public_key_idx').on(t.publicKey),
		check('help_org_keys_kind_check', sql`${t.kind} IN ('organisation', 'peer_mentors')`)
	]
);

/** Staff and peer mentors. Secret keys exist here only wrapped by the person's passphrase. */
export const responders = pgTable('responders', {
	id: text('id').primaryKey(),
	/** Canonical (lower case, NFC) username, chosen at signup. */
	username: text('username').notNull().unique(),
	orgKey: text('org_key').notNull(),
	/** 'org_admin' | 'responder' | 'peer_mentor'. */
	role: text('role').notNull(),
	boxPublicKey: bytea('box_public_key').notNull(),
	signPublicKey: bytea('sign_public_key').notNull(),
	/** Account blob (docs/crypto.md): Argon2id parameters and salt, then the wrapped keys. */
	wrappedKeys: bytea('wrapped_keys').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** One of the organisation's secret keys (by kind) sealed to one member's X25519 key. */
export const orgKeyGrants = pgTable(
	'org_key_grants',
	{
		orgKey: text('org_key').notNull(),
		/** Which key: 'organisation' | 'peer_mentors', as in help_org_keys. */
		kind: text('kind').notNull().default('organisation'),
		responderId: text('responder_id')
			.notNull()
			.references(() => responders.id, { onDelete: 'cascade' }),
		sealedKey: bytea('sealed_key').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.orgKey, t.kind, t.responderId] }),
		check('org_key_grants_kind_check', sql`${t.kind} IN ('organisation', 'peer_mentors')`)
	]
);

/** One-time invitations: only the SHA-256 of the token is stored. */
export const responderInvites = pgTable('responder_invites', {
	tokenHash: bytea('token_hash').primaryKey(),
	orgKey: text('org_key').notNull(),
	role: text('role').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	/** Null for the first admin (made by the CLI). */
	createdBy: text('created_by')
});

/** Sign-in challenges: 32 random bytes, single use, a few minutes. */
export const responderChallenges = pgTable('responder_challenges', {
	id: text('id').primaryKey(),
	responderId: text('responder_id').references(() => responders.id, { onDelete: 'cascade' }),
	challenge: bytea('challenge').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
});

/** Sessions: only the SHA-256 of the cookie's token is stored. */
export const responderSessions = pgTable(
	'responder_sessions',
	{
		tokenHash: bytea('token_hash').primaryKey(),
		responderId: text('responder_id')
			.notNull()
			.references(() => responders.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('responder_sessions_responder_idx').on(t.responderId)]
);

/** Daily secrets for keyed address hashes (rate limits); old ones are deleted. */
export const rateLimitSecrets = pgTable('rate_limit_secrets', {
	/** UTC day, YYYY-MM-DD. */
	day: text('day').primaryKey(),
	secret: bytea('secret').notNull()
});

/** Fixed-window counters per bucket and keyed address hash. */
export const rateLimitCounters = pgTable(
	'rate_limit_counters',
	{
		bucket: text('bucket').notNull(),
		keyHash: bytea('key_hash').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		count: integer('count').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.bucket, t.keyHash, t.windowStart] }),
		index('rate_limit_counters_window_idx').on(t.windowStart)
	]
);
