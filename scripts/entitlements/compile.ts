// Compiles data/entitlements/*.yaml into one validated catalogue (plain JSON data). Used by
// the Vite plugin at build time (no YAML parser ships to the browser), by the tests, and by
// the benchmark.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
	CatalogueSchema,
	EntitlementSchema,
	QuestionSchema,
	SafetySchema,
	type Catalogue
} from '../../src/lib/entitlements/schema';

export class CatalogueError extends Error {
	constructor(readonly problems: string[]) {
		super(`data/entitlements is invalid:\n  ${problems.join('\n  ')}`);
		this.name = 'CatalogueError';
	}
}

function describe(file: string, error: z.ZodError): string[] {
	return error.issues.map((i) => `${file} › ${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** The YAML files that make up the catalogue, in order. */
export function catalogueFiles(dir: string): string[] {
	const entitlementFiles = readdirSync(dir)
		.filter((f) => /^e\d{2}\.yaml$/.test(f))
		.sort();
	return [join(dir, 'questions.yaml'), ...entitlementFiles.map((f) => join(dir, f))];
}

function readYaml(path: string): unknown {
	try {
		return parse(readFileSync(path, 'utf8'), { strict: true, uniqueKeys: true });
	} catch (e) {
		throw new CatalogueError([`${basename(path)}: ${(e as Error).message}`]);
	}
}

/** Reads, validates and assembles the catalogue; throws CatalogueError listing every problem. */
export function compileCatalogue(dir: string): Catalogue {
	const problems: string[] = [];
	const [questionsFile, ...entitlementFiles] = catalogueFiles(dir);

	const head = readYaml(questionsFile!) as Record<string, unknown>;
	const questions = (Array.isArray(head.questions) ? head.questions : []).map((q, i) => {
		const r = QuestionSchema.safeParse(q);
		if (!r.success) problems.push(...describe(`questions.yaml › questions.${i}`, r.error));
		return q;
	});
	const safety = SafetySchema.safeParse(head.safety);
	if (!safety.success) problems.push(...describe('questions.yaml › safety', safety.error));

	const entitlements = entitlementFiles.map((path) => {
		const file = basename(path);
		const raw = readYaml(path);
		const r = EntitlementSchema.safeParse(raw);
		if (!r.success) problems.push(...describe(file, r.error));
		else if (`${r.data.id}.yaml` !== file) problems.push(`${file}: id is "${r.data.id}"`);
		return raw;
	});
	if (problems.length) throw new CatalogueError(problems);

	const content = {
		sources_as_of: head.sources_as_of,
		questions,
		safety: head.safety,
		entitlements
	};
	const version = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12);
	const result = CatalogueSchema.safeParse({ version, ...content });
	if (!result.success) {
		throw new CatalogueError(
			result.error.issues.map((i) => {
				const [section, index, ...rest] = i.path;
				const where =
					section === 'entitlements' && typeof index === 'number'
						? `${(entitlements[index] as { id?: string })?.id ?? index}.yaml › ${rest.join('.')}`
						: `questions.yaml › ${i.path.join('.')}`;
				return `${where}: ${i.message}`;
			})
		);
	}
	return result.data;
}
