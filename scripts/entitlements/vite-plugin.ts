import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { catalogueFiles, compileCatalogue } from './compile';

export const CATALOGUE_MODULE = 'virtual:ura-entitlements';
const RESOLVED = `\0${CATALOGUE_MODULE}`;

/**
 * `import catalogue from 'virtual:ura-entitlements'`: the rules in data/entitlements/*.yaml,
 * validated and compiled to a JSON module at build time. Invalid data stops the build
 * (and the dev server, and the tests) with a list of what is wrong and where.
 */
export function entitlementsCatalogue(): Plugin {
	let dir = resolve('data/entitlements');
	return {
		name: 'ura-entitlements-catalogue',
		configResolved(config) {
			dir = resolve(config.root, 'data/entitlements');
		},
		resolveId(id) {
			return id === CATALOGUE_MODULE ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return undefined;
			for (const file of catalogueFiles(dir)) this.addWatchFile(file);
			try {
				return `export default ${JSON.stringify(compileCatalogue(dir))};`;
			} catch (e) {
				this.error((e as Error).message);
			}
		},
		handleHotUpdate({ file, server }) {
			if (!file.startsWith(dir)) return;
			const mod = server.moduleGraph.getModuleById(RESOLVED);
			if (mod) server.moduleGraph.invalidateModule(mod);
		}
	};
}
