#!/usr/bin/env node
// `npm run check`: every static check, each at 0 errors and 0 warnings. Runs them all and
// reports each, so one failure does not hide the next.
import { spawnSync } from 'node:child_process';

const steps = [
	['svelte-check', 'npm', ['run', '-s', 'check:svelte']],
	['eslint', 'npm', ['run', '-s', 'lint']],
	['prettier', 'npm', ['run', '-s', 'format:check']],
	['i18n key parity', 'npm', ['run', '-s', 'check:i18n']]
];

let failed = 0;
for (const [name, cmd, args] of steps) {
	const started = Date.now();
	const r = spawnSync(/** @type {string} */ (cmd), /** @type {string[]} */ (args), {
		stdio: 'inherit'
	});
	const ok = r.status === 0;
	if (!ok) failed++;
	console.log(
		`check: ${name} ${ok ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`
	);
}
process.exit(failed ? 1 : 0);
