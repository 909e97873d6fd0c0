import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCrypto, type Crypto } from './core';
import { CryptoError, type CryptoErrorCode } from './errors';
import {
	ALG_XCHACHA20POLY1305_IETF,
	ENVELOPE_OVERHEAD,
	ENVELOPE_VERSION,
	parseEnvelope
} from './format';
import { loadSodium } from './sodium';
import { ascii } from './test-helpers';

let c: Crypto;
beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

/** Runs `fn`, which must throw a CryptoError; returns its code. Nothing else counts. */
function failure(fn: () => unknown): CryptoErrorCode {
	let result: unknown;
	try {
		result = fn();
	} catch (error) {
		expect(error).toBeInstanceOf(CryptoError);
		return (error as CryptoError).code;
	}
	throw new Error(`expected a CryptoError, got a result of ${String(result)}`);
}

const CONTEXT = 'ura/test';

describe('versioned envelope', () => {
	it('lays out version, algorithm, 24-byte nonce, ciphertext and 16-byte tag', () => {
		const key = c.newKey();
		const env = c.encrypt(key, ascii('përshëndetje'), CONTEXT);
		expect(env[0]).toBe(ENVELOPE_VERSION);
		expect(env[1]).toBe(ALG_XCHACHA20POLY1305_IETF);
		expect(env.length).toBe(ENVELOPE_OVERHEAD + ascii('përshëndetje').length);
		const parsed = parseEnvelope(env);
		expect(parsed.nonce.length).toBe(24);
		expect(c.decrypt(key, env, CONTEXT)).toEqual(ascii('përshëndetje'));
	});

	it('uses a fresh nonce every time', () => {
		const key = c.newKey();
		const a = c.encrypt(key, ascii('x'), CONTEXT);
		const b = c.encrypt(key, ascii('x'), CONTEXT);
		expect(c.equal(a.slice(2, 26), b.slice(2, 26))).toBe(false);
	});

	it('round-trips any plaintext, including the empty one', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2048 }), (plain) => {
				const key = c.newKey();
				expect(c.decrypt(key, c.encrypt(key, plain, CONTEXT), CONTEXT)).toEqual(plain);
			}),
			{ numRuns: 200 }
		);
	});

	it('refuses every single flipped bit, with a typed error and no plaintext', () => {
		const key = c.newKey();
		const env = c.encrypt(key, ascii('adresa e strehës'), CONTEXT);
		for (let bit = 0; bit < env.length * 8; bit++) {
			const bad = env.slice();
			bad[bit >> 3]! ^= 1 << (bit & 7);
			const code = failure(() => c.decrypt(key, bad, CONTEXT));
			// Byte 0 is the version, byte 1 the algorithm: only 0x01 exists for each.
			if (bit < 8) expect(code).toBe('unsupported_version');
			else if (bit < 16) expect(code).toBe('unsupported_algorithm');
			else expect(code).toBe('invalid');
		}
	});

	it('refuses every truncation, from nothing to one byte short', () => {
		const key = c.newKey();
		const env = c.encrypt(key, ascii('takimi në orën 10'), CONTEXT);
		for (let len = 0; len < env.length; len++) {
			const code = failure(() => c.decrypt(key, env.slice(0, len), CONTEXT));
			expect(['truncated', 'invalid']).toContain(code);
			if (len < ENVELOPE_OVERHEAD) expect(code).toBe('truncated');
		}
		// Extra bytes appended are a change too.
		expect(failure(() => c.decrypt(key, new Uint8Array([...env, 0]), CONTEXT))).toBe('invalid');
	});

	it('refuses a swapped version or algorithm byte, even of an otherwise valid envelope', () => {
		const key = c.newKey();
		const env = c.encrypt(key, ascii('x'), CONTEXT);
		for (const v of [0x00, 0x02, 0xff]) {
			const bad = env.slice();
			bad[0] = v;
			expect(failure(() => c.decrypt(key, bad, CONTEXT))).toBe('unsupported_version');
		}
		const bad = env.slice();
		bad[1] = 0x02;
		expect(failure(() => c.decrypt(key, bad, CONTEXT))).toBe('unsupported_algorithm');
		expect(failure(() => parseEnvelope(new Uint8Array([2])))).toBe('truncated');
	});

	it('binds the purpose and the extra data: another context, record id or key does not open it', () => {
		const key = c.newKey();
		const env = c.encrypt(key, ascii('x'), CONTEXT, ascii('record-1'));
		expect(c.decrypt(key, env, CONTEXT, ascii('record-1'))).toEqual(ascii('x'));
		expect(failure(() => c.decrypt(key, env, 'ura/other', ascii('record-1')))).toBe('invalid');
		expect(failure(() => c.decrypt(key, env, CONTEXT, ascii('record-2')))).toBe('invalid');
		expect(failure(() => c.decrypt(key, env, CONTEXT))).toBe('invalid');
		expect(failure(() => c.decrypt(c.newKey(), env, CONTEXT, ascii('record-1')))).toBe('invalid');
	});

	it('refuses random bytes as an envelope', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (junk) => {
				expect(['truncated', 'unsupported_version', 'unsupported_algorithm', 'invalid']).toContain(
					failure(() => c.decrypt(c.newKey(), junk, CONTEXT))
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('refuses keys and inputs of the wrong shape', () => {
		expect(failure(() => c.encrypt(new Uint8Array(16), ascii('x'), CONTEXT))).toBe('bad_input');
		expect(failure(() => c.encrypt(c.newKey(), ascii('x'), ''))).toBe('bad_input');
	});

	it('gives every error a message key in the crypto namespace', () => {
		const error = new CryptoError('invalid');
		expect(error.messageKey).toBe('errors.invalid');
	});
});

describe('sealed boxes and signatures refuse changes', () => {
	it('refuses every flipped bit of a sealed box and any truncation', () => {
		const kp = c.boxKeyPair();
		const box = c.sealTo(kp.publicKey, ascii('më telefono'));
		for (let bit = 0; bit < box.length * 8; bit++) {
			const bad = box.slice();
			bad[bit >> 3]! ^= 1 << (bit & 7);
			expect(failure(() => c.openSealed(bad, kp))).toBe('invalid');
		}
		for (let len = 0; len < box.length; len++) {
			expect(['truncated', 'invalid']).toContain(
				failure(() => c.openSealed(box.slice(0, len), kp))
			);
		}
		expect(failure(() => c.openSealed(box, c.boxKeyPair()))).toBe('invalid');
	});
});
