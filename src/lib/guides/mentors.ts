import { defineGuide } from './schema';

/** 003 is the Home Office fact-finding report (interviews of October 2022); see data/sources.json. */
const R = '003_6b794c46dcf16d6c.txt';

/**
 * "For mentors": peer mentoring as the sources describe it; a first conversation (what to ask
 * and what to leave); how to explain the questions about support; a lawyer before anything is
 * told to the police or an office (reporting duties, prosecution, custody); who learns a
 * person's status in each situation and how to keep that small (the heart of the page), safe
 * communication, what Ura offers a mentor, and looking after yourself. Texts in locales/{sq,en}/mentors.json.
 */
export const mentorsGuide = defineGuide('mentors', {
	title: 'title',
	description: 'description',
	lead: 'lead',
	toc: 'toc',
	asOf: { text: 'asOf', cites: [`${R}:L9-L11`] },
	sections: [
		{
			id: 'peer-mentoring',
			title: 'peer.title',
			blocks: [
				{ kind: 'p', text: 'peer.model' },
				{ kind: 'p', text: 'peer.both' },
				{ kind: 'p', text: 'peer.awareness' },
				{ kind: 'p', text: 'peer.voice' },
				{ kind: 'p', text: 'peer.other', confirm: 'peer.otherConfirm' }
			],
			cites: [`${R}:L455`, `${R}:L2201`]
		},
		{
			id: 'first-conversation',
			title: 'first.title',
			blocks: [
				{ kind: 'p', text: 'first.lead' },
				{ kind: 'p', text: 'first.askIntro' },
				{
					kind: 'list',
					style: 'bullets',
					items: ['first.askNeeds', 'first.askSafe', 'first.askHelper', 'first.askContact']
				},
				{ kind: 'p', text: 'first.avoidIntro' },
				{
					kind: 'list',
					style: 'bullets',
					items: ['first.avoidStory', 'first.avoidLabel', 'first.avoidPush']
				}
			],
			cites: [
				`${R}:L3066`,
				`${R}:L2941`,
				`${R}:L469`,
				`${R}:L1968`,
				`${R}:L437`,
				`${R}:L2343`,
				`${R}:L471`,
				`${R}:L2287`,
				`${R}:L2768`,
				`${R}:L2562`,
				`${R}:L1412`,
				`${R}:L1248`
			]
		},
		{
			id: 'explaining-the-questions',
			title: 'check.title',
			blocks: [
				{ kind: 'p', text: 'check.what' },
				{ kind: 'p', text: 'check.private' },
				{ kind: 'p', text: 'check.result' },
				{ kind: 'p', text: 'check.noStatus' },
				{
					kind: 'links',
					links: [{ path: '/entitlements/check', label: 'check.linkLabel', desc: 'check.linkDesc' }]
				}
			],
			cites: [`${R}:L475`, `${R}:L477-L479`, `${R}:L3028`, `${R}:L3066`, `${R}:L2183`]
		},
		{
			id: 'lawyer-first',
			title: 'lawyer.title',
			blocks: [
				{ kind: 'p', text: 'lawyer.report' },
				{ kind: 'p', text: 'lawyer.prosecution' },
				{ kind: 'p', text: 'lawyer.custody' },
				{ kind: 'p', text: 'lawyer.when' },
				{ kind: 'p', text: 'lawyer.noTestimony' },
				{
					kind: 'links',
					links: [
						{
							path: '/entitlements/e11',
							label: 'lawyer.legalAidLabel',
							desc: 'lawyer.legalAidDesc'
						},
						{
							path: '/entitlements/e13',
							label: 'lawyer.coordinatorLabel',
							desc: 'lawyer.coordinatorDesc'
						}
					]
				}
			],
			cites: [
				`${R}:L899`,
				`${R}:L1924`,
				`${R}:L1384`,
				`${R}:L1272`,
				`${R}:L1228`,
				`${R}:L1130`,
				`${R}:L1212`,
				`${R}:L2941`,
				`${R}:L1396`,
				`${R}:L1400`
			]
		},
		{
			id: 'without-exposing',
			title: 'exposure.title',
			blocks: [
				{ kind: 'p', text: 'exposure.fear' },
				{ kind: 'p', text: 'exposure.rule' },
				{ kind: 'p', text: 'exposure.cardsIntro' },
				{
					kind: 'cards',
					cards: [
						{
							title: 'exposure.aidTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.aidWho' },
								{ term: 'exposure.how', desc: 'exposure.aidHow' }
							],
							cites: [`${R}:L477-L479`, `${R}:L2792`, `${R}:L471`, `${R}:L475`, `${R}:L469`]
						},
						{
							title: 'exposure.labourTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.labourWho' },
								{ term: 'exposure.how', desc: 'exposure.labourHow' }
							],
							cites: [`${R}:L3066`, `${R}:L3028`, `${R}:L3018`]
						},
						{
							title: 'exposure.employerTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.employerWho' },
								{ term: 'exposure.how', desc: 'exposure.employerHow' }
							],
							cites: [`${R}:L2980`, `${R}:L1946`, `${R}:L2786`]
						},
						{
							title: 'exposure.centreTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.centreWho' },
								{ term: 'exposure.how', desc: 'exposure.centreHow' }
							],
							cites: [`${R}:L2980`]
						},
						{
							title: 'exposure.shelterTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.shelterWho' },
								{ term: 'exposure.how', desc: 'exposure.shelterHow' }
							],
							cites: [`${R}:L1420-L1424`]
						},
						{
							title: 'exposure.talkTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.talkWho' },
								{ term: 'exposure.how', desc: 'exposure.talkHow' }
							],
							cites: [`${R}:L2772`]
						},
						{
							title: 'exposure.homeTitle',
							rows: [
								{ term: 'exposure.who', desc: 'exposure.homeWho' },
								{ term: 'exposure.how', desc: 'exposure.homeHow' }
							],
							cites: [`${R}:L475`, `${R}:L863`, `${R}:L2618`]
						},
						{
							title: 'exposure.wordsTitle',
							rows: [
								{ term: 'exposure.why', desc: 'exposure.wordsWhy' },
								{ term: 'exposure.how', desc: 'exposure.wordsHow' }
							],
							cites: [`${R}:L2562`, `${R}:L2782`, `${R}:L2768`]
						}
					]
				},
				{ kind: 'p', text: 'exposure.institutions' },
				{ kind: 'p', text: 'exposure.media' }
			],
			cites: [
				`${R}:L471-L475`,
				`${R}:L2201`,
				`${R}:L1946`,
				`${R}:L2980`,
				`${R}:L1960-L1962`,
				`${R}:L2343`,
				`${R}:L637`
			]
		},
		{
			id: 'safe-communication',
			title: 'safeComms.title',
			blocks: [
				{ kind: 'p', text: 'safeComms.why' },
				{
					kind: 'list',
					style: 'bullets',
					items: [
						'safeComms.quickExit',
						'safeComms.noPlainNotes',
						'safeComms.askChannel',
						'safeComms.shareKey',
						'safeComms.shareExpiry',
						'safeComms.codes'
					]
				}
			],
			cites: [`${R}:L321`, `${R}:L1716`, `${R}:L1946`]
		},
		{
			id: 'ura-for-mentors',
			title: 'ura.title',
			blocks: [
				{ kind: 'p', text: 'ura.online' },
				{ kind: 'p', text: 'ura.shared' },
				{
					kind: 'links',
					links: [
						{ path: '/entitlements/check', label: 'ura.checkLabel', desc: 'ura.checkDesc' },
						{ path: '/services', label: 'ura.servicesLabel', desc: 'ura.servicesDesc' },
						{ path: '/help', label: 'ura.helpLabel', desc: 'ura.helpDesc' },
						{ path: '/notes', label: 'ura.notesLabel', desc: 'ura.notesDesc' },
						{ path: '/mentors/prepare', label: 'ura.prepareLabel', desc: 'ura.prepareDesc' }
					]
				},
				{ kind: 'p', text: 'ura.accounts' }
			],
			cites: [`${R}:L2349`]
		},
		{
			id: 'looking-after-yourself',
			title: 'selfCare.title',
			blocks: [
				{ kind: 'p', text: 'selfCare.strength' },
				{ kind: 'p', text: 'selfCare.again' },
				{ kind: 'p', text: 'selfCare.talk' },
				{ kind: 'p', text: 'selfCare.notAlone' },
				{ kind: 'p', text: 'selfCare.limits', confirm: 'selfCare.limitsConfirm' }
			],
			cites: [
				`${R}:L455`,
				`${R}:L461-L463`,
				`${R}:L541`,
				`${R}:L2943`,
				`${R}:L2141-L2145`,
				`${R}:L437`,
				`${R}:L1130`
			]
		}
	]
});
