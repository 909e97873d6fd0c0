import { INTL_LOCALE, type Lang } from './langs';

// Intl does the locale work (grouping, month names, currency symbols); nothing hand-rolled.

/** True where this JavaScript engine has no Albanian locale data (Chromium: desktop and Android). */
function lacksAlbanian(): boolean {
	return Intl.NumberFormat.supportedLocalesOf(INTL_LOCALE.sq).length === 0;
}

/** CLDR's Albanian currency symbols for the currencies our data uses; others show their code. */
const ALBANIAN_CURRENCY: Record<string, string> = { ALL: 'Lekë', EUR: '€' };

/**
 * A number as CLDR writes it in Albanian, without Intl's Albanian data: groups of three only
 * from five digits on ("9000", "12 000"), a no-break space between groups, a decimal comma.
 * Intl still does the rounding and digit grouping (through the root locale); only the two
 * separators are Albanian. Chromium would otherwise silently print "9,000" or "ALL 9,000".
 */
export function albanianNumber(value: number, fractionDigits?: number): string {
	return new Intl.NumberFormat('en-US', {
		useGrouping: 'min2',
		...(fractionDigits === undefined
			? {}
			: { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })
	})
		.formatToParts(value)
		.map((p) => (p.type === 'group' ? '\u00a0' : p.type === 'decimal' ? ',' : p.value))
		.join('');
}

export function formatNumber(lang: Lang, value: number): string {
	if (lang === 'sq' && lacksAlbanian()) return albanianNumber(value);
	return new Intl.NumberFormat(INTL_LOCALE[lang]).format(value);
}

/**
 * An amount as people say it: "9000 Lekë" in Albanian, "9,000 Albanian lekë" in English
 * (English readers may not know the lek, and "ALL" reads as a word).
 */
export function formatMoney(lang: Lang, value: number, currency: string): string {
	if (lang === 'sq' && lacksAlbanian()) {
		return `${albanianNumber(value, 0)}\u00a0${ALBANIAN_CURRENCY[currency] ?? currency}`;
	}
	return new Intl.NumberFormat(INTL_LOCALE[lang], {
		style: 'currency',
		currency,
		currencyDisplay: lang === 'sq' ? 'symbol' : 'name',
		maximumFractionDigits: 0
	}).format(value);
}

const ALBANIAN_MONTHS = [
	'janar',
	'shkurt',
	'mars',
	'prill',
	'maj',
	'qershor',
	'korrik',
	'gusht',
	'shtator',
	'tetor',
	'nëntor',
	'dhjetor'
];

/**
 * "1 dhjetor 2022" without Intl's Albanian data. Chromium (desktop and Android) ships no
 * Albanian locale data and silently falls back to "December 1, 2022"; Firefox and Node have it.
 */
export function albanianDate(date: Date): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		timeZone: 'Europe/Tirane'
	}).formatToParts(date);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return `${part('day')} ${ALBANIAN_MONTHS[part('month') - 1]} ${part('year')}`;
}

/** A calendar date ('2022-12-01' or a Date) in words: "1 dhjetor 2022" / "1 December 2022". */
export function formatDate(lang: Lang, value: string | Date): string {
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
	if (lang === 'sq' && Intl.DateTimeFormat.supportedLocalesOf(INTL_LOCALE.sq).length === 0) {
		return albanianDate(date);
	}
	return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Tirane'
	}).format(date);
}
