/**
 * The help-request client, for the pages: seal and queue a request, read and delete replies
 * with a pickup code. The cryptography loads only when one of these is called.
 */
import { loadCrypto } from '$lib/crypto';
import { newPickupCode } from './code';
import type { ContactMethod, Need, Reply } from './formats';
import { enqueue } from './outbox';
import { openReply, sealHelpRequest } from './seal';

const utf8 = new TextEncoder();

/** An organisation's staff, or its peer-mentor group ('peer_mentors'), and the key to seal to. */
export type Recipient = {
	key: string;
	publicKey: string;
	audience?: 'organisation' | 'peer_mentors';
};
export type RequestInput = {
	recipients: Recipient[];
	needs: Need[];
	text: string;
	contact: { method: ContactMethod; value?: string };
	lang: 'sq' | 'en';
};

/**
 * Makes the pickup code, seals the request to every recipient, queues it and starts sending.
 * Returns the code (shown once) and the outbox id (to show queued / sent).
 */
export async function sendHelpRequest(
	input: RequestInput
): Promise<{ code: string; outboxId: string }> {
	const c = await loadCrypto();
	const code = newPickupCode((n) => c.randomBytes(n));
	const { boxKeyPair, lookupId } = c.deriveFromCode(utf8.encode(code));
	try {
		const replyKey = c.toBase64Url(boxKeyPair.publicKey);
		const items = input.recipients.map((r) => ({
			org: r.key,
			...(r.audience === 'peer_mentors' ? { audience: r.audience } : {}),
			ciphertext: c.toBase64Url(
				sealHelpRequest(
					c,
					{
						v: 1,
						kind: 'request',
						to: r.key,
						needs: input.needs,
						text: input.text,
						contact: input.contact.method === 'code' ? { method: 'code' } : input.contact,
						lang: input.lang,
						replyKey
					},
					c.fromBase64Url(r.publicKey)
				)
			),
			idempotencyKey: c.toBase64Url(c.randomBytes(16))
		}));
		const body = JSON.stringify({ lookupId: c.toBase64Url(lookupId), items });
		const outboxId = await enqueue(body);
		return { code, outboxId };
	} finally {
		c.wipe(boxKeyPair.secretKey);
	}
}

/** Loads the cryptography ahead of time (the form calls this when it opens). */
export async function warmUp(): Promise<void> {
	await loadCrypto();
}

async function mailbox(code: string) {
	const c = await loadCrypto();
	const keys = c.deriveFromCode(utf8.encode(code));
	return { c, keys, body: JSON.stringify({ lookupId: c.toBase64Url(keys.lookupId) }) };
}

export class MailboxError extends Error {
	constructor(readonly status: number) {
		super(`mailbox ${status}`);
	}
}

/** The replies for a (parsed, canonical) code, decrypted. Empty for a code nobody used. */
export async function readReplies(code: string): Promise<Reply[]> {
	const { c, keys, body } = await mailbox(code);
	try {
		const res = await fetch('/api/help/replies', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			credentials: 'omit',
			cache: 'no-store'
		});
		if (!res.ok) throw new MailboxError(res.status);
		const { replies } = (await res.json()) as { replies: string[] };
		const out: Reply[] = [];
		for (const r of replies) {
			try {
				out.push(openReply(c, c.fromBase64Url(r), keys.boxKeyPair));
			} catch {
				// Not for this key or damaged: skip it rather than show garbage.
			}
		}
		return out;
	} finally {
		c.wipe(keys.boxKeyPair.secretKey);
	}
}

/** Deletes the requests and replies of a code on the server. */
export async function deleteMailbox(code: string): Promise<void> {
	const { c, keys, body } = await mailbox(code);
	c.wipe(keys.boxKeyPair.secretKey);
	const res = await fetch('/api/help/delete', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
		credentials: 'omit',
		cache: 'no-store'
	});
	if (!res.ok) throw new MailboxError(res.status);
}
