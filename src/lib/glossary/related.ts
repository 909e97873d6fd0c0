import type { TermId } from './terms';

/**
 * The glossary words a reader meets on each entitlement's page (by entitlement id), shown
 * there as links to their explanations. Only words the page's own text uses.
 */
export const ENTITLEMENT_TERMS: Readonly<Record<string, readonly TermId[]>> = {
	e01: ['economic-aid', 'status-document', 'social-administrator'],
	e02: ['economic-aid'],
	e03: ['health-card', 'identification'],
	e04: ['health-card'],
	e06: ['shelter', 'case-manager', 'reintegration-plan'],
	e07: ['shelter'],
	e08: ['reintegration-plan', 'case-manager'],
	e10: ['social-housing'],
	e11: ['legal-aid'],
	e12: ['compensation', 'legal-aid'],
	e13: ['prosecution-coordinator'],
	e14: ['protection-order'],
	e15: ['labour-office', 'self-declaration'],
	e16: ['labour-office'],
	e17: ['vocational-training', 'labour-office'],
	e23: ['child-protection-unit'],
	e24: ['child-protection-unit'],
	e25: ['assisted-return', 'responsible-authority'],
	e26: ['labour-office', 'self-declaration']
};
