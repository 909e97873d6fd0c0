/**
 * The main sections. Paths are neutral words: nothing in a URL says what a person is
 * looking for or why.
 */
export const SECTIONS = [
	{ path: '/entitlements', key: 'nav.entitlements' },
	{ path: '/services', key: 'nav.services' },
	{ path: '/help', key: 'nav.help' },
	{ path: '/notes', key: 'nav.notes' },
	{ path: '/returning', key: 'nav.returning' },
	{ path: '/mentors', key: 'nav.mentors' }
] as const;

export type SectionPath = (typeof SECTIONS)[number]['path'];

/** Whether `pathname` (without language prefix) is inside `section`. */
export function isInSection(pathname: string, section: string): boolean {
	return pathname === section || pathname.startsWith(`${section}/`);
}
