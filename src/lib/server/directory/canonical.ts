/**
 * Canonical JSON for the directory: object keys sorted at every depth, arrays in their
 * order, tabs, one trailing newline. The same data always gives the same bytes, so
 * export → import → export is byte-identical and `git diff` shows real changes only.
 */
export function canonicalJson(value: unknown): string {
	return `${JSON.stringify(sortKeys(value), null, '\t')}\n`;
}

export function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v !== undefined) out[key] = sortKeys(v);
		}
		return out;
	}
	return value;
}

/** A row as an HSDS record: SQL nulls become absent fields; `omit` drops storage columns. */
export function recordOf<T extends Record<string, unknown>>(
	row: T,
	omit: readonly string[] = []
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(row)) {
		if (v === null || v === undefined || omit.includes(k)) continue;
		out[k] = v;
	}
	return out;
}
