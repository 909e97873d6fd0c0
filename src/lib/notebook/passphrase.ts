import { NotebookError } from './errors';

/**
 * The passphrase rule, in a module of its own: the forms that create a notebook or change its
 * passphrase appear on many pages (every "save in my notes" button can create one), and
 * importing the vault for this one check would load the notebook's formats and zod with them.
 */

/** Shortest passphrase accepted, in characters. Argon2id slows guessing; length does more. */
export const PASSPHRASE_MIN_LENGTH = 8;

export function checkNewPassphrase(passphrase: string): void {
	if ([...passphrase.normalize('NFC')].length < PASSPHRASE_MIN_LENGTH) {
		throw new NotebookError('passphrase_too_short');
	}
}
