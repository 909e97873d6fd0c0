import raw from '../../data/directory/directory.json';
import { DirectoryDocumentSchema, type DirectoryDocument } from '../../src/lib/directory/profile';
import { buildSnapshot, type Snapshot } from '../../src/lib/directory/snapshot';

/** The real directory data (data/directory), validated, and its snapshot: for tests. */
export const directoryData: DirectoryDocument = DirectoryDocumentSchema.parse(raw);
export const realSnapshot: Snapshot = buildSnapshot(directoryData, 1);

export function serviceByKey(key: string) {
	const s = directoryData.services.find((x) => x.ura_key === key);
	if (!s) throw new Error(`no service ${key}`);
	return s;
}
