import { describe, expect, it } from 'vitest';
import { addMonths, monthAnswerInterval, todayInAlbania } from './dates';
import { evaluateCondition, type Answers, type EvalContext } from './logic';
import { valueInForce } from './parameters';
import { QuestionSchema, type Condition, type Parameter, type ParameterValue } from './schema';

const cite = ['003_6b794c46dcf16d6c.txt:L483'];
const text = (s: string) => ({ sq: s, en: s });
const questions = [
	QuestionSchema.parse({
		id: 'colour',
		kind: 'single',
		sensitive: 'low',
		text: text('Colour?'),
		short: text('Colour'),
		options: [
			{ value: 'red', label: text('Red') },
			{ value: 'blue', label: text('Blue') },
			{ value: 'not_sure', unknown: true, label: text('Not sure') }
		],
		cite
	}),
	QuestionSchema.parse({
		id: 'age',
		kind: 'single',
		sensitive: 'low',
		text: text('Age?'),
		short: text('Age'),
		options: [
			{ value: 'child', min: 0, max: 17, label: text('Child') },
			{ value: 'adult', min: 18, label: text('Adult') }
		],
		cite
	}),
	QuestionSchema.parse({
		id: 'pets',
		kind: 'multi',
		sensitive: 'low',
		text: text('Pets?'),
		short: text('Pets'),
		options: [
			{ value: 'cat', label: text('Cat') },
			{ value: 'dog', label: text('Dog') }
		],
		cite
	}),
	QuestionSchema.parse({
		id: 'back',
		kind: 'month',
		sensitive: 'low',
		text: text('When?'),
		short: text('When'),
		cite
	})
];

function ctx(answers: Answers, date = '2026-06-15', window?: ParameterValue): EvalContext {
	return {
		answers,
		questions: new Map(questions.map((q) => [q.id, q])),
		date,
		parameter: () => window
	};
}
const value = (c: Condition, answers: Answers, date?: string) =>
	evaluateCondition(c, ctx(answers, date)).value;

describe('three-valued conditions', () => {
	const red: Condition = { equals: { question: 'colour', value: 'red' } };

	it('is true, false or unknown for a plain test', () => {
		expect(value(red, { colour: 'red' })).toBe(true);
		expect(value(red, { colour: 'blue' })).toBe(false);
		expect(value(red, {})).toBeUndefined();
		expect(value(red, { colour: 'prefer_not' })).toBeUndefined();
	});

	it('treats "not sure" as unknown unless the condition names it', () => {
		expect(value(red, { colour: 'not_sure' })).toBeUndefined();
		expect(
			value({ in: { question: 'colour', values: ['not_sure'] } }, { colour: 'not_sure' })
		).toBe(true);
	});

	it('follows Kleene logic for all, any and not', () => {
		const blue: Condition = { equals: { question: 'colour', value: 'blue' } };
		expect(value({ all: [red, { always: true }] }, { colour: 'red' })).toBe(true);
		expect(value({ all: [red, blue] }, {})).toBeUndefined();
		expect(value({ all: [red, blue] }, { colour: 'red' })).toBe(false);
		expect(value({ any: [red, blue] }, { colour: 'blue' })).toBe(true);
		expect(value({ any: [red, { not: { always: true } }] }, {})).toBeUndefined();
		expect(value({ not: red }, {})).toBeUndefined();
		expect(value({ not: red }, { colour: 'blue' })).toBe(true);
	});

	it('an unknown answer never turns false into true or true into false', () => {
		const c: Condition = { any: [{ not: red }, { all: [red, { always: true }] }] };
		expect(value(c, { colour: 'red' })).toBe(true);
		expect(value(c, { colour: 'prefer_not' })).toBeUndefined();
	});

	it('names the questions that decided the value', () => {
		const c: Condition = {
			all: [red, { range: { question: 'age', min: 18 } }]
		};
		expect(evaluateCondition(c, ctx({ colour: 'blue', age: 'adult' })).decisive).toEqual([
			'colour'
		]);
		expect(evaluateCondition(c, ctx({ colour: 'red', age: 'adult' })).decisive).toEqual([
			'colour',
			'age'
		]);
	});

	it('matches a multiple choice when any chosen option is listed', () => {
		const dog: Condition = { in: { question: 'pets', values: ['dog'] } };
		expect(value(dog, { pets: ['cat', 'dog'] })).toBe(true);
		expect(value(dog, { pets: ['cat'] })).toBe(false);
		expect(value(dog, { pets: 'prefer_not' })).toBeUndefined();
	});
});

describe('age ranges over answer bands', () => {
	it('is true inside, false outside, unknown when the band straddles the range', () => {
		expect(value({ range: { question: 'age', max: 17 } }, { age: 'child' })).toBe(true);
		expect(value({ range: { question: 'age', max: 17 } }, { age: 'adult' })).toBe(false);
		expect(value({ range: { question: 'age', min: 18 } }, { age: 'adult' })).toBe(true);
		expect(value({ range: { question: 'age', min: 16 } }, { age: 'child' })).toBeUndefined();
	});
});

describe('date windows', () => {
	const within: Condition = { within: { question: 'back', years: 2 } };

	it('holds for a month inside the window and gives the earliest day it closes', () => {
		const o = evaluateCondition(within, ctx({ back: '2025-03' }, '2026-06-15'));
		expect(o.value).toBe(true);
		expect(o.until).toBe('2027-03-01');
	});

	it('fails for a month wholly before the window', () => {
		expect(value(within, { back: '2023-01' }, '2026-06-15')).toBe(false);
	});

	it('is unknown when the answer straddles the edge, or lies in the future', () => {
		// "2024" runs from January to December; the window opens on 15 June 2024.
		expect(value(within, { back: '2024' }, '2026-06-15')).toBeUndefined();
		expect(value(within, { back: '2024-06' }, '2026-06-15')).toBeUndefined();
		expect(value(within, { back: '2027-01' }, '2026-06-15')).toBeUndefined();
	});

	it('reads the window from a parameter in force on the date', () => {
		const param: Condition = { within: { question: 'back', parameter: 'e26.return_window' } };
		const oneYear = { value: 1, unit: 'years' } as ParameterValue;
		expect(evaluateCondition(param, ctx({ back: '2025-03' }, '2026-06-15', oneYear)).value).toBe(
			false
		);
		expect(
			evaluateCondition(param, ctx({ back: '2025-03' }, '2026-06-15', undefined)).value
		).toBeUndefined();
	});
});

describe('effective-dated parameters', () => {
	const p = {
		id: 'amount',
		label: text('Amount'),
		values: [
			{ value: 3000, valid_from: '2019-01-01' },
			{ value: 9000, valid_from: '2021-12-01' }
		]
	} as unknown as Parameter;

	it('takes the latest value in force on the date', () => {
		expect(valueInForce(p, '2020-06-01')?.value).toBe(3000);
		expect(valueInForce(p, '2021-12-01')?.value).toBe(9000);
		expect(valueInForce(p, '2030-01-01')?.value).toBe(9000);
	});

	it('has no value before the first known one', () => {
		expect(valueInForce(p, '2018-12-31')).toBeUndefined();
	});
});

describe('calendar helpers', () => {
	it('adds months without spilling into the next month', () => {
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2026-06-15', -24)).toBe('2024-06-15');
	});

	it('reads a month or a year as the days it may stand for', () => {
		expect(monthAnswerInterval('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
		expect(monthAnswerInterval('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
		expect(monthAnswerInterval('2024-13')).toBeUndefined();
		expect(monthAnswerInterval('soon')).toBeUndefined();
	});

	it('knows today in Albania, whatever the device’s time zone', () => {
		// 23:30 UTC on 31 December is already 1 January in Tirana (UTC+1).
		expect(todayInAlbania(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
	});
});
