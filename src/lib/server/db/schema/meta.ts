import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Small facts about this installation that every app instance must agree on, e.g. which
 * version of the seeded content (data/) is loaded. Never anything about a person.
 */
export const appMeta = pgTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
