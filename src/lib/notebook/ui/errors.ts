import { isCryptoError } from '$lib/crypto';
import type { Translate } from '$lib/i18n/i18n';
import { NotebookError } from '../errors';

/** A person-readable message for any error from the notebook or crypto layers. */
export function errorMessage(
	error: unknown,
	notes: Translate<'notes'>,
	crypto: Translate<'crypto'>
): string {
	if (error instanceof NotebookError) return notes(error.messageKey);
	if (isCryptoError(error)) return crypto(error.messageKey);
	// Anything else is a bug or a browser refusal; say so plainly, never show internals.
	console.warn('notebook: unexpected error', error);
	return crypto('errors.bad_input');
}

/** Lets the browser paint (a "working…" message) before a CPU-heavy step such as Argon2id. */
export function nextPaint(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
