import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db/errors';
import { describeError } from './log';

describe('describeError', () => {
	it('keeps name and message but no network address, IPv4 or IPv6', () => {
		expect(describeError(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(
			'Error: connect ECONNREFUSED [address]:5432'
		);
		expect(
			describeError(new Error('from ::1 and ::ffff:10.0.0.1 and fe80::1ff:fe23:4567:890a'))
		).toBe('Error: from [address] and [address] and [address]');
		// Times and ordinary text are left alone.
		expect(describeError(new TypeError('at 12:30:59 x is undefined'))).toBe(
			'TypeError: at 12:30:59 x is undefined'
		);
	});

	it('never carries a stack', () => {
		const e = new Error('boom');
		expect(describeError(e)).not.toContain('at ');
	});
});

describe('isDatabaseUnavailable', () => {
	it('recognises connection failures, also when wrapped as a cause', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		expect(isDatabaseUnavailable(refused)).toBe(true);
		expect(isDatabaseUnavailable(new Error('Failed query: insert …', { cause: refused }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
	});

	it('does not mistake a bug for an outage', () => {
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
		expect(isDatabaseUnavailable('a string')).toBe(false);
	});
});
