import { describe, expect, it } from 'vitest';
import { ChecklistContentSchema, EntryContentSchema, ShareableContentSchema } from './entries';

/** Checklist items may link to a page of Ura: in-app paths only, never another origin. */
describe('checklist items', () => {
	const list = (items: unknown[]) => ({ kind: 'checklist', title: 'T', items });

	it('still accepts items without a link (lists saved before links existed)', () => {
		const parsed = ChecklistContentSchema.parse(list([{ text: 'a', done: true }]));
		expect(parsed.items).toEqual([{ text: 'a', done: true }]);
	});

	it('keeps an in-app path on an item, through the share format too', () => {
		const items = [
			{ text: 'Support', done: false, path: '/entitlements/e01' },
			{ text: 'Service', done: false, path: '/services/s/ccb7de55-79d8-5a15-9520-14d26b6edfd3' },
			{ text: 'Step', done: true }
		];
		expect(ShareableContentSchema.parse(list(items))).toEqual(list(items));
		expect(EntryContentSchema.parse(list(items))).toEqual(list(items));
	});

	it('refuses a path to another origin or anything that is not an in-app path', () => {
		for (const path of [
			'https://example.com/x',
			'//example.com/x',
			'javascript:alert(1)',
			'entitlements/e01',
			'/a b',
			'/\\\\example.com',
			'',
			`/${'a'.repeat(300)}`
		]) {
			const result = ChecklistContentSchema.safeParse(list([{ text: 'x', done: false, path }]));
			expect(result.success, path).toBe(false);
		}
	});
});
