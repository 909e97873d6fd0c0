import { geo, municipalityBySlug, placeName } from '$lib/geo';
import { compareText } from '$lib/i18n/collate';
import { formatDate, formatMoney, formatMonthYear, formatNumber } from '$lib/i18n/format';
import type { Translate } from '$lib/i18n/index.svelte';
import { INTL_LOCALE, type Lang } from '$lib/i18n/langs';
import {
	PREFER_NOT,
	type Amount,
	type AnswerValue,
	type Entitlement,
	type Fact,
	type Question,
	type Text,
	questionById
} from '$lib/entitlements';

/** A text in the page's language. */
export function tx(text: Text | Fact, lang: Lang): string {
	return text[lang];
}

/** The "to confirm locally" note of a fact, if it has one: true → the badge's own hint. */
export function toConfirmDetail(fact: Fact, lang: Lang): string | undefined {
	return fact.to_confirm === true || fact.to_confirm === undefined
		? undefined
		: fact.to_confirm[lang];
}

/** A date as precisely as the sources give it: "dhjetor 2021", "2022", "5 tetor 2022". */
export function formatDateAs(lang: Lang, iso: string, precision: 'day' | 'month' | 'year'): string {
	if (precision === 'day') return formatDate(lang, iso);
	if (precision === 'year') return iso.slice(0, 4);
	return formatMonthYear(lang, iso);
}

/** "9 000 lekë në muaj", "3–6 muaj", "30%". */
export function formatAmount(a: Amount, lang: Lang, t: Translate<'entitlements'>): string {
	if (a.currency) {
		const money = (v: number) => formatMoney(lang, v, a.currency!);
		const amount =
			a.max !== undefined
				? t('amount.range', { from: money(a.value), to: money(a.max) })
				: money(a.value);
		if (a.period === 'month') return t('amount.perMonth', { amount });
		if (a.period === 'year') return t('amount.perYear', { amount });
		if (a.period === 'once') return t('amount.once', { amount });
		return amount;
	}
	if (a.unit === 'percent') {
		const pct = (v: number) =>
			new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'percent' }).format(v / 100);
		return a.max !== undefined
			? t('amount.range', { from: pct(a.value), to: pct(a.max) })
			: pct(a.value);
	}
	const unit = (a.unit ?? 'months') as 'hours' | 'days' | 'months' | 'years';
	if (a.max !== undefined) {
		return t(`amount.${unit}Range`, {
			from: formatNumber(lang, a.value),
			to: formatNumber(lang, a.max)
		});
	}
	return t(`amount.${unit}`, { count: a.value });
}

/** When the value applies, honestly: in force from / approved in / as reported on. */
export function formatAmountDate(
	a: Pick<Amount, 'validFrom' | 'precision'> & { basis: 'in_force' | 'approved' | 'reported' },
	lang: Lang,
	t: Translate<'entitlements'>
): string {
	const date = formatDateAs(lang, a.validFrom, a.precision);
	if (a.basis === 'in_force') return t('amount.inForceFrom', { date });
	if (a.basis === 'approved') return t('amount.approvedOn', { date });
	return t('amount.reportedOn', { date });
}

/** An answer in words: the option's label, a municipality's name, a month. */
export function answerText(
	q: Question,
	answer: AnswerValue | null,
	lang: Lang,
	t: Translate<'entitlements'>
): string {
	if (answer === null) return t('results.notAnswered');
	if (answer === PREFER_NOT) return t('answers.preferNot');
	const one = (v: string) => {
		const option = q.options.find((o) => o.value === v);
		if (option) return option.label[lang];
		if (q.kind === 'municipality') {
			const m = municipalityBySlug(v);
			if (m) return placeName(m, lang);
		}
		if (q.kind === 'month' && /^\d{4}(-\d{2})?$/.test(v)) {
			return v.length === 4 ? v : formatDateAs(lang, `${v}-01`, 'month');
		}
		return v;
	};
	return Array.isArray(answer) ? answer.map(one).join(', ') : one(answer);
}

/** Every citation in an entitlement, in order of appearance, once each. */
export function entitlementCitations(e: Entitlement): string[] {
	const out = new Set<string>();
	const walk = (node: unknown) => {
		if (Array.isArray(node)) node.forEach(walk);
		else if (node && typeof node === 'object') {
			for (const [k, v] of Object.entries(node)) {
				if (k === 'cite' && Array.isArray(v)) v.forEach((c) => out.add(String(c)));
				else walk(v);
			}
		}
	};
	walk(e);
	return [...out];
}

/** Municipalities grouped by county, for the municipality question. */
export function municipalityGroups(lang: Lang) {
	const compare = compareText(lang);
	return [...geo.counties]
		.sort((a, b) => compare(placeName(a, lang), placeName(b, lang)))
		.map((c) => ({
			county: c,
			municipalities: geo.municipalities
				.filter((m) => m.county === c.slug)
				.sort((a, b) => compare(placeName(a, lang), placeName(b, lang)))
		}));
}

/** Whether the person said they are under 18 (the age bands carry their ages). */
export function answeredUnder18(answers: Readonly<Record<string, AnswerValue>>): boolean {
	const answer = answers.age;
	const option = questionById('age')?.options.find((o) => o.value === answer);
	return option?.max !== undefined && option.max < 18;
}
