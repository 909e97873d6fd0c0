// `import catalogue from 'virtual:ura-entitlements'`: the rules in data/entitlements/*.yaml,
// validated and compiled to a JSON module at build time. Invalid data stops the build (and
// the dev server, and the tests) with a list of what is wrong and where.
//
// Plain JavaScript that loads the TypeScript compiler through tsx at run time, so that
// vite.config.ts imports nothing Vite's native config loader cannot read.
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export const CATALOGUE_MODULE = 'virtual:ura-entitlements';
const RESOLVED = `\0${CATALOGUE_MODULE}`;

/** @returns {Promise<typeof import('./compile')>} */
function loadCompiler() {
	return tsImport('./compile.ts', import.meta.url);
}

/** @returns {import('vite').Plugin} */
export function entitlementsCatalogue() {
	let dir = resolve('data/entitlements');
	return {
		name: 'ura-entitlements-catalogue',
		configResolved(config) {
			dir = resolve(config.root, 'data/entitlements');
		},
		resolveId(id) {
			return id === CATALOGUE_MODULE ? RESOLVED : undefined;
		},
		async load(id) {
			if (id !== RESOLVED) return undefined;
			const { catalogueFiles, compileCatalogue } = await loadCompiler();
			for (const file of catalogueFiles(dir)) this.addWatchFile(file);
			try {
				// As a string for JSON.parse rather than an object literal: browsers parse JSON
				// much faster than the same data as JavaScript (the same reason as Vite's
				// `json.stringify` option), which counts on a slow phone opening the screener.
				const json = JSON.stringify(compileCatalogue(dir));
				return `export default JSON.parse(${JSON.stringify(json)});`;
			} catch (e) {
				this.error(/** @type {Error} */ (e).message);
			}
		},
		handleHotUpdate({ file, server }) {
			if (!file.startsWith(dir)) return;
			const mod = server.moduleGraph.getModuleById(RESOLVED);
			if (mod) server.moduleGraph.invalidateModule(mod);
		}
	};
}
