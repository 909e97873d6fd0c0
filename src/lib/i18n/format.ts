import { INTL_LOCALE, type Lang } from './langs';

// Intl does the locale work (grouping, month names, lists). Where the browser has no Albanian
// data (Chromium), the small fallbacks below write what Intl writes where it has the data; the
// unit tests compare them with Node's full-ICU output.

/** True where this JavaScript engine has no Albanian locale data (Chromium: desktop and Android). */
function lacksAlbanian(): boolean {
	return Intl.NumberFormat.supportedLocalesOf(INTL_LOCALE.sq).length === 0;
}

/**
 * How Albanian prose names the currencies our data uses, after the amount: "9 000 lekë",
 * "80 €". CLDR's currency symbol for the lek is "Lekë" (as on a price tag); in a sentence the
 * word is written in lower case, and "lek" after 1.
 */
function albanianCurrency(currency: string, value: number): string {
	if (currency === 'ALL') return value === 1 ? 'lek' : 'lekë';
	if (currency === 'EUR') return '€';
	return currency;
}

/**
 * A number as CLDR writes it in Albanian, without Intl's Albanian data: a no-break space
 * between groups of three, a decimal comma; groups only from five digits on ("9000",
 * "12 000") unless `grouping` is 'always' ("9 000", for amounts of money). Intl still does
 * the rounding and digit grouping (through the root locale); only the two separators are
 * Albanian. Chromium would otherwise silently print "9,000".
 */
export function albanianNumber(
	value: number,
	fractionDigits?: number,
	grouping: 'min2' | 'always' = 'min2'
): string {
	return new Intl.NumberFormat('en-US', {
		useGrouping: grouping,
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
 * An amount as people write it: "9 000 lekë" in Albanian (grouped from four digits, as
 * amounts are written in Albanian texts), "9,000 Albanian lekë" in English (English readers
 * may not know the lek, and "ALL" reads as a word). Whole units: the data has no cents.
 */
export function formatMoney(lang: Lang, value: number, currency: string): string {
	if (lang === 'sq') {
		const amount = lacksAlbanian()
			? albanianNumber(value, 0, 'always')
			: new Intl.NumberFormat(INTL_LOCALE.sq, {
					useGrouping: 'always',
					maximumFractionDigits: 0
				}).format(value);
		return `${amount}\u00a0${albanianCurrency(currency, value)}`;
	}
	return new Intl.NumberFormat(INTL_LOCALE[lang], {
		style: 'currency',
		currency,
		currencyDisplay: 'name',
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

function lacksAlbanianDates(): boolean {
	return Intl.DateTimeFormat.supportedLocalesOf(INTL_LOCALE.sq).length === 0;
}

/** A month's name (0 = January) as a screener option reads it: "janar" / "January". */
export function monthName(lang: Lang, month: number): string {
	if (lang === 'sq' && lacksAlbanianDates()) return ALBANIAN_MONTHS[month]!;
	return new Intl.DateTimeFormat(INTL_LOCALE[lang], { month: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2000, month, 15))
	);
}

/** "dhjetor 2021" without Intl's Albanian data (the month is read in UTC). */
export function albanianMonthYear(date: Date): string {
	return `${ALBANIAN_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A month of a year ('2021-12' or a longer ISO date): "dhjetor 2021" / "December 2021". */
export function formatMonthYear(lang: Lang, iso: string): string {
	const date = new Date(`${iso.slice(0, 7)}-15T00:00:00Z`);
	if (lang === 'sq' && lacksAlbanianDates()) return albanianMonthYear(date);
	return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
}

/**
 * "A, B dhe C" / "A, B and C". Chromium has no Albanian list data and would write "and" in an
 * Albanian sentence; CLDR's Albanian lists are plain commas and a last "dhe" (or "ose").
 */
export function formatList(
	lang: Lang,
	items: readonly string[],
	type: ListType = 'conjunction'
): string {
	if (lang === 'sq' && Intl.ListFormat.supportedLocalesOf(INTL_LOCALE.sq).length === 0)
		return albanianList(items, type);
	return new Intl.ListFormat(INTL_LOCALE[lang], { type }).format(items);
}

type ListType = 'conjunction' | 'disjunction';

/** An Albanian list without Intl's data: "A, B dhe C", "A ose B". */
export function albanianList(items: readonly string[], type: ListType = 'conjunction'): string {
	if (items.length < 2) return items.join('');
	const last = items[items.length - 1]!;
	return `${items.slice(0, -1).join(', ')} ${type === 'conjunction' ? 'dhe' : 'ose'} ${last}`;
}

/** A calendar date ('2022-12-01' or a Date) in words: "1 dhjetor 2022" / "1 December 2022". */
export function formatDate(lang: Lang, value: string | Date): string {
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
	if (lang === 'sq' && lacksAlbanianDates()) return albanianDate(date);
	return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Tirane'
	}).format(date);
}
