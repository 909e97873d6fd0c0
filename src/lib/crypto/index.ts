/**
 * Ura's cryptography, for the rest of the app. Importing this file is cheap: libsodium is
 * fetched only when `loadCrypto()` is first called. docs/crypto.md describes every format.
 *
 *   const c = await loadCrypto();
 *   const box = c.encrypt(key, bytes, 'ura/notebook/entry');
 */
import { createCrypto, type Crypto } from './core';
import { CryptoError } from './errors';
import { loadSodium } from './sodium';

export type { BoxKeyPair, CodeKeys, Crypto, SignKeyPair } from './core';
export { CryptoError, isCryptoError, type CryptoErrorCode, type CryptoMessageKey } from './errors';
export * from './format';

let instance: Promise<Crypto> | undefined;

/** The crypto API, once libsodium is loaded. Throws CryptoError('unavailable') if it cannot be. */
export function loadCrypto(): Promise<Crypto> {
	instance ??= loadSodium().then(createCrypto, (error: unknown) => {
		instance = undefined;
		throw new CryptoError('unavailable', error instanceof Error ? error.message : undefined);
	});
	return instance;
}
