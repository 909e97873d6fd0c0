import type { Translate } from '$lib/i18n/i18n';

/** What a service's own data says about reaching it (nothing else goes into the list). */
export type ServiceFacts = {
	phones: string[];
	emails: string[];
	sites: string[];
	places: string[];
	howToGet?: string;
	hasHours: boolean;
};

/** A notebook checklist item holds at most 500 characters (entries.ts). */
const MAX = 500;

/**
 * "What to do next" for a service: contact, place and how-to-get lines only where the data
 * has them, and neutral steps that state no fact (write your questions down, ask what to
 * bring). With no contact at all it says so and points to Ura's own help request.
 */
export function nextStepItems(t: Translate<'steps'>, f: ServiceFacts): string[] {
	const list: string[] = [t('next.questions')];
	if (f.phones.length) list.push(t('next.call', { numbers: f.phones.join(', ') }));
	if (f.emails.length) list.push(t('next.email', { emails: f.emails.join(', ') }));
	if (f.sites.length) list.push(t('next.website', { sites: f.sites.join(', ') }));
	if (!f.phones.length && !f.emails.length && !f.sites.length) list.push(t('next.noContact'));
	if (f.places.length) list.push(t('next.visit', { places: f.places.join(', ') }));
	if (f.howToGet) list.push(t('next.howToGet', { text: f.howToGet }));
	if (f.hasHours) list.push(t('next.hours'));
	list.push(t('next.bring'));
	return list.filter((s) => s.length <= MAX);
}
