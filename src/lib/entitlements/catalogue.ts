import compiled from 'virtual:ura-entitlements';
import type { Area, Catalogue, Entitlement, Question } from './schema';

/**
 * The rules, compiled from data/entitlements at build time and shipped with the page: the
 * screener needs no request to the network, not even to our own server.
 */
export const catalogue: Catalogue = compiled;

const entitlementsById = new Map(catalogue.entitlements.map((e) => [e.id, e]));
const questionsById = new Map(catalogue.questions.map((q) => [q.id, q]));

export function entitlementById(id: string): Entitlement | undefined {
	return entitlementsById.get(id);
}

export function questionById(id: string): Question | undefined {
	return questionsById.get(id);
}

/** Entitlements grouped by area, in the order of AREAS. */
export function entitlementsByArea(areas: readonly Area[]): { area: Area; items: Entitlement[] }[] {
	return areas
		.map((area) => ({ area, items: catalogue.entitlements.filter((e) => e.area === area) }))
		.filter((g) => g.items.length > 0);
}
