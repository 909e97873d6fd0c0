import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

describe('the crypto boundary', () => {
	it('is the only place that imports libsodium, and only dynamically, in sodium.ts', () => {
		const importers = files(join(ROOT, 'src'))
			.filter((f) => /\.(ts|js|svelte)$/.test(f) && !f.endsWith('.spec.ts'))
			.filter((f) => /['"]libsodium-wrappers(-sumo)?['"]/.test(readFileSync(f, 'utf8')))
			.map((f) => relative(ROOT, f));
		expect(importers).toEqual(['src/lib/crypto/sodium.ts']);
		const source = readFileSync(join(ROOT, 'src/lib/crypto/sodium.ts'), 'utf8');
		expect(source).not.toMatch(/^\s*import\s+(?!type)[^(]*['"]libsodium/m);
		expect(source).toMatch(/await import\('libsodium-wrappers-sumo'\)/);
	});
});
