/**
 * What a help request, a reply and an internal note say, as the people at each end see them.
 * These shapes exist only inside sealed boxes (docs/crypto.md, "Help requests"): the server
 * stores ciphertext and never parses any of this. Pure TypeScript, shared by the browser
 * code and the tests.
 */
import { z } from 'zod';
import { ENVELOPE_VERSION, isBucketSize } from '$lib/crypto/format';

/** Bytes crypto_box_seal adds: an ephemeral X25519 public key (32) and a Poly1305 tag (16). */
export const SEAL_OVERHEAD = 48;

/**
 * Padded sizes. Every request is at least 4 KiB before sealing, so nearly all requests are
 * the same size on the wire and on disk; a long message moves it to 8 or 16 KiB, never more.
 * Replies and notes are at least 1 KiB and at most 16 KiB.
 */
export const REQUEST_MIN_BUCKET = 4096;
export const REQUEST_MAX_BUCKET = 16384;
export const MESSAGE_MIN_BUCKET = 1024;
export const MESSAGE_MAX_BUCKET = 16384;

/** Characters a person can type (the padded JSON then stays within 16 KiB even in Albanian). */
export const REQUEST_TEXT_MAX = 3000;
export const CONTACT_VALUE_MAX = 200;
export const REPLY_TEXT_MAX = 4000;
/** At most this many organisations receive one request. */
export const MAX_RECIPIENTS = 3;

/** What a person may ask for (the list on the form; free text adds the rest). */
export const NEEDS = [
	'safe_place',
	'health',
	'legal',
	'documents',
	'money',
	'work',
	'children',
	'talk',
	'return',
	'other'
] as const;
export type Need = (typeof NEEDS)[number];

/** How to be reached. 'code': "I will check back here with my code" — no phone, no e-mail. */
export const CONTACT_METHODS = ['code', 'phone', 'email', 'other'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const REQUEST_LANGS = ['sq', 'en'] as const;

const base64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The plaintext of a help request, version 1 (JSON, UTF-8, padded, then sealed). */
export const HelpRequestSchema = z
	.strictObject({
		v: z.literal(1),
		kind: z.literal('request'),
		/** The organisation it was sealed to (directory key), so a handover cannot hide it. */
		to: z.string().regex(/^[a-z0-9-]{1,80}$/),
		needs: z.array(z.enum(NEEDS)).max(NEEDS.length),
		text: z.string().max(REQUEST_TEXT_MAX),
		contact: z.strictObject({
			method: z.enum(CONTACT_METHODS),
			value: z.string().trim().max(CONTACT_VALUE_MAX).optional()
		}),
		lang: z.enum(REQUEST_LANGS),
		/** X25519 public key derived from the pickup code: replies are sealed to it. */
		replyKey: base64url32,
		/** Organisations that handed it over, oldest first (added by the browser that re-seals). */
		handedOverBy: z
			.array(z.string().regex(/^[a-z0-9-]{1,80}$/))
			.max(10)
			.optional()
	})
	.refine((r) => r.needs.length > 0 || r.text.trim().length > 0, {
		message: 'Say what help is needed',
		path: ['needs']
	})
	.refine((r) => r.contact.method === 'code' || !!r.contact.value, {
		message: 'Say how to reach you',
		path: ['contact', 'value']
	});
export type HelpRequest = z.infer<typeof HelpRequestSchema>;

/** A responder's answer, sealed to the request's reply key. */
export const ReplySchema = z.strictObject({
	v: z.literal(1),
	kind: z.literal('reply'),
	/** Directory key of the organisation that answers. */
	from: z.string().regex(/^[a-z0-9-]{1,80}$/),
	text: z.string().min(1).max(REPLY_TEXT_MAX),
	/** When it was written (ISO date-time); only the survivor's browser ever sees it. */
	at: z.iso.datetime({ offset: true })
});
export type Reply = z.infer<typeof ReplySchema>;

/** A note only the organisation can read, sealed to its public key. */
export const NoteSchema = z.strictObject({
	v: z.literal(1),
	kind: z.literal('note'),
	author: z.string().min(1).max(80),
	text: z.string().min(1).max(REPLY_TEXT_MAX),
	at: z.iso.datetime({ offset: true }),
	/** A copy of a reply the organisation sent (the reply itself only the survivor can open). */
	isReply: z.boolean().optional()
});
export type Note = z.infer<typeof NoteSchema>;

/** Whether `length` bytes can be a sealed box of padded plaintext within [min, max]. */
export function isSealedBucket(length: number, min: number, max: number): boolean {
	const padded = length - SEAL_OVERHEAD;
	return padded >= min && padded <= max && isBucketSize(padded);
}

/** Account key blob version, and the envelope context that wraps it. */
export const ACCOUNT_VERSION = 0x01;
export const ACCOUNT_CONTEXT = 'ura/responder/keys';
/** What a responder signs to sign in: this label, then the 32-byte server challenge. */
export const SIGNIN_CONTEXT = 'ura/responder/sign-in/v1';
export const RESPONDER_PASSPHRASE_MIN_LENGTH = 12;
export { ENVELOPE_VERSION };
