import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('server configuration', () => {
	it('defaults to the embedded database in .data/pglite', () => {
		const c = readConfig({});
		expect(c.databaseUrl).toBeUndefined();
		expect(c.pgliteDir.endsWith('/.data/pglite')).toBe(true);
		expect(c.poolSize).toBe(10);
	});

	it('uses PostgreSQL when DATABASE_URL is set, and treats an empty one as unset', () => {
		expect(readConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/ura' }).databaseUrl).toBe(
			'postgres://u@127.0.0.1:5432/ura'
		);
		expect(readConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
	});

	it('moves the data directory with URA_DATA_DIR', () => {
		expect(readConfig({ URA_DATA_DIR: '/var/lib/ura' }).pgliteDir).toBe('/var/lib/ura/pglite');
	});

	it('names the variable that is wrong', () => {
		expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
		expect(() => readConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
		expect(() => readConfig({ URA_LOG_LEVEL: 'loud' })).toThrow(/URA_LOG_LEVEL/);
	});

	it('reads help-request retention, cookie and rate-limit settings', () => {
		const d = readConfig({});
		expect(d.helpRequestDays).toBe(60);
		expect(d.helpClosedDays).toBe(30);
		expect(d.cookieSecure).toBe(true);
		expect(d.rateLimits).not.toBe('off');
		const c = readConfig({
			URA_HELP_CLOSED_DAYS: '7',
			URA_RATE_HELP_SUBMIT: '5/60',
			URA_COOKIE_SECURE: 'false',
			ADDRESS_HEADER: 'X-Real-IP'
		});
		expect(c.helpClosedDays).toBe(7);
		expect(c.cookieSecure).toBe(false);
		expect(c.addressHeader).toBe('x-real-ip');
		expect(c.rateLimits !== 'off' && c.rateLimits['help:submit']).toEqual({
			max: 5,
			windowSeconds: 60
		});
		expect(readConfig({ URA_RATE_LIMITS: 'off' }).rateLimits).toBe('off');
		expect(() => readConfig({ URA_RATE_SIGNIN: 'many' })).toThrow(/URA_RATE_SIGNIN/);
	});
});
