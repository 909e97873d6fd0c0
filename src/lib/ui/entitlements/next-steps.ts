import type { Entitlement, Fact } from '$lib/entitlements';
import type { Lang, Translate } from '$lib/i18n/index.svelte';
import type { ChecklistContent, ChecklistItem } from '$lib/notebook';

/**
 * "What to do next" for one entitlement: its own how-to-apply data (where to go, the
 * documents to bring, the steps), nothing else — the same cited facts "Prepare to apply"
 * prints. A fact the sources leave open keeps its "to confirm locally" mark in the text,
 * since a saved checklist has no badge. The first item links to the entitlement's page,
 * where the sources are.
 */
export function nextStepItems(
	e: Entitlement,
	lang: Lang,
	t: Translate<'entitlements'>
): ChecklistItem[] {
	const text = (fact: Fact) =>
		fact.to_confirm ? t('nextSteps.toConfirm', { text: fact[lang] }) : fact[lang];
	return [
		{
			text: t('nextSteps.where', { where: text(e.apply.where) }),
			done: false,
			path: `/entitlements/${e.id}`
		},
		...e.apply.documents.map((doc) => ({
			text: t('nextSteps.bring', { document: text(doc) }),
			done: false
		})),
		...e.apply.steps.map((step) => ({ text: text(step), done: false }))
	];
}

export function nextStepsChecklist(
	e: Entitlement,
	lang: Lang,
	t: Translate<'entitlements'>
): ChecklistContent {
	return {
		kind: 'checklist',
		title: t('nextSteps.savedTitle', { name: e.name[lang] }),
		items: nextStepItems(e, lang, t)
	};
}
