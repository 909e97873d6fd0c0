/** Organisations' public keys, as the directory snapshot and the help form see them. */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { directoryOrganization, helpOrgKeys } from '../db/schema';
import type { KeyKind } from '../api/help';

/**
 * First 16 bytes of BLAKE2b-512 of the public key, as 8 groups of 4 hex digits; the browser
 * computes the same with libsodium (src/lib/requests/seal.ts `fingerprint`).
 */
export function orgFingerprint(publicKey: Uint8Array): string {
	const hex = createHash('blake2b512').update(publicKey).digest().subarray(0, 16).toString('hex');
	return hex.match(/.{4}/g)!.join(' ');
}

export type PublishedOrgKey = {
	orgKey: string;
	kind: KeyKind;
	publicKey: string;
	fingerprint: string;
};

/** Every published key: the staff key and, where set up, the peer-mentor group key. */
export async function publishedOrgKeys(db: Database): Promise<PublishedOrgKey[]> {
	const rows = await db
		.select()
		.from(helpOrgKeys)
		.orderBy(asc(helpOrgKeys.orgKey), asc(helpOrgKeys.kind));
	return rows.map((r) => ({
		orgKey: r.orgKey,
		kind: r.kind as KeyKind,
		publicKey: Buffer.from(r.publicKey).toString('base64url'),
		fingerprint: orgFingerprint(r.publicKey)
	}));
}

/** One published key of an organisation, or null. */
export async function publishedKey(
	db: Database,
	orgKey: string,
	kind: KeyKind
): Promise<{ publicKey: string; fingerprint: string } | null> {
	const [row] = await db
		.select({ publicKey: helpOrgKeys.publicKey })
		.from(helpOrgKeys)
		.where(and(eq(helpOrgKeys.orgKey, orgKey), eq(helpOrgKeys.kind, kind)));
	return row
		? {
				publicKey: Buffer.from(row.publicKey).toString('base64url'),
				fingerprint: orgFingerprint(row.publicKey)
			}
		: null;
}

export async function orgExists(db: Database, orgKey: string): Promise<boolean> {
	const [row] = await db
		.select({ id: directoryOrganization.id })
		.from(directoryOrganization)
		.where(eq(directoryOrganization.ura_key, orgKey));
	return !!row;
}

/**
 * Organisations whose staff can receive requests (handover targets), with their names,
 * staff keys and fingerprints.
 */
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
		.where(eq(helpOrgKeys.kind, 'organisation'))
		.orderBy(asc(helpOrgKeys.orgKey));
	return rows.map((r) => ({
		key: r.key,
		name: [r.name, r.nameEn] as [string, string],
		publicKey: Buffer.from(r.publicKey).toString('base64url'),
		fingerprint: orgFingerprint(r.publicKey)
	}));
}
