import { beforeAll, describe, expect, it } from 'vitest';
import { loadNamespaces, translator } from '$lib/i18n/i18n';
import { nextStepItems, type ServiceFacts } from './next-steps';

const NONE: ServiceFacts = { phones: [], emails: [], sites: [], places: [], hasHours: false };

describe('what to do next, from a service’s data', () => {
	beforeAll(() => loadNamespaces('en', ['steps']));

	it('with no contact data: no number, no address, and says so', () => {
		const t = translator('en', 'steps');
		const items = nextStepItems(t, NONE);
		expect(items).toEqual([t('next.questions'), t('next.noContact'), t('next.bring')]);
		expect(items.join(' ')).not.toMatch(/\d{3}|@|www\./);
	});

	it('uses exactly the phones, emails, places and how-to-get the data has', () => {
		const t = translator('en', 'steps');
		const items = nextStepItems(t, {
			phones: ['0800 0000'],
			emails: ['a@example.org'],
			sites: [],
			places: ['Kukës'],
			howToGet: 'Ask at the front desk.',
			hasHours: true
		});
		expect(items).toContain(t('next.call', { numbers: '0800 0000' }));
		expect(items).toContain(t('next.email', { emails: 'a@example.org' }));
		expect(items).toContain(t('next.visit', { places: 'Kukës' }));
		expect(items).toContain(t('next.howToGet', { text: 'Ask at the front desk.' }));
		expect(items).toContain(t('next.hours'));
		expect(items).not.toContain(t('next.noContact'));
	});

	it('leaves out a line too long for a notebook item', () => {
		const t = translator('en', 'steps');
		const items = nextStepItems(t, { ...NONE, sites: ['x'], howToGet: 'y'.repeat(600) });
		expect(items.some((i) => i.includes('yyyy'))).toBe(false);
	});
});
