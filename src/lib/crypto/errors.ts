import type { TranslationKey } from '$lib/i18n/resources';

/**
 * Why a cryptographic operation refused. Each code has a message in locales/{sq,en}/crypto.json
 * under `errors.<code>`, written for the person using Ura (never a stack trace).
 */
export const CRYPTO_ERROR_CODES = [
	/** Shorter than the smallest valid message: cut off in transit or storage. */
	'truncated',
	/** A format version this build does not know (made by a newer Ura, or not ours). */
	'unsupported_version',
	/** An algorithm id this build does not know. */
	'unsupported_algorithm',
	/** Authentication failed: wrong key, or the bytes were changed. Nothing is returned. */
	'invalid',
	/** Padding is malformed (after a successful decryption this means a bug or an attack). */
	'bad_padding',
	/** Text that should be base64url is not. */
	'bad_encoding',
	/** A key, nonce or parameter has the wrong size or is out of the accepted range. */
	'bad_input',
	/** The cryptography library could not be loaded (offline before it was ever cached). */
	'unavailable'
] as const;

export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];
export type CryptoMessageKey = TranslationKey<'crypto'>;

export class CryptoError extends Error {
	readonly code: CryptoErrorCode;
	/** Key in the `crypto` namespace: `t(error.messageKey)` with `useT('crypto')`. */
	readonly messageKey: CryptoMessageKey;

	constructor(code: CryptoErrorCode, detail?: string) {
		// The detail is for developers (tests, console); people see messageKey.
		super(detail ? `${code}: ${detail}` : code);
		this.name = 'CryptoError';
		this.code = code;
		this.messageKey = `errors.${code}` as CryptoMessageKey;
	}
}

export function isCryptoError(error: unknown): error is CryptoError {
	return error instanceof CryptoError;
}
