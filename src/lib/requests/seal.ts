/**
 * Sealing and opening help requests, replies and internal notes, as pure functions over the
 * crypto API (no storage, no fetch), so they are tested without a browser.
 * docs/crypto.md, "Help requests", has the formats.
 *
 *   request ──pad(≥ 4 KiB)──▶ crypto_box_seal(organisation public key)
 *   reply   ──pad(≥ 1 KiB)──▶ crypto_box_seal(reply public key from the pickup code)
 *   note    ──pad(≥ 1 KiB)──▶ crypto_box_seal(organisation public key)
 */
import type { BoxKeyPair, Crypto } from '$lib/crypto';
import { CryptoError } from '$lib/crypto';
import type { z } from 'zod';
import {
	HelpRequestSchema,
	MESSAGE_MAX_BUCKET,
	MESSAGE_MIN_BUCKET,
	NoteSchema,
	ReplySchema,
	REQUEST_MAX_BUCKET,
	REQUEST_MIN_BUCKET,
	type HelpRequest,
	type Note,
	type Reply
} from './formats';

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function sealJson<S extends z.ZodType>(
	c: Crypto,
	schema: S,
	value: z.input<S>,
	to: Uint8Array,
	minBucket: number,
	maxBucket: number
): Uint8Array {
	const plain = c.pad(utf8.encode(JSON.stringify(schema.parse(value))), minBucket);
	if (plain.length > maxBucket) throw new CryptoError('bad_input', 'message too long');
	try {
		return c.sealTo(to, plain);
	} finally {
		c.wipe(plain);
	}
}

function openJson<S extends z.ZodType>(
	c: Crypto,
	schema: S,
	box: Uint8Array,
	recipient: BoxKeyPair
): z.infer<S> {
	const padded = c.openSealed(box, recipient);
	const parsed = schema.safeParse(JSON.parse(utf8Decoder.decode(c.unpad(padded))));
	c.wipe(padded);
	if (!parsed.success) throw new CryptoError('invalid', 'unexpected content');
	return parsed.data;
}

/** A request sealed to one organisation's public key. */
export function sealHelpRequest(c: Crypto, request: HelpRequest, orgPublicKey: Uint8Array) {
	return sealJson(
		c,
		HelpRequestSchema,
		request,
		orgPublicKey,
		REQUEST_MIN_BUCKET,
		REQUEST_MAX_BUCKET
	);
}

export function openHelpRequest(c: Crypto, box: Uint8Array, org: BoxKeyPair): HelpRequest {
	return openJson(c, HelpRequestSchema, box, org);
}

/**
 * Handing over: the request as this organisation read it, with its own key appended to
 * `handedOverBy`, sealed to the other organisation. The server only swaps ciphertexts.
 */
export function resealHelpRequest(
	c: Crypto,
	request: HelpRequest,
	fromOrg: string,
	toOrg: string,
	toPublicKey: Uint8Array
): Uint8Array {
	return sealHelpRequest(
		c,
		{ ...request, to: toOrg, handedOverBy: [...(request.handedOverBy ?? []), fromOrg] },
		toPublicKey
	);
}

export function sealReply(c: Crypto, reply: Reply, replyPublicKey: Uint8Array) {
	return sealJson(c, ReplySchema, reply, replyPublicKey, MESSAGE_MIN_BUCKET, MESSAGE_MAX_BUCKET);
}

export function openReply(c: Crypto, box: Uint8Array, replyKeys: BoxKeyPair): Reply {
	return openJson(c, ReplySchema, box, replyKeys);
}

export function sealNote(c: Crypto, note: Note, orgPublicKey: Uint8Array) {
	return sealJson(c, NoteSchema, note, orgPublicKey, MESSAGE_MIN_BUCKET, MESSAGE_MAX_BUCKET);
}

export function openNote(c: Crypto, box: Uint8Array, org: BoxKeyPair): Note {
	return openJson(c, NoteSchema, box, org);
}

/**
 * An organisation key fingerprint, for people to compare: the first 16 bytes of BLAKE2b-512
 * of the public key, as 8 groups of 4 hex digits. The server computes the same
 * (src/lib/server/help/orgs.ts) for the directory snapshot.
 */
export function fingerprint(c: Crypto, publicKey: Uint8Array): string {
	const hex = Array.from(c.hash(publicKey, 64).slice(0, 16), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
	return hex.match(/.{4}/g)!.join(' ');
}
