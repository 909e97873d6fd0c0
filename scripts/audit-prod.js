#!/usr/bin/env node
// `npm run audit:prod`: fails on any high or critical advisory in production dependencies.
// Needs the registry's audit endpoint. A network error is retried (3 attempts, with a
// pause); if the audit still cannot run, this FAILS: an audit that did not happen must not
// look like a clean one. Only URA_SKIP_AUDIT=1 skips it, loudly (e.g. on an offline mirror
// that has no audit endpoint).
//
// `--allow-no-endpoint` (used by `npm test`): when the registry answers that it HAS no audit
// endpoint (HTTP 404, 405 or 501 — a mirror or proxy without it, as on Ura's build machines),
// say so loudly and go on: the test command cannot audit there, and must not pretend it did.
// Anything else that stops the audit (network errors, timeouts) still fails.
import { spawnSync } from 'node:child_process';

if (process.env.URA_SKIP_AUDIT === '1') {
	console.warn(
		'audit: SKIPPED because URA_SKIP_AUDIT=1 — production dependencies were NOT audited'
	);
	process.exit(0);
}

const ATTEMPTS = 3;
const allowNoEndpoint = process.argv.includes('--allow-no-endpoint');
const NO_ENDPOINT = /\b(404|405|501)\b[^\n]*\/-\/npm\/v1\/security\//;
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @returns {{ ok: true, counts: Record<string, number> } | { ok: false, why: string }} */
function runAudit() {
	const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
	let report;
	try {
		report = JSON.parse(r.stdout);
	} catch {
		return {
			ok: false,
			why: `no JSON from npm audit (exit ${r.status}): ${r.stderr.slice(0, 300)}`
		};
	}
	const counts = report?.metadata?.vulnerabilities;
	if (!counts || typeof counts !== 'object') {
		return {
			ok: false,
			why: `npm audit could not run: ${report?.message ?? report?.error?.summary ?? 'no metadata'}`
		};
	}
	return { ok: true, counts };
}

let last = '';
for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
	const result = runAudit();
	if (result.ok) {
		const { high = 0, critical = 0 } = result.counts;
		const summary = Object.entries(result.counts)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ');
		if (high + critical > 0) {
			console.error(`audit: FAILED, production dependencies have advisories (${summary})`);
			console.error('audit: run `npm audit --omit=dev` for details');
			process.exit(1);
		}
		console.log(
			`audit: passed, no high or critical advisories in production dependencies (${summary})`
		);
		process.exit(0);
	}
	last = result.why;
	if (allowNoEndpoint && NO_ENDPOINT.test(last)) {
		console.warn(
			`audit: NOT RUN — this registry has no audit endpoint (${last}). Production dependencies were NOT audited here; run \`npm run audit:prod\` where the public registry is reachable.`
		);
		process.exit(0);
	}
	console.warn(`audit: attempt ${attempt}/${ATTEMPTS} failed: ${last}`);
	if (attempt < ATTEMPTS) await sleep(5000 * attempt);
}
console.error(
	`audit: FAILED, the audit could not be run (${last}). Set URA_SKIP_AUDIT=1 only where no audit endpoint exists.`
);
process.exit(1);
