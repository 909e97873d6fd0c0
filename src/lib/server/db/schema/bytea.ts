import { customType } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL bytea as Uint8Array, for ciphertext. Drizzle 0.45 has no built-in bytea type.
 * node-postgres returns a Buffer (a Uint8Array subclass) and PGlite a Uint8Array; both are
 * given back as a plain Uint8Array view.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
	fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
});
