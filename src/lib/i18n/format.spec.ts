import { describe, expect, it } from 'vitest';
import {
	albanianDate,
	albanianList,
	albanianMonthYear,
	albanianNumber,
	formatDate,
	formatList,
	formatMoney,
	formatMonthYear,
	formatNumber,
	monthName
} from './format';

describe('Intl formatters', () => {
	it('groups numbers the Albanian way and the English way', () => {
		expect(formatNumber('en', 29879324)).toBe('29,879,324');
		// Albanian groups with a (narrow) no-break space.
		expect(formatNumber('sq', 29879324).replace(/\s/gu, ' ')).toBe('29 879 324');
	});

	it('writes amounts as people write them: 9 000 lekë in Albanian, Albanian lekë in English', () => {
		expect(formatMoney('sq', 9000, 'ALL').replace(/\s/gu, ' ')).toBe('9 000 lekë');
		expect(formatMoney('sq', 1, 'ALL').replace(/\s/gu, ' ')).toBe('1 lek');
		expect(formatMoney('sq', 120000, 'ALL').replace(/\s/gu, ' ')).toBe('120 000 lekë');
		expect(formatMoney('en', 9000, 'ALL')).toBe('9,000 Albanian lekë');
		expect(formatMoney('sq', 80, 'EUR').replace(/\s/gu, ' ')).toBe('80 €');
		expect(formatMoney('en', 80, 'EUR')).toBe('80 euros');
		// The amount and its currency never part at the end of a line.
		expect(formatMoney('sq', 9000, 'ALL')).toBe('9\u00a0000\u00a0lekë');
	});

	it('writes dates with month names in each language', () => {
		expect(formatDate('en', '2022-12-01')).toBe('1 December 2022');
		expect(formatDate('sq', '2022-12-01')).toBe('1 dhjetor 2022');
	});
});

describe('Albanian dates without Intl data (Chromium ships none)', () => {
	it('writes the same words as Intl does where Albanian data exists', () => {
		for (let month = 0; month < 12; month++) {
			for (const day of [1, 15, 28]) {
				const date = new Date(Date.UTC(2026, month, day, 12));
				expect(albanianDate(date)).toBe(formatDate('sq', date));
			}
		}
	});

	it('names months, alone and with their year, as Intl does', () => {
		for (let month = 0; month < 12; month++) {
			const date = new Date(Date.UTC(2021, month, 15));
			const iso = date.toISOString().slice(0, 7);
			expect(albanianMonthYear(date)).toBe(formatMonthYear('sq', iso));
			expect(new Intl.DateTimeFormat('sq', { month: 'long', timeZone: 'UTC' }).format(date)).toBe(
				monthName('sq', month)
			);
		}
		expect(formatMonthYear('sq', '2021-12-01')).toBe('dhjetor 2021');
		expect(formatMonthYear('en', '2021-12')).toBe('December 2021');
		expect(monthName('en', 0)).toBe('January');
	});

	it('uses the date in Tirana, not in UTC', () => {
		expect(albanianDate(new Date('2026-11-30T23:30:00Z'))).toBe('1 dhjetor 2026');
	});
});

describe('Albanian lists without Intl data (Chromium ships none)', () => {
	it('joins names exactly as Intl does where Albanian data exists', () => {
		for (const items of [
			[],
			['Vatra'],
			['Vatra', 'Tjetër Vizion'],
			['A', 'B', 'C'],
			['A', 'B', 'C', 'D']
		])
			for (const type of ['conjunction', 'disjunction'] as const)
				expect(albanianList(items, type)).toBe(new Intl.ListFormat('sq', { type }).format(items));
	});

	it('writes "dhe" in Albanian and "and" in English', () => {
		expect(formatList('sq', ['A', 'B', 'C'])).toBe('A, B dhe C');
		expect(formatList('en', ['A', 'B', 'C'])).toBe('A, B and C');
	});
});

describe('Albanian numbers without Intl data (Chromium ships none)', () => {
	// Node has full ICU, so Intl's own Albanian output is the reference the fallback must match.
	const values = [0, 7, 80, 999, 1000, 9000, 10000, 12000, 99999.4, 123456, 1234567, 29879324];

	it('writes numbers exactly as Intl does where Albanian data exists', () => {
		for (const v of values) expect(albanianNumber(v)).toBe(new Intl.NumberFormat('sq').format(v));
		expect(albanianNumber(1234.5)).toBe(new Intl.NumberFormat('sq').format(1234.5));
	});

	it('groups amounts of money exactly as Intl does with grouping always', () => {
		for (const v of values) {
			const intl = new Intl.NumberFormat('sq', {
				useGrouping: 'always',
				maximumFractionDigits: 0
			}).format(v);
			expect(albanianNumber(v, 0, 'always')).toBe(intl);
		}
	});
});
