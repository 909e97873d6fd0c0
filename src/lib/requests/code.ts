/**
 * Pickup codes: what a person who asked for help keeps, and types in again (on any device) to
 * read the answers. The code is the only secret: `deriveFromCode` (src/lib/crypto) turns it
 * into the reply key pair and the mailbox's lookup id. docs/crypto.md, "Pickup code".
 *
 * 21 random symbols from a 32-symbol alphabet (105 bits) and one check symbol, shown in
 * groups of four: `7KQ3-M9XD-…`. Hand-written because no library offers an alphabet chosen
 * for reading aloud in Albanian with a Luhn mod 32 check symbol.
 */

/**
 * Digits and the letters A–Z without I, L, O (they look like 1 and 0) and W (not a letter of
 * the Albanian alphabet, awkward to say). Albanian letters that are not in ASCII (Ç, Ë) and
 * digraphs (dh, gj, ll, nj, rr, sh, th, xh, zh) never occur, so a code is typed on any
 * keyboard and every symbol is said as one Albanian letter name (a, bë, cë, dë…) or a number.
 * On input the look-alikes are forgiven: O → 0, I/L → 1, Ç → C, Ë → E; spaces and dashes
 * are ignored; lower case is fine.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTUVXYZ';
export const CODE_RANDOM_SYMBOLS = 21;
export const CODE_LENGTH = CODE_RANDOM_SYMBOLS + 1;
/** 21 symbols × 5 bits. */
export const CODE_ENTROPY_BITS = 105;
export const CODE_GROUP = 4;

const N = CODE_ALPHABET.length;
const INDEX = new Map([...CODE_ALPHABET].map((ch, i) => [ch, i]));

/**
 * Luhn mod N over the alphabet: catches every single wrong symbol and every swap of two
 * neighbours except 0↔Z, so a typing slip is reported as such instead of opening an empty
 * mailbox.
 */
export function checkSymbol(symbols: string): string {
	let factor = 2;
	let sum = 0;
	for (let i = symbols.length - 1; i >= 0; i--) {
		const value = INDEX.get(symbols[i]!);
		if (value === undefined) throw new Error('not a code symbol');
		let addend = factor * value;
		factor = factor === 2 ? 1 : 2;
		addend = Math.floor(addend / N) + (addend % N);
		sum += addend;
	}
	return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** A new code (canonical form: 22 symbols, no dashes) from `random` bytes of a CSPRNG. */
export function newPickupCode(randomBytes: (n: number) => Uint8Array): string {
	// 32 divides 256, so the low five bits of a uniform byte are uniform: no bias.
	const body = Array.from(randomBytes(CODE_RANDOM_SYMBOLS), (b) => CODE_ALPHABET[b & 31]).join('');
	return body + checkSymbol(body);
}

/** For display and copying: groups of four joined by dashes. */
export function formatPickupCode(code: string): string {
	const groups: string[] = [];
	for (let i = 0; i < code.length; i += CODE_GROUP) groups.push(code.slice(i, i + CODE_GROUP));
	return groups.join('-');
}

export type CodeProblem = 'length' | 'character' | 'check';
export type ParsedCode = { ok: true; code: string } | { ok: false; problem: CodeProblem };

const FORGIVEN: Record<string, string> = { O: '0', I: '1', L: '1', Ç: 'C', Ë: 'E' };

/** What a person typed → the canonical code, or why it cannot be one. */
export function parsePickupCode(input: string): ParsedCode {
	const symbols = [...input.normalize('NFC').toUpperCase()]
		.filter((ch) => !/[\s\-–—.·_]/.test(ch))
		.map((ch) => FORGIVEN[ch] ?? ch)
		.join('');
	if ([...symbols].some((ch) => !INDEX.has(ch))) return { ok: false, problem: 'character' };
	if (symbols.length !== CODE_LENGTH) return { ok: false, problem: 'length' };
	const body = symbols.slice(0, CODE_RANDOM_SYMBOLS);
	if (checkSymbol(body) !== symbols[CODE_RANDOM_SYMBOLS]) return { ok: false, problem: 'check' };
	return { ok: true, code: symbols };
}
