/**
 * The notebook, for other features (screener, directory, help requests):
 *
 *   import { notebook, addToNotebook } from '$lib/notebook';
 *   if (notebook.status === 'unlocked') await addToNotebook({ kind: 'bookmark', … });
 *
 * Importing this is light: the cryptography loads only when the notebook is used.
 * When the notebook is locked or absent, addToNotebook throws NotebookError('locked' |
 * 'absent'); offer a link to /notes (href('/notes')) where the person can unlock it.
 */
import type { Entry, EntryContent } from './entries';
import { NotebookError } from './errors';
import { notebook } from './session.svelte';

export { notebook, type NotebookStatus } from './session.svelte';
export { NotebookError, type NotebookErrorCode } from './errors';
export type {
	BookmarkContent,
	ChecklistContent,
	ChecklistItem,
	Entry,
	EntryContent,
	EntryKind,
	ScreenerContent,
	TextContent
} from './entries';

/** Saves one entry into the unlocked notebook (validated first). */
export async function addToNotebook(content: EntryContent): Promise<Entry> {
	if (notebook.status !== 'unlocked') {
		const status = await notebook.refresh();
		throw new NotebookError(status === 'absent' ? 'absent' : 'locked');
	}
	// The schema (zod) loads with the first save, not with every page that offers one.
	const { EntryContentSchema } = await import('./entries');
	return notebook.save(EntryContentSchema.parse(content));
}
