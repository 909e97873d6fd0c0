import { defineGuide } from './schema';

/** 003 is the Home Office fact-finding report (interviews of October 2022); see data/sources.json. */
const R = '003_6b794c46dcf16d6c.txt';

/**
 * "For mentors": peer mentoring as the sources describe it, who learns a person's status in
 * each situation and how to keep that small (the heart of the page), safe communication,
 * what Ura offers a mentor, and looking after yourself. Texts in locales/{sq,en}/mentors.json.
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
