import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue';
import { effectiveAnswers, nextQuestion, progress, screenerPath } from './flow';

const DAY = '2026-11-23';
const ids = (answers: Record<string, string | string[]>) =>
	screenerPath(catalogue, answers, DAY).asked.map((q) => q.id);

describe('the screener path', () => {
	it('starts with age and asks everything that applies to an adult who never left', () => {
		expect(nextQuestion(catalogue, {}, undefined, DAY)?.id).toBe('age');
		const asked = ids({ age: '25_plus', abroad: 'no', municipality: 'tirane', children: 'no' });
		expect(asked).toContain('work');
		expect(asked).not.toContain('returned_when');
		expect(asked).not.toContain('recognised_abroad');
		expect(asked).not.toContain('child_ages');
		expect(asked).not.toContain('single_parent');
	});

	it('asks a returnee when they came back and whether they were recognised abroad', () => {
		const asked = ids({ age: '18_24', abroad: 'returned' });
		expect(asked).toContain('returned_when');
		expect(asked).toContain('recognised_abroad');
	});

	it('skips the questions about life in Albania for someone still abroad', () => {
		const asked = ids({ age: '25_plus', abroad: 'abroad_now' });
		expect(asked).toContain('recognised_abroad');
		expect(asked).not.toContain('housing');
		expect(asked).not.toContain('work');
		expect(asked).not.toContain('economic_aid');
	});

	it('does not ask a child about work or economic aid, nor a young child about children', () => {
		expect(ids({ age: '14_17' })).not.toContain('work');
		expect(ids({ age: '14_17' })).toContain('children');
		expect(ids({ age: 'under_14' })).not.toContain('children');
	});

	it('still asks the next questions after "prefer not to say", but no follow-up to it', () => {
		const asked = ids({ age: 'prefer_not', abroad: 'prefer_not', children: 'prefer_not' });
		expect(asked).toContain('work');
		expect(asked).toContain('housing');
		expect(asked).not.toContain('returned_when');
		expect(asked).not.toContain('child_ages');
	});

	it('ignores answers to questions that no longer apply after going back', () => {
		const kept = effectiveAnswers(
			catalogue,
			{ abroad: 'no', returned_when: '2025-01', children: 'no', child_ages: ['under_3'] },
			DAY
		);
		expect(kept).toEqual({ abroad: 'no', children: 'no' });
	});

	it('counts progress so that the total never grows as answers come in', () => {
		let answers: Record<string, string | string[]> = {};
		let current = nextQuestion(catalogue, answers, undefined, DAY);
		let lastTotal = Infinity;
		const script: Record<string, string | string[]> = {
			age: '25_plus',
			safe_now: 'yes',
			abroad: 'returned',
			returned_when: '2025-05',
			recognised_abroad: 'no',
			municipality: 'kukes',
			civil_registry: 'yes',
			housing: 'family',
			work: 'no',
			economic_aid: 'no',
			children: 'yes',
			child_ages: ['6_to_17'],
			single_parent: 'no',
			status_paper: 'no',
			legal_case: 'no',
			gender: 'man'
		};
		let steps = 0;
		while (current) {
			const { position, total } = progress(catalogue, answers, current.id, DAY);
			expect(position).toBe(steps + 1);
			expect(total).toBeLessThanOrEqual(lastTotal);
			lastTotal = total;
			answers = { ...answers, [current.id]: script[current.id] ?? 'prefer_not' };
			current = nextQuestion(catalogue, answers, current.id, DAY);
			steps++;
		}
		expect(steps).toBe(lastTotal);
	});
});
