import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type LighthouseResult = {
	url: string;
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
};

/**
 * Lighthouse CLI with Debian's Chromium, its default mobile profile: a mid-range phone with
 * simulated slow 4G (150 ms RTT, 1.6 Mbps down) and 4× CPU slowdown.
 */
export async function runLighthouse(url: string): Promise<LighthouseResult> {
	const dir = mkdtempSync(join(tmpdir(), 'ura-lh-'));
	const out = join(dir, 'lh.json');
	try {
		await new Promise<void>((resolve, reject) => {
			const child = spawn(
				'node_modules/.bin/lighthouse',
				[
					url,
					'--quiet',
					'--output=json',
					`--output-path=${out}`,
					'--only-categories=performance,accessibility,best-practices,seo',
					'--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync'
				],
				{
					env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' },
					stdio: ['ignore', 'ignore', 'pipe']
				}
			);
			let err = '';
			child.stderr!.on('data', (d) => (err += String(d)));
			child.once('exit', (code) =>
				code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code}: ${err.slice(-500)}`))
			);
		});
		const r = JSON.parse(readFileSync(out, 'utf8'));
		const score = (id: string) => Math.round((r.categories[id]?.score ?? Number.NaN) * 100);
		const audit = (id: string) => Number(r.audits[id]?.numericValue ?? Number.NaN);
		return {
			url,
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo'),
			lcpMs: audit('largest-contentful-paint'),
			tbtMs: audit('total-blocking-time'),
			cls: audit('cumulative-layout-shift')
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
