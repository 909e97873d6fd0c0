import type glossary from '../../../locales/sq/glossary.json';
import { compareText } from '$lib/i18n/collate';

/** 003 is the Home Office fact-finding report (interviews of October 2022); see data/sources.json. */
const R = '003_6b794c46dcf16d6c.txt';

/** A term's id is its anchor on the glossary page (/glossary#municipality) and its locale key. */
export type TermId = keyof (typeof glossary)['terms'];
/** Terms whose explanation leaves something the sources do not settle. */
export type ConfirmId = keyof (typeof glossary)['confirm'];

export interface GlossaryEntry {
	id: TermId;
	/** The term as a reader meets it, in each language (shown as the entry's name). */
	names: { sq: string; en: string };
	/**
	 * Whether the Albanian name itself appears in a seed. Most are our own rendering of the
	 * English sources (facts/glossary-sq.md, "[general knowledge – verify]"): the page says so.
	 */
	albanianFromSeed: boolean;
	/** Seed lines for everything the explanation (locales/{sq,en}/glossary.json) says. */
	cites: readonly string[];
	/** Something the explanation cannot settle: shown as "to confirm locally". */
	confirm?: ConfirmId;
}

/**
 * The official and legal words a reader meets in Ura's guides, entitlements and directory,
 * each explained in plain words from the seed lines it cites (facts/glossary-sq.md gives the
 * terms and where they appear). Nothing here goes beyond what those lines say.
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
	{
		id: 'municipality',
		names: { sq: 'Bashki', en: 'Municipality' },
		albanianFromSeed: false,
		cites: [`${R}:L2389`, `${R}:L2397`]
	},
	{
		id: 'administrative-unit',
		names: { sq: 'Njësi administrative', en: 'Administrative unit' },
		albanianFromSeed: false,
		cites: [`${R}:L2935`, `${R}:L2397`]
	},
	{
		id: 'county',
		names: { sq: 'Qark', en: 'County' },
		albanianFromSeed: false,
		cites: [`${R}:L1564`]
	},
	{
		id: 'dcm',
		names: {
			sq: 'Vendim i Këshillit të Ministrave (VKM)',
			en: 'Decision of the Council of Ministers (DCM)'
		},
		albanianFromSeed: false,
		cites: [`${R}:L2058`]
	},
	{
		id: 'sop',
		names: {
			sq: 'Procedurat standarde të veprimit',
			en: 'Standard operating procedures (SOPs)'
		},
		albanianFromSeed: false,
		cites: [`${R}:L2058`, `${R}:L1682`]
	},
	{
		id: 'national-referral-mechanism',
		names: {
			sq: 'Mekanizmi Kombëtar i Referimit',
			en: 'National Referral Mechanism (NRM)'
		},
		albanianFromSeed: false,
		cites: [`${R}:L415`]
	},
	{
		id: 'responsible-authority',
		names: { sq: 'Autoriteti Përgjegjës', en: 'Responsible Authority' },
		albanianFromSeed: false,
		cites: [`${R}:L1704`, `${R}:L971`]
	},
	{
		id: 'identification',
		names: { sq: 'Identifikim', en: 'Identification' },
		albanianFromSeed: false,
		cites: [`${R}:L479`, `${R}:L2425`],
		confirm: 'identification'
	},
	{
		id: 'status-document',
		names: { sq: 'Vërtetim i statusit', en: 'Status document (certificate)' },
		albanianFromSeed: false,
		cites: [`${R}:L237`, `${R}:L475`]
	},
	{
		id: 'social-administrator',
		names: { sq: 'Administrator shoqëror', en: 'Social administrator' },
		albanianFromSeed: false,
		cites: [`${R}:L2790`, `${R}:L2792`]
	},
	{
		id: 'economic-aid',
		names: { sq: 'Ndihmë ekonomike', en: 'Economic aid' },
		albanianFromSeed: false,
		cites: [`${R}:L237`, `${R}:L475`, `${R}:L2792`],
		confirm: 'economic-aid'
	},
	{
		id: 'health-card',
		names: { sq: 'Kartë shëndetësore', en: 'Health card' },
		albanianFromSeed: false,
		cites: [`${R}:L479`, `${R}:L2179`, `${R}:L2183`]
	},
	{
		id: 'child-protection-unit',
		names: {
			sq: 'Njësia për Mbrojtjen e Fëmijës (NJMF)',
			en: 'Child Protection Unit (CPU)'
		},
		albanianFromSeed: false,
		cites: [`${R}:L2389`, `${R}:L2397`, `${R}:L2425`, `${R}:L2385`]
	},
	{
		id: 'prosecution-coordinator',
		names: { sq: 'Koordinator për viktimat në prokurori', en: 'Victim coordinator' },
		albanianFromSeed: false,
		cites: [`${R}:L1280`, `${R}:L1396`]
	},
	{
		id: 'shelter',
		names: { sq: 'Strehëz', en: 'Shelter' },
		albanianFromSeed: false,
		cites: [`${R}:L431`, `${R}:L455`]
	},
	{
		id: 'case-manager',
		names: { sq: 'Menaxher rasti', en: 'Case manager' },
		albanianFromSeed: false,
		cites: [`${R}:L437`]
	},
	{
		id: 'reintegration-plan',
		names: { sq: 'Plan individual riintegrimi', en: 'Individual reintegration plan' },
		albanianFromSeed: false,
		cites: [`${R}:L435`, `${R}:L437`]
	},
	{
		id: 'legal-aid',
		names: { sq: 'Ndihmë juridike falas', en: 'Free legal aid' },
		albanianFromSeed: false,
		cites: [`${R}:L1212`, `${R}:L1228`]
	},
	{
		id: 'compensation',
		names: { sq: 'Dëmshpërblim', en: 'Compensation' },
		albanianFromSeed: false,
		cites: [`${R}:L1216`, `${R}:L1212`]
	},
	{
		id: 'protection-order',
		names: { sq: 'Urdhër mbrojtjeje', en: 'Protection order' },
		albanianFromSeed: false,
		cites: [`${R}:L1037`],
		confirm: 'protection-order'
	},
	{
		id: 'assisted-return',
		names: { sq: 'Kthim vullnetar i asistuar', en: 'Assisted voluntary return (AVR)' },
		albanianFromSeed: false,
		cites: [`${R}:L1696`, `${R}:L1704`]
	},
	{
		id: 'labour-office',
		names: { sq: 'Zyrë punësimi', en: 'Labour office' },
		albanianFromSeed: false,
		cites: [`${R}:L3018`, `${R}:L3036`]
	},
	{
		id: 'self-declaration',
		names: { sq: 'Vetëdeklarim', en: 'Self-declaration' },
		albanianFromSeed: false,
		cites: [`${R}:L3066`, `${R}:L3028`]
	},
	{
		id: 'vocational-training',
		names: { sq: 'Formim profesional', en: 'Vocational training' },
		albanianFromSeed: false,
		cites: [`${R}:L3036`, `${R}:L3062`]
	},
	{
		id: 'social-housing',
		names: { sq: 'Strehim social', en: 'Social housing' },
		albanianFromSeed: false,
		cites: [`${R}:L1228`, `${R}:L1886`, `${R}:L2970`]
	}
];

/** The glossary entry for an id; the ids are typed, so a missing one is a type error. */
export function glossaryEntry(id: TermId): GlossaryEntry {
	const entry = GLOSSARY.find((e) => e.id === id);
	if (!entry) throw new Error(`glossary: no term ${id}`);
	return entry;
}

/** The entries in alphabetical order for the reader's language (Albanian letters included). */
export function sortedGlossary(lang: 'sq' | 'en'): GlossaryEntry[] {
	const compare = compareText(lang, { sensitivity: 'base' });
	return [...GLOSSARY].sort((a, b) => compare(a.names[lang], b.names[lang]));
}
