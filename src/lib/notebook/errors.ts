import type { TranslationKey } from '$lib/i18n/resources';

export const NOTEBOOK_ERROR_CODES = [
	/** The passphrase does not open this notebook (or the stored key was changed). */
	'wrong_passphrase',
	/** An action needs the notebook unlocked. */
	'locked',
	/** There is no notebook on this device. */
	'absent',
	/** A notebook already exists (creating another would destroy it). */
	'exists',
	'passphrase_too_short',
	'passphrases_differ',
	/** Stored data does not decrypt or does not have the expected shape. */
	'corrupt',
	/** A backup file that is not a Ura notebook backup, or is damaged. */
	'backup_invalid',
	/** A backup file larger than BACKUP_MAX_BYTES (refused before it is read). */
	'backup_too_large',
	/** "Delete everything" waits for other open Ura tabs to let go of the database. */
	'other_tabs_open',
	/** The browser refused IndexedDB (private mode in some browsers, storage off). */
	'storage_unavailable',
	/** A share link that is incomplete or malformed. */
	'link_invalid',
	/** The shared notes are gone: expired, revoked or already read. */
	'share_gone',
	/** The server refused or could not be reached. */
	'network'
] as const;

export type NotebookErrorCode = (typeof NOTEBOOK_ERROR_CODES)[number];

export class NotebookError extends Error {
	readonly code: NotebookErrorCode;
	/** Key in the `notes` namespace. */
	readonly messageKey: TranslationKey<'notes'>;

	constructor(code: NotebookErrorCode, detail?: string) {
		super(detail ? `${code}: ${detail}` : code);
		this.name = 'NotebookError';
		this.code = code;
		this.messageKey = `errors.${code}` as TranslationKey<'notes'>;
	}
}
