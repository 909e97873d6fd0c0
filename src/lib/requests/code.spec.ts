import { describe, expect, it } from 'vitest';
import { createCrypto } from '$lib/crypto/core';
import { loadSodium } from '$lib/crypto/sodium';
import {
	checkSymbol,
	CODE_ALPHABET,
	CODE_ENTROPY_BITS,
	CODE_LENGTH,
	formatPickupCode,
	newPickupCode,
	parsePickupCode
} from './code';

const random = (n: number) =>
	new Uint8Array(Array.from({ length: n }, () => Math.floor(Math.random() * 256)));

describe('pickup codes', () => {
	it('have 32 distinct symbols without I, L, O, W, and at least 100 random bits', () => {
		expect(new Set(CODE_ALPHABET).size).toBe(32);
		expect(CODE_ALPHABET).not.toMatch(/[ILOW]/);
		expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(100);
		expect((CODE_LENGTH - 1) * Math.log2(32)).toBe(CODE_ENTROPY_BITS);
	});

	it('are 22 symbols shown in groups of four, and parse back to themselves', () => {
		const code = newPickupCode(random);
		expect(code).toHaveLength(22);
		expect(formatPickupCode(code)).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{2}$/);
		expect(parsePickupCode(formatPickupCode(code))).toEqual({ ok: true, code });
	});

	it('forgive lower case, spaces, dashes and look-alikes (O→0, I/L→1, Ç→C, Ë→E)', () => {
		const body = 'C0E1ABCDEFGHJKMNPQRST';
		const code = body + checkSymbol(body);
		expect(parsePickupCode(`çoë-i abcd efgh jkmn pqrs t${code[21]!.toLowerCase()}`)).toEqual({
			ok: true,
			code
		});
		expect(parsePickupCode('cOeL' + code.slice(4))).toEqual({ ok: true, code });
	});

	it('catch every single wrong symbol, and every swap of neighbours except 0↔Z', () => {
		const code = newPickupCode(random);
		for (let i = 0; i < CODE_LENGTH; i++) {
			for (const s of CODE_ALPHABET) {
				if (s === code[i]) continue;
				const typo = code.slice(0, i) + s + code.slice(i + 1);
				expect(parsePickupCode(typo)).toEqual({ ok: false, problem: 'check' });
			}
		}
		// Luhn mod N's one blind spot: the first and the last symbol (values 0 and N−1) swapped.
		const body = 'ABCDEFGHJKMNPQRSTUVXY';
		const missed: string[] = [];
		for (let i = 0; i < body.length - 1; i++) {
			for (const x of CODE_ALPHABET) {
				for (const y of CODE_ALPHABET) {
					if (x === y) continue;
					const a = body.slice(0, i) + x + y + body.slice(i + 2);
					const b = body.slice(0, i) + y + x + body.slice(i + 2);
					if (checkSymbol(a) === checkSymbol(b)) missed.push(`${x}${y}`);
				}
			}
		}
		expect(new Set(missed)).toEqual(new Set(['0Z', 'Z0']));
	});

	it('say what is wrong: length, a foreign character, or the check symbol', () => {
		expect(parsePickupCode('ABC')).toEqual({ ok: false, problem: 'length' });
		expect(parsePickupCode('W'.repeat(22))).toEqual({ ok: false, problem: 'character' });
	});

	it('draw each symbol uniformly from the low five bits of a byte', () => {
		expect(newPickupCode((n) => new Uint8Array(n).fill(0xff)).slice(0, 21)).toBe('Z'.repeat(21));
		expect(newPickupCode((n) => new Uint8Array(n).fill(0x20)).slice(0, 21)).toBe('0'.repeat(21));
	});

	it('derive the same reply keys and lookup id on any device, from the canonical code only', async () => {
		const c = createCrypto(await loadSodium());
		const code = newPickupCode((n) => c.randomBytes(n));
		const typed = parsePickupCode(formatPickupCode(code).toLowerCase());
		expect(typed.ok).toBe(true);
		const a = c.deriveFromCode(new TextEncoder().encode(code));
		const b = c.deriveFromCode(new TextEncoder().encode(typed.ok ? typed.code : ''));
		expect(b.boxKeyPair.publicKey).toEqual(a.boxKeyPair.publicKey);
		expect(b.lookupId).toEqual(a.lookupId);
		expect(a.lookupId).toHaveLength(16);
		const other = c.deriveFromCode(
			new TextEncoder().encode(newPickupCode((n) => c.randomBytes(n)))
		);
		expect(other.lookupId).not.toEqual(a.lookupId);
	});
});
