import { readFileSync } from 'node:fs';

const cache = new Map<string, Record<string, unknown>>();

/** A string from locales/LANG/NS.json, so tests follow wording changes instead of copying them. */
export function L(lang: 'sq' | 'en', ns: string, key: string): string {
	const file = `locales/${lang}/${ns}.json`;
	let data = cache.get(file);
	if (!data) {
		data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		cache.set(file, data);
	}
	const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], data);
	if (typeof value !== 'string') throw new Error(`no string ${ns}:${key} in ${lang}`);
	return value;
}
