import { describe, expect, it } from 'vitest';
import { isLang, langFromParam, langFromPath, localizePath, stripLang } from './langs';

describe('language paths', () => {
	it('keeps Albanian unprefixed and puts English under /en', () => {
		expect(localizePath('sq', '/services')).toBe('/services');
		expect(localizePath('en', '/services')).toBe('/en/services');
		expect(localizePath('en', '/')).toBe('/en');
		expect(localizePath('sq', '/en/services')).toBe('/services');
		expect(localizePath('en', '/sq')).toBe('/en');
	});

	it('strips only a whole language segment', () => {
		expect(stripLang('/en')).toBe('/');
		expect(stripLang('/en/')).toBe('/');
		expect(stripLang('/english')).toBe('/english');
		expect(stripLang('/sq/notes')).toBe('/notes');
	});

	it('falls back to Albanian for anything that is not a language', () => {
		expect(langFromParam(undefined)).toBe('sq');
		expect(langFromParam('de')).toBe('sq');
		expect(langFromParam('en')).toBe('en');
		expect(isLang('EN')).toBe(false);
	});
});

describe('langFromPath', () => {
	it('reads the language from the first path segment only', () => {
		expect(langFromPath('/en')).toBe('en');
		expect(langFromPath('/en/services/kukes')).toBe('en');
		expect(langFromPath('/sq/services')).toBe('sq');
		expect(langFromPath('/services')).toBe('sq');
		expect(langFromPath('/entitlements/en')).toBe('sq');
		expect(langFromPath('/enx')).toBe('sq');
	});
});
