import { defineGuide } from './schema';

/** 003 is the Home Office fact-finding report (interviews of October 2022); see data/sources.json. */
const R = '003_6b794c46dcf16d6c.txt';

/**
 * "Returning to Albania": assisted return, status recognised abroad, returning on one's own,
 * the labour office's returning-migrant route (the low-disclosure one), risks and what
 * helps, and two checklists. Texts in locales/{sq,en}/returning.json.
 */
export const returningGuide = defineGuide('returning', {
	title: 'title',
	description: 'description',
	lead: 'lead',
	toc: 'toc',
	asOf: { text: 'asOf', cites: [`${R}:L9-L11`] },
	sections: [
		{
			id: 'assisted-return',
			title: 'avr.title',
			blocks: [
				{ kind: 'p', text: 'avr.abroad' },
				{ kind: 'p', text: 'avr.travel' },
				{ kind: 'p', text: 'avr.family' },
				{ kind: 'p', text: 'avr.minors' },
				{ kind: 'p', text: 'avr.arrival' },
				{ kind: 'p', text: 'avr.border' },
				{ kind: 'p', text: 'avr.ready', confirm: 'avr.readyConfirm' },
				{ kind: 'p', text: 'avr.choice' },
				{ kind: 'p', text: 'avr.agreements' }
			],
			cites: [
				`${R}:L1696`,
				`${R}:L1692`,
				`${R}:L2195`,
				`${R}:L2191`,
				`${R}:L1704`,
				`${R}:L1708`,
				`${R}:L2365-L2367`,
				`${R}:L455`,
				`${R}:L1812-L1814`,
				`${R}:L1968`,
				`${R}:L1696-L1700`
			]
		},
		{
			id: 'status-from-abroad',
			title: 'statusAbroad.title',
			blocks: [
				{ kind: 'p', text: 'statusAbroad.uk' },
				{ kind: 'p', text: 'statusAbroad.coordinator' },
				{
					kind: 'p',
					text: 'statusAbroad.otherCountries',
					confirm: 'statusAbroad.otherCountriesConfirm'
				},
				{ kind: 'p', text: 'statusAbroad.ukContacts' },
				{ kind: 'p', text: 'statusAbroad.bridge' }
			],
			cites: [`${R}:L2195`, `${R}:L1748-L1750`, `${R}:L2644-L2646`]
		},
		{
			id: 'returning-on-your-own',
			title: 'onYourOwn.title',
			blocks: [
				{ kind: 'p', text: 'onYourOwn.notTreated' },
				{ kind: 'p', text: 'onYourOwn.meaning' },
				{ kind: 'p', text: 'onYourOwn.yourChoice' },
				{
					kind: 'list',
					style: 'bullets',
					items: [
						'onYourOwn.lowLabour',
						'onYourOwn.lowCounselling',
						'onYourOwn.lowTdh',
						'onYourOwn.lowChildren'
					]
				},
				{ kind: 'p', text: 'onYourOwn.later', confirm: 'onYourOwn.laterConfirm' },
				{ kind: 'p', text: 'onYourOwn.men' }
			],
			cites: [
				`${R}:L2592`,
				`${R}:L477-L479`,
				`${R}:L3028`,
				`${R}:L3018`,
				`${R}:L2183`,
				`${R}:L2662`,
				`${R}:L771`
			]
		},
		{
			id: 'work-and-training',
			title: 'work.title',
			blocks: [
				{ kind: 'p', text: 'work.register' },
				{ kind: 'p', text: 'work.onlyReturned' },
				{ kind: 'p', text: 'work.noAsking' },
				{ kind: 'p', text: 'work.priority' },
				{ kind: 'p', text: 'work.combined' },
				{ kind: 'p', text: 'work.border' },
				{ kind: 'p', text: 'work.documents', confirm: 'work.documentsConfirm' }
			],
			cites: [
				`${R}:L3028`,
				`${R}:L3066`,
				`${R}:L3038`,
				`${R}:L3056-L3060`,
				`${R}:L3030`,
				`${R}:L3072`
			]
		},
		{
			id: 'what-helps',
			title: 'risks.title',
			blocks: [
				{ kind: 'p', text: 'risks.named' },
				{ kind: 'p', text: 'risks.helpsIntro' },
				{
					kind: 'list',
					style: 'bullets',
					items: [
						'risks.family',
						'risks.elsewhere',
						'risks.longSupport',
						'risks.safety',
						'risks.debt',
						'risks.online'
					]
				}
			],
			cites: [
				'002_679cc4caf4b8cd25.txt:L24-L26',
				'004_a1afb9ff689efd41.txt:L26-L30',
				`${R}:L499`,
				`${R}:L507`,
				`${R}:L511`,
				`${R}:L2195`,
				`${R}:L863`,
				`${R}:L2618`,
				`${R}:L533`,
				`${R}:L435`,
				`${R}:L461-L463`,
				`${R}:L1984`,
				`${R}:L2670`,
				`${R}:L1130`,
				`${R}:L1880`,
				`${R}:L933`,
				`${R}:L1946`
			]
		},
		{
			id: 'before-you-travel',
			title: 'beforeTravel.title',
			blocks: [
				{ kind: 'p', text: 'beforeTravel.intro' },
				{
					kind: 'list',
					style: 'checklist',
					items: [
						'beforeTravel.ask',
						'beforeTravel.arrival',
						'beforeTravel.where',
						'beforeTravel.status',
						{ text: 'beforeTravel.recognition', confirm: 'beforeTravel.recognitionConfirm' },
						'beforeTravel.papers',
						'beforeTravel.health',
						'beforeTravel.children',
						'beforeTravel.debt',
						'beforeTravel.labour'
					]
				}
			],
			cites: [
				`${R}:L1696`,
				`${R}:L1692`,
				`${R}:L1704`,
				`${R}:L2195`,
				`${R}:L2618`,
				`${R}:L1968`,
				`${R}:L475`,
				`${R}:L1708`,
				`${R}:L2670`,
				`${R}:L3028`,
				`${R}:L3066`
			]
		},
		{
			id: 'first-weeks',
			title: 'firstWeeks.title',
			blocks: [
				{
					kind: 'list',
					style: 'checklist',
					items: [
						'firstWeeks.caseManager',
						'firstWeeks.noShelter',
						'firstWeeks.labour',
						'firstWeeks.civil',
						'firstWeeks.papers',
						'firstWeeks.oneDoctor',
						'firstWeeks.children',
						'firstWeeks.talk',
						'firstWeeks.work'
					]
				}
			],
			cites: [
				`${R}:L437`,
				`${R}:L455`,
				`${R}:L3028`,
				`${R}:L469`,
				`${R}:L467`,
				`${R}:L471-L475`,
				`${R}:L479`,
				`${R}:L2183`,
				`${R}:L541`,
				`${R}:L2943`,
				`${R}:L1946`
			]
		},
		{
			id: 'in-ura',
			title: 'inUra.title',
			blocks: [
				{ kind: 'p', text: 'inUra.why' },
				{
					kind: 'links',
					links: [
						{ path: '/entitlements/check', label: 'inUra.checkLabel', desc: 'inUra.checkDesc' },
						{ path: '/services', label: 'inUra.servicesLabel', desc: 'inUra.servicesDesc' },
						{ path: '/help', label: 'inUra.helpLabel', desc: 'inUra.helpDesc' },
						{ path: '/notes', label: 'inUra.notesLabel', desc: 'inUra.notesDesc' }
					]
				}
			],
			cites: [`${R}:L321`, `${R}:L1716`]
		},
		{
			id: 'names',
			title: 'names.title',
			blocks: [
				{ kind: 'p', text: 'names.intro', confirm: 'names.introConfirm' },
				{
					kind: 'terms',
					terms: [
						{ term: 'names.iomTerm', desc: 'names.iomDesc' },
						{ term: 'names.nrmTerm', desc: 'names.nrmDesc' },
						{ term: 'names.raTerm', desc: 'names.raDesc' },
						{ term: 'names.coordinatorTerm', desc: 'names.coordinatorDesc' },
						{ term: 'names.ministryTerm', desc: 'names.ministryDesc' },
						{ term: 'names.borderTerm', desc: 'names.borderDesc' },
						{ term: 'names.naesTerm', desc: 'names.naesDesc' },
						{ term: 'names.cpuTerm', desc: 'names.cpuDesc' }
					]
				}
			],
			cites: [
				`${R}:L1688`,
				`${R}:L415`,
				`${R}:L1704`,
				`${R}:L2195`,
				`${R}:L2125`,
				`${R}:L1708`,
				`${R}:L3004`,
				`${R}:L1692`
			]
		}
	]
});
