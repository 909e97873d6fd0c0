/** Organisations' public keys, as the directory snapshot and the help form see them. */
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { directoryOrganization, helpOrgKeys } from '../db/schema';

/**
 * First 16 bytes of BLAKE2b-512 of the public key, as 8 groups of 4 hex digits; the browser
 * computes the same with libsodium (src/lib/requests/seal.ts `fingerprint`).
 */
export function orgFingerprint(publicKey: Uint8Array): string {
	const hex = createHash('blake2b512').update(publicKey).digest().subarray(0, 16).toString('hex');
	return hex.match(/.{4}/g)!.join(' ');
}

export type PublishedOrgKey = { orgKey: string; publicKey: string; fingerprint: string };

export async function publishedOrgKeys(db: Database): Promise<PublishedOrgKey[]> {
	const rows = await db.select().from(helpOrgKeys).orderBy(asc(helpOrgKeys.orgKey));
	return rows.map((r) => ({
		orgKey: r.orgKey,
		publicKey: Buffer.from(r.publicKey).toString('base64url'),
		fingerprint: orgFingerprint(r.publicKey)
	}));
}

export async function orgExists(db: Database, orgKey: string): Promise<boolean> {
	const [row] = await db
		.select({ id: directoryOrganization.id })
		.from(directoryOrganization)
		.where(eq(directoryOrganization.ura_key, orgKey));
	return !!row;
}

/** Organisations that can receive requests, with their names, keys and fingerprints. */
export async function keyedOrganisations(db: Database) {
	const rows = await db
		.select({
			key: helpOrgKeys.orgKey,
			publicKey: helpOrgKeys.publicKey,
			name: directoryOrganization.name,
			nameEn: directoryOrganization.ura_name_en
		})
		.from(helpOrgKeys)
		.innerJoin(directoryOrganization, eq(directoryOrganization.ura_key, helpOrgKeys.orgKey))
		.orderBy(asc(helpOrgKeys.orgKey));
	return rows.map((r) => ({
		key: r.key,
		name: [r.name, r.nameEn] as [string, string],
		publicKey: Buffer.from(r.publicKey).toString('base64url'),
		fingerprint: orgFingerprint(r.publicKey)
	}));
}
