/*
 * Calendar dates as ISO strings ("2026-11-23"), compared as strings and computed in UTC, so
 * that results do not depend on the device's time zone. Today is today in Albania.
 */

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's date in Albania (Europe/Tirane). */
export function todayInAlbania(now: Date = new Date()): IsoDate {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Tirane',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

export function toIsoDate(value: IsoDate | Date): IsoDate {
	if (typeof value !== 'string') return todayInAlbania(value);
	if (!isIsoDate(value)) throw new RangeError(`not a calendar date: ${value}`);
	return value;
}

/** Adds (or with a negative n, subtracts) whole months, keeping the day within the month. */
export function addMonths(date: IsoDate, n: number): IsoDate {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const first = new Date(Date.UTC(y, m - 1 + n, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

const MONTH_ANSWER = /^(\d{4})(?:-(\d{2}))?$/;

/** "2025-03" or "2025" (month not remembered) as the days it may stand for. */
export function monthAnswerInterval(answer: string): { start: IsoDate; end: IsoDate } | undefined {
	const m = MONTH_ANSWER.exec(answer);
	if (!m) return undefined;
	const year = Number(m[1]);
	if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return undefined;
	const start = `${m[1]}-${m[2]}-01`;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return { start, end: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}
