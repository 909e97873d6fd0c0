import { INTL_LOCALE, type Lang } from './langs';

/**
 * Alphabetical order for lists people scan: municipalities, counties, services, the glossary.
 *
 * Written by hand for one case only: Chromium (desktop and Android, most phones in Albania)
 * ships no Albanian collation data, so `Intl.Collator('sq')` there silently uses the root
 * order, which puts "Gjirokastër" before "Gramsh", "Shkodër" before "Skrapar" and "çaj" before
 * "cok". Albanian counts ç, dh, ë, gj, ll, nj, rr, sh, th, xh and zh as letters of their own,
 * each after its base letter. Where Intl has Albanian data (Node on the server, Firefox) it is
 * used as it is, and the tests check that this fallback orders like it.
 */
// prettier-ignore
const ALPHABET = [
	'a', 'b', 'c', 'ç', 'd', 'dh', 'e', 'ë', 'f', 'g', 'gj', 'h', 'i', 'j', 'k', 'l', 'll', 'm',
	'n', 'nj', 'o', 'p', 'q', 'r', 'rr', 's', 'sh', 't', 'th', 'u', 'v', 'x', 'xh', 'y', 'z', 'zh'
];

/** The alphabet's letters, longest first, so a digraph wins over its first letter. */
const LETTERS = [...ALPHABET].sort((a, b) => b.length - a.length);
/**
 * Each letter as one code point after every ASCII character, in alphabet order; "w", which
 * Albanian does not use but foreign names do, between "v" and "x" as in CLDR's root order.
 */
const WEIGHT = new Map(
	[...ALPHABET.slice(0, 31), 'w', ...ALPHABET.slice(31)].map((l, i) => [
		l,
		String.fromCharCode(0x4e00 + i)
	])
);

/** A string whose plain code-point order is the Albanian alphabetical order (case ignored). */
export function albanianSortKey(text: string): string {
	const s = text.normalize('NFC').toLocaleLowerCase('sq');
	let key = '';
	for (let i = 0; i < s.length;) {
		const letter = LETTERS.find((l) => s.startsWith(l, i));
		if (letter) {
			key += WEIGHT.get(letter);
			i += letter.length;
		} else {
			// A letter with an accent Albanian does not use (é, ü) sorts with its base letter (the
			// accent only breaks ties); anything else (space, hyphen, digit) keeps its own code
			// point, so spaces, punctuation and digits come before letters, as in CLDR.
			const ch = s[i]!;
			key += WEIGHT.get(ch.normalize('NFD')[0]!) ?? ch;
			i += 1;
		}
	}
	return key;
}

function lacksAlbanianCollation(): boolean {
	return Intl.Collator.supportedLocalesOf(INTL_LOCALE.sq).length === 0;
}

/**
 * A comparator for names in the reader's language: Intl's own where it has the language's
 * data, the Albanian fallback below where it has not.
 */
export function compareText(
	lang: Lang,
	options: Intl.CollatorOptions = {}
): (a: string, b: string) => number {
	if (lang === 'sq' && lacksAlbanianCollation()) return albanianComparator(options);
	return new Intl.Collator(INTL_LOCALE[lang], options).compare;
}

/**
 * Albanian order without Intl's Albanian data. Ties (same letters, other case or accents) are
 * broken by the root collator, as CLDR does; with `sensitivity: 'base'` they stay ties.
 */
export function albanianComparator(
	options: Intl.CollatorOptions = {}
): (a: string, b: string) => number {
	const root = new Intl.Collator('und', options).compare;
	const keys = new Map<string, string>();
	const key = (s: string) => {
		let k = keys.get(s);
		if (k === undefined) keys.set(s, (k = albanianSortKey(s)));
		return k;
	};
	return (a, b) => {
		const ka = key(a);
		const kb = key(b);
		if (ka !== kb) return ka < kb ? -1 : 1;
		return options.sensitivity === 'base' ? 0 : root(a, b);
	};
}
