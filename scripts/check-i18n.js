#!/usr/bin/env node
// Checks that locales/sq and locales/en have the same files and keys, that every value is
// a non-empty string, and that interpolation placeholders ({{name}}) match in both.
// Albanian is the source language; English must follow it exactly.
// It also catches English left behind in the Albanian files: an sq value equal to its en
// value, or an sq value with a common English word in it. Names and words both languages
// share (Ura, IOM, WCAG…) and values that are English on purpose are listed, with a reason,
// in locales/allowed-shared.json.
// The Albanian texts of the data (entitlement rules, the service directory) are held to the
// same "ju" register as the locale files: they are shown to the same readers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

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

/**
 * Common English words that are not also Albanian words (so "me", "do", "ne", "e", "a" and
 * "i" are left out). A short list on purpose: it is meant to catch a sentence or a button
 * label that was never translated, not to judge style.
 */
const ENGLISH_WORDS = new Set(
	(
		'the and of you your with for is are this that not from please click or in on at by ' +
		'it we our can will what how when where who back next save delete open close send cancel ' +
		'yes no help search loading error page share copy select submit button link links ' +
		'settings home menu notes note services service check results result language'
	).split(' ')
);

/** @type {{ words: string[], keys: Record<string, string> }} */
const allowed = JSON.parse(readFileSync(join(root, 'allowed-shared.json'), 'utf8'));
const allowedWords = new Set(allowed.words.map((w) => w.toLowerCase()));

/**
 * The words of a value, without {{placeholders}}; letters in any script, so "Këto" stays one
 * word. Albanian declines a name with a hyphen ("IOM-in", "email-it"): that is one word, and
 * it is shared if its stem is.
 */
function wordsOf(/** @type {string} */ s) {
	/** @type {string[]} */
	const words = [];
	for (const raw of s.replace(/\{\{[^}]*\}\}/g, ' ').split(/[^\p{L}-]+/u)) {
		const w = raw.replace(/^-+|-+$/g, '');
		if (!w) continue;
		const stem = w.split('-')[0] ?? w;
		words.push(w.includes('-') && allowedWords.has(stem.toLowerCase()) ? stem : w);
	}
	return words;
}

/** @type {Set<string>} */
const allowedKeysUsed = new Set();

/** English left in an Albanian value: the same text as in English, or an English word. */
function leftoverEnglish(
	/** @type {string} */ file,
	/** @type {string} */ key,
	/** @type {string} */ sqValue,
	/** @type {string | undefined} */ enValue
) {
	const id = `${file.replace(/\.json$/, '')}:${key}`;
	if (id in allowed.keys) {
		allowedKeysUsed.add(id);
		return;
	}
	const words = wordsOf(sqValue);
	const unshared = words.filter((w) => !allowedWords.has(w.toLowerCase()));
	if (enValue !== undefined && sqValue === enValue && unshared.length > 0)
		problems.push(`${file}: sq "${key}" is the same as en ("${sqValue}"): translate it`);
	const english = [...new Set(unshared.filter((w) => ENGLISH_WORDS.has(w.toLowerCase())))];
	if (english.length)
		problems.push(
			`${file}: sq "${key}" has English word(s) ${english.map((w) => `"${w}"`).join(', ')}: translate, or list them in locales/allowed-shared.json`
		);
}

/**
 * Issue 11: the reader is addressed with the respectful "ju". These forms belong only to the
 * informal "ti" (pronouns, possessives, "je"/"ke", "të të" as "to … you"); "të të tjerëve" is
 * a plural article, not "you", and "të Të Ndryshëm" is a name (only a lower-case second "të"
 * counts). Singular imperatives cannot be told apart from nouns by a
 * pattern, so they are left to the native review; this catches the common slips.
 */
const INFORMAL =
	/(?<![\p{L}’])([Tt]i|[Tt]y|[Tt]ënd|[Tt]ënde|[Tt]ëndin|[Tt]ëndit|[Jj]ote|[Yy]t|[Ss]ate|[Jj]e|[Kk]e|[Tt]ë të(?! tjer))(?![\p{L}’])/u;

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
		leftoverEnglish(file, k, v, other);
		const informal = v.match(INFORMAL);
		if (informal)
			problems.push(
				`${file}: sq "${k}" says "${informal[0]}" (informal ti): address the reader with ju`
			);
		if (other !== undefined && placeholders(v) !== placeholders(other)) {
			problems.push(
				`${file}: "${k}" has placeholders {${placeholders(v)}} in sq but {${placeholders(other)}} in en`
			);
		}
	}
	keyCount += sq.size;
}

/**
 * Albanian texts of the data: every `sq:` value of the rules, and the directory's sq fields.
 * @returns {Generator<[string, string]>}
 */
function* dataTexts() {
	const data = new URL('../data/', import.meta.url).pathname;
	const dir = join(data, 'entitlements');
	for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
		/** @type {(node: unknown, path: string) => Generator<[string, string]>} */
		const walk = function* (node, path) {
			if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* walk(v, `${path}[${i}]`);
			else if (node && typeof node === 'object')
				for (const [k, v] of Object.entries(node)) {
					if (k === 'sq' && typeof v === 'string') yield [`data/entitlements/${f}: ${path}`, v];
					else yield* walk(v, path ? `${path}.${k}` : k);
				}
		};
		yield* walk(parseYaml(readFileSync(join(dir, f), 'utf8')), '');
	}
	// HSDS keeps the Albanian in its own fields; the English twins are the ura_*_en fields.
	const SQ_FIELDS = [
		'name',
		'description',
		'application_process',
		'eligibility_description',
		'fees_description',
		'ura_place_note'
	];
	const directory = JSON.parse(readFileSync(join(data, 'directory', 'directory.json'), 'utf8'));
	for (const kind of ['organizations', 'services'])
		for (const record of directory[kind] ?? [])
			for (const field of SQ_FIELDS)
				if (typeof record[field] === 'string')
					yield [
						`data/directory/directory.json: ${kind} ${record.ura_key} ${field}`,
						record[field]
					];
}

let dataCount = 0;
for (const [where, text] of dataTexts()) {
	dataCount++;
	const informal = text.match(INFORMAL);
	if (informal)
		problems.push(`${where} says "${informal[0]}" (informal ti): address the reader with ju`);
}

for (const id of Object.keys(allowed.keys))
	if (!allowedKeysUsed.has(id))
		problems.push(`locales/allowed-shared.json: "${id}" is not a key any more: remove it`);

if (problems.length) {
	console.error(`i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(
	`i18n: ${files.sq?.size ?? 0} namespaces, ${keyCount} keys, sq and en in step; ${dataCount} Albanian data texts in ju`
);
