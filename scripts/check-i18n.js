#!/usr/bin/env node
// Checks that locales/sq and locales/en have the same files and keys, that every value is
// a non-empty string, and that interpolation placeholders ({{name}}) match in both.
// Albanian is the source language; English must follow it exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../locales/', import.meta.url).pathname;
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** @param {unknown} node @param {string} prefix @param {Map<string, string>} out @param {string[]} problems @param {string} file */
function flatten(node, prefix, out, problems, file) {
	if (typeof node === 'string') {
		if (node.trim() === '') problems.push(`${file}: ${prefix} is empty`);
		out.set(prefix, node);
		return;
	}
	if (node && typeof node === 'object' && !Array.isArray(node)) {
		for (const [k, v] of Object.entries(node))
			flatten(v, prefix ? `${prefix}.${k}` : k, out, problems, file);
		return;
	}
	problems.push(`${file}: ${prefix} must be a string or an object of strings`);
}

/** @param {string} s */
const placeholders = (s) =>
	[...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
		.map((m) => m[1])
		.sort()
		.join(',');

/** @type {string[]} */
const problems = [];
const langs = ['sq', 'en'];
/** @type {Record<string, Set<string>>} */
const files = {};
for (const lang of langs)
	files[lang] = new Set(readdirSync(join(root, lang)).filter((f) => f.endsWith('.json')));
for (const f of files.sq ?? []) if (!files.en?.has(f)) problems.push(`locales/en/${f} is missing`);
for (const f of files.en ?? []) if (!files.sq?.has(f)) problems.push(`locales/sq/${f} is missing`);

let keyCount = 0;
for (const file of files.sq ?? []) {
	if (!files.en?.has(file)) continue;
	/** @type {Record<string, Map<string, string>>} */
	const maps = {};
	for (const lang of langs) {
		const path = join(root, lang, file);
		maps[lang] = new Map();
		try {
			flatten(
				JSON.parse(readFileSync(path, 'utf8')),
				'',
				maps[lang],
				problems,
				`locales/${lang}/${file}`
			);
		} catch (e) {
			problems.push(`locales/${lang}/${file}: invalid JSON (${/** @type {Error} */ (e).message})`);
		}
	}
	const sq = /** @type {Map<string,string>} */ (maps.sq);
	const en = /** @type {Map<string,string>} */ (maps.en);
	// Plural forms differ by language only in which suffixes exist; compare base keys.
	const base = (/** @type {string} */ k) => k.replace(PLURAL, '_#');
	const sqBase = new Set([...sq.keys()].map(base));
	const enBase = new Set([...en.keys()].map(base));
	for (const k of sqBase)
		if (!enBase.has(k)) problems.push(`${file}: "${k}" is in sq but not in en`);
	for (const k of enBase)
		if (!sqBase.has(k)) problems.push(`${file}: "${k}" is in en but not in sq`);
	for (const [k, v] of sq) {
		const other = en.get(k);
		if (other !== undefined && placeholders(v) !== placeholders(other)) {
			problems.push(
				`${file}: "${k}" has placeholders {${placeholders(v)}} in sq but {${placeholders(other)}} in en`
			);
		}
	}
	keyCount += sq.size;
}

if (problems.length) {
	console.error(`i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(`i18n: ${files.sq?.size ?? 0} namespaces, ${keyCount} keys, sq and en in step`);
