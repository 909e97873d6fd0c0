import { cpus, totalmem } from 'node:os';

/** One measured figure in bench/report.json. */
export type Figure = {
	name: string;
	value: number;
	unit: string;
	/** Human-readable budget, e.g. "≤ 60", "≥ 95", "report only". */
	budget: string;
	/** null when the figure has no budget (reported only). */
	pass: boolean | null;
	/** Why it failed or could not be measured, or what it was measured against. */
	note?: string;
};

export type Budget = { max?: number; min?: number };

export function figure(
	name: string,
	value: number,
	unit: string,
	budget?: Budget,
	note?: string
): Figure {
	let pass: boolean | null = null;
	let text = 'report only';
	if (budget?.max !== undefined) {
		pass = value <= budget.max;
		text = `≤ ${budget.max}`;
	}
	if (budget?.min !== undefined) {
		pass = (pass ?? true) && value >= budget.min;
		text = budget.max !== undefined ? `${budget.min} … ${budget.max}` : `≥ ${budget.min}`;
	}
	return { name, value: round(value), unit, budget: text, pass, ...(note ? { note } : {}) };
}

/** A figure that could not be measured in this run: it fails, and says why. */
export function unmeasured(name: string, unit: string, budget: string, why: string): Figure {
	return { name, value: Number.NaN, unit, budget, pass: false, note: why };
}

export function round(v: number): number {
	if (!Number.isFinite(v)) return v;
	if (Math.abs(v) >= 100) return Math.round(v);
	if (Math.abs(v) >= 1) return Math.round(v * 100) / 100;
	return Math.round(v * 10_000) / 10_000;
}

export function machine() {
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		platform: `${process.platform} ${process.arch}`
	};
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

/** The report as a Markdown table; the note says how a figure was taken, or why it fails. */
export function table(figures: Figure[]): string {
	const rows = figures.map((f) => [
		f.name,
		Number.isFinite(f.value) ? String(f.value) : '—',
		f.unit,
		f.budget,
		f.pass === null ? '·' : f.pass ? 'pass' : 'FAIL',
		(f.note ?? '').replace(/\s+/g, ' ').replace(/\|/g, '/')
	]);
	const head = ['figure', 'value', 'unit', 'budget', 'result', 'note'];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	// Every column padded, the last too: the README's formatter (prettier) wants it so.
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
	return [
		line(head),
		`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
		...rows.map(line)
	].join('\n');
}
