import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber } from './format';

describe('Intl formatters', () => {
	it('groups numbers the Albanian way and the English way', () => {
		expect(formatNumber('en', 29879324)).toBe('29,879,324');
		// Albanian groups with a (narrow) no-break space.
		expect(formatNumber('sq', 29879324).replace(/\s/gu, ' ')).toBe('29 879 324');
	});

	it('writes amounts as people say them: Lekë in Albanian, Albanian lekë in English', () => {
		expect(formatMoney('sq', 9000, 'ALL').replace(/\s/gu, ' ')).toBe('9000 Lekë');
		expect(formatMoney('en', 9000, 'ALL')).toBe('9,000 Albanian lekë');
		expect(formatMoney('sq', 80, 'EUR').replace(/\s/gu, ' ')).toBe('80 €');
	});

	it('writes dates with month names in each language', () => {
		expect(formatDate('en', '2022-12-01')).toBe('1 December 2022');
		expect(formatDate('sq', '2022-12-01')).toBe('1 dhjetor 2022');
	});
});
