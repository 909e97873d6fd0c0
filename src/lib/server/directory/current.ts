import { createHash } from 'node:crypto';
import seedData from '../../../../data/directory/directory.json';
import type { DirectoryDocument } from '$lib/directory/profile';
import { buildSnapshot, type Snapshot } from '$lib/directory/snapshot';
import type { Database } from '../db/client';
import { publishedOrgKeys } from '../help/orgs';
import { log } from '../log';
import { directoryVersion, exportDirectory, seedDirectoryIfEmpty } from './store';

/**
 * The directory as the app serves it: the export and the browser snapshot of the current
 * version, rebuilt only when the version changes (an import on any instance bumps it).
 */
export type CurrentDirectory = {
	version: number;
	doc: DirectoryDocument;
	snapshot: Snapshot;
	/** The snapshot as served: bytes and a strong ETag over them. */
	json: string;
	etag: string;
	keysStamp: string;
};

// Per database handle (tests open several); the app has one.
const caches = new WeakMap<Database, CurrentDirectory>();

export async function currentDirectory(db: Database): Promise<CurrentDirectory> {
	const version = await directoryVersion(db);
	// Organisation keys (help requests) change without a directory version: part of the stamp.
	const keys = await publishedOrgKeys(db);
	const stamp = JSON.stringify(keys);
	const cache = caches.get(db);
	if (cache && cache.version === version && cache.keysStamp === stamp) return cache;
	const doc = await exportDirectory(db);
	const built = buildSnapshot(doc, version);
	const staff = new Map(keys.filter((k) => k.kind === 'organisation').map((k) => [k.orgKey, k]));
	const mentors = new Map(keys.filter((k) => k.kind === 'peer_mentors').map((k) => [k.orgKey, k]));
	const snapshot = {
		...built,
		orgs: built.orgs.map((o) => {
			const k = o.key ? staff.get(o.key) : undefined;
			const m = o.key ? mentors.get(o.key) : undefined;
			return {
				...o,
				...(k ? { publicKey: k.publicKey, fingerprint: k.fingerprint } : {}),
				...(m ? { mentorPublicKey: m.publicKey, mentorFingerprint: m.fingerprint } : {})
			};
		})
	};
	const json = JSON.stringify(snapshot);
	const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
	const fresh = { version, keysStamp: stamp, doc, snapshot, json, etag };
	caches.set(db, fresh);
	return fresh;
}

/** At start: load data/directory into an empty database (once, whatever the instances). */
export async function seedDirectory(db: Database): Promise<void> {
	const result = await seedDirectoryIfEmpty(db, seedData);
	if (result.seeded) log.info('directory seeded', { event: 'directory-seed' });
}
