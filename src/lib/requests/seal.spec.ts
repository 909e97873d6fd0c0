import { beforeAll, describe, expect, it } from 'vitest';
import { createCrypto, type Crypto } from '$lib/crypto/core';
import { ARGON2ID_FLOOR, bucketFor } from '$lib/crypto/format';
import { CryptoError } from '$lib/crypto/errors';
import {
	createAccount,
	unlockAccount,
	ACCOUNT_BLOB_BYTES,
	openOrgGrant,
	grantOrgKey
} from './account';
import {
	isSealedBucket,
	REQUEST_MAX_BUCKET,
	REQUEST_MIN_BUCKET,
	REQUEST_TEXT_MAX,
	SEAL_OVERHEAD,
	type HelpRequest
} from './formats';
import { fingerprint, openHelpRequest, resealHelpRequest, sealHelpRequest } from './seal';
import { loadSodium } from '$lib/crypto/sodium';

let c: Crypto;
beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

const request = (text: string): HelpRequest => ({
	v: 1,
	kind: 'request',
	to: 'vatra',
	needs: [],
	text,
	contact: { method: 'code' },
	lang: 'sq',
	replyKey: 'A'.repeat(43)
});

describe('padding buckets', () => {
	it('raise the floor with a minimum bucket and otherwise keep the powers of two', () => {
		expect(bucketFor(0, 4096)).toBe(4096);
		expect(bucketFor(4095, 4096)).toBe(4096);
		expect(bucketFor(4096, 4096)).toBe(8192);
		expect(bucketFor(10, 1024)).toBe(1024);
		expect(bucketFor(10)).toBe(256);
		expect(() => bucketFor(10, 1000)).toThrow(CryptoError);
	});

	it('make every short request the same size, and the longest one still fit in 16 KiB', () => {
		const org = c.boxKeyPair();
		const short = sealHelpRequest(c, request('Ndihmë'), org.publicKey);
		const medium = sealHelpRequest(c, request('ë'.repeat(1500)), org.publicKey);
		expect(short.length).toBe(REQUEST_MIN_BUCKET + SEAL_OVERHEAD);
		expect(medium.length).toBe(REQUEST_MIN_BUCKET + SEAL_OVERHEAD);
		// The longest text, every character two bytes in UTF-8 and escaped where JSON must.
		const longest = sealHelpRequest(c, request('ë'.repeat(REQUEST_TEXT_MAX)), org.publicKey);
		expect(longest.length).toBeLessThanOrEqual(REQUEST_MAX_BUCKET + SEAL_OVERHEAD);
		expect(isSealedBucket(longest.length, REQUEST_MIN_BUCKET, REQUEST_MAX_BUCKET)).toBe(true);
		expect(isSealedBucket(short.length - 1, REQUEST_MIN_BUCKET, REQUEST_MAX_BUCKET)).toBe(false);
		expect(isSealedBucket(256 + SEAL_OVERHEAD, REQUEST_MIN_BUCKET, REQUEST_MAX_BUCKET)).toBe(false);
	});
});

describe('sealed requests', () => {
	it('open only with the organisation’s key, and re-seal for a handover that names who handed it', () => {
		const a = c.boxKeyPair();
		const b = c.boxKeyPair();
		const box = sealHelpRequest(c, request('x'), a.publicKey);
		expect(openHelpRequest(c, box, a).text).toBe('x');
		expect(() => openHelpRequest(c, box, b)).toThrow(CryptoError);
		const moved = resealHelpRequest(
			c,
			openHelpRequest(c, box, a),
			'vatra',
			'tjeter-vizion',
			b.publicKey
		);
		expect(openHelpRequest(c, moved, b)).toMatchObject({
			to: 'tjeter-vizion',
			handedOverBy: ['vatra']
		});
	});

	it('refuse content that is not a version-1 request', () => {
		const org = c.boxKeyPair();
		const wrong = c.sealTo(
			org.publicKey,
			c.pad(new TextEncoder().encode(JSON.stringify({ ...request('x'), v: 2 })), 4096)
		);
		expect(() => openHelpRequest(c, wrong, org)).toThrow(CryptoError);
		expect(() => sealHelpRequest(c, { ...request(''), needs: [] }, org.publicKey)).toThrow();
	});

	it('fingerprints are 8 groups of 4 hex digits of BLAKE2b-512', () => {
		expect(fingerprint(c, c.boxKeyPair().publicKey)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
	});
});

describe('responder accounts', () => {
	it('unwrap with the passphrase and the username they were made for, and nothing else', () => {
		const { keys, blob } = createAccount(c, 'Drita', 'a long enough passphrase', ARGON2ID_FLOOR);
		expect(blob).toHaveLength(ACCOUNT_BLOB_BYTES);
		const opened = unlockAccount(c, 'drita', 'a long enough passphrase', blob);
		expect(opened.box).toEqual(keys.box);
		expect(opened.sign).toEqual(keys.sign);
		expect(() => unlockAccount(c, 'drita', 'wrong passphrase!', blob)).toThrow(CryptoError);
		expect(() => unlockAccount(c, 'arben', 'a long enough passphrase', blob)).toThrow(CryptoError);
	});

	it('refuse an account blob of another version, or cut short', () => {
		const { blob } = createAccount(c, 'drita', 'a long enough passphrase', ARGON2ID_FLOOR);
		const v2 = blob.slice();
		v2[0] = 2;
		expect(() => unlockAccount(c, 'drita', 'a long enough passphrase', v2)).toThrow(
			expect.objectContaining({ code: 'unsupported_version' })
		);
		expect(() => unlockAccount(c, 'drita', 'a long enough passphrase', blob.slice(0, -1))).toThrow(
			expect.objectContaining({ code: 'truncated' })
		);
	});

	it('refuse an organisation key grant that does not match the published key', () => {
		const member = c.boxKeyPair();
		const org = c.boxKeyPair();
		const grant = grantOrgKey(c, org.secretKey, member.publicKey);
		expect(openOrgGrant(c, grant, member, org.publicKey)).toEqual(org);
		const impostor = c.boxKeyPair();
		expect(() =>
			openOrgGrant(c, grantOrgKey(c, impostor.secretKey, member.publicKey), member, org.publicKey)
		).toThrow(CryptoError);
	});
});
