/**
 * Roles of an organisation's members and which of its keys each may hold. Shared by the
 * server (which refuses a grant a role may not hold) and the admin's browser (which refuses to
 * seal such a grant, whatever the server's pending list says).
 */
export const ROLES = ['org_admin', 'responder', 'peer_mentor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An organisation's key pairs: its staff's ('organisation') and its peer-mentor group's
 * ('peer_mentors'). A request is sealed to one of them: its audience.
 */
export const KEY_KINDS = ['organisation', 'peer_mentors'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/**
 * Which keys a role may hold. Peer mentors never get the staff key: a person who writes to an
 * organisation's staff is not read by a peer. Staff responders do not get the group key.
 * Admins hold both, so they can grant them.
 */
export const KINDS_OF_ROLE: Readonly<Record<Role, readonly KeyKind[]>> = {
	org_admin: ['organisation', 'peer_mentors'],
	responder: ['organisation'],
	peer_mentor: ['peer_mentors']
};

/** Whether a member with this role may hold this key (unknown roles hold nothing). */
export function roleMayHold(role: string, kind: string): boolean {
	return (
		(ROLES as readonly string[]).includes(role) &&
		(KINDS_OF_ROLE[role as Role] as readonly string[]).includes(kind)
	);
}
