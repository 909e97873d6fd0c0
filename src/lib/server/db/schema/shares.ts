import { boolean, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';

/**
 * Notes a person shared with their mentor. The server holds only what it cannot read:
 * the ciphertext (its key is in the link's #fragment, never sent here), when it expires,
 * whether it is deleted after one reading, and a hash of the secret that revokes it.
 * No creation time beyond the expiry (rounded up to the hour), no IP, no user agent.
 */
export const shares = pgTable(
	'shares',
	{
		/** 16 random bytes, base64url (22 characters). */
		id: text('id').primaryKey(),
		/** A version-1 envelope (docs/crypto.md) of padded plaintext. */
		ciphertext: bytea('ciphertext').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		burnAfterReading: boolean('burn_after_reading').notNull().default(false),
		/** SHA-256 of the 32-byte revocation secret kept in the sharer's notebook. */
		revokeHash: bytea('revoke_hash').notNull(),
		/**
		 * SHA-256 of the client's Idempotency-Key (random, made per attempt): a retry after a
		 * lost response gets the same share back instead of a second one. Gone with the row.
		 */
		idempotencyHash: bytea('idempotency_hash')
	},
	(t) => [
		index('shares_expires_at_idx').on(t.expiresAt),
		uniqueIndex('shares_idempotency_hash_idx').on(t.idempotencyHash)
	]
);
