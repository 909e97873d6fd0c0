/**
 * Help-request formats against an independent implementation: Debian's python3-nacl running
 * tests/interop/nacl_peer.py, which re-implements them from docs/crypto.md. Both directions.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCrypto, type Crypto } from '$lib/crypto/core';
import { ARGON2ID_FLOOR } from '$lib/crypto/format';
import { loadSodium } from '$lib/crypto/sodium';
import { createAccount, grantOrgKey, openOrgGrant } from './account';
import { newPickupCode } from './code';
import { MESSAGE_MIN_BUCKET, REQUEST_MIN_BUCKET, SEAL_OVERHEAD, type HelpRequest } from './formats';
import { openHelpRequest, openReply, sealHelpRequest } from './seal';

const PEER = new URL('../../../tests/interop/nacl_peer.py', import.meta.url).pathname;
type Result = { ok?: unknown; error?: string };

function peer(commands: Record<string, unknown>[]): Result[] {
	const run = spawnSync('/usr/bin/python3', [PEER], {
		input: JSON.stringify(commands),
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`python3-nacl peer failed:\n${run.stderr}`);
	return JSON.parse(run.stdout) as Result[];
}

function ok<T>(r: Result | undefined): T {
	if (!r || r.error !== undefined) throw new Error(`peer error: ${r?.error}`);
	return r.ok as T;
}

let c: Crypto;
const b64 = (b: Uint8Array) => c.toBase64Url(b);
beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

describe('help-request formats with python3-nacl', () => {
	it('a request sealed here opens in PyNaCl; its reply sealed there opens with the pickup code', () => {
		const org = c.boxKeyPair();
		const code = newPickupCode((n) => c.randomBytes(n));
		const mine = c.deriveFromCode(new TextEncoder().encode(code));
		const request: HelpRequest = {
			v: 1,
			kind: 'request',
			to: 'vatra',
			needs: ['legal', 'documents'],
			text: 'Më duhet ndihmë me pasaportën, në Shkodër.',
			contact: { method: 'code' },
			lang: 'sq',
			replyKey: b64(mine.boxKeyPair.publicKey)
		};
		const box = sealHelpRequest(c, request, org.publicKey);
		expect(box.length).toBe(REQUEST_MIN_BUCKET + SEAL_OVERHEAD);
		const [opened, codeKeys] = peer([
			{
				op: 'open_help_message',
				secretKey: b64(org.secretKey),
				box: b64(box),
				minimum: REQUEST_MIN_BUCKET
			},
			{ op: 'code_keys', code: b64(new TextEncoder().encode(code)) }
		]);
		expect(ok<HelpRequest>(opened)).toEqual(request);
		expect(ok<{ publicKey: string }>(codeKeys).publicKey).toBe(request.replyKey);

		const reply = {
			v: 1,
			kind: 'reply',
			from: 'vatra',
			text: 'Eja të hënën.',
			at: '2026-11-23T10:00:00.000Z'
		};
		const [made] = peer([
			{
				op: 'make_help_message',
				publicKey: request.replyKey,
				message: reply,
				minimum: MESSAGE_MIN_BUCKET
			}
		]);
		expect(openReply(c, c.fromBase64Url(ok<string>(made)), mine.boxKeyPair)).toEqual(reply);
	});

	it('a peer-mentor group grant (the org grant format) opens in PyNaCl; a request PyNaCl seals to the group opens through it', () => {
		const group = c.boxKeyPair();
		const mentor = c.boxKeyPair();
		const grant = grantOrgKey(c, group.secretKey, mentor.publicKey);
		expect(grant.length).toBe(32 + SEAL_OVERHEAD);
		const request: HelpRequest = {
			v: 1,
			kind: 'request',
			to: 'vatra',
			needs: ['talk'],
			text: 'Dua të flas me dikë që e ka kaluar vetë.',
			contact: { method: 'code' },
			lang: 'sq',
			replyKey: b64(c.boxKeyPair().publicKey)
		};
		const [opened, sealed] = peer([
			{ op: 'open_sealed', secretKey: b64(mentor.secretKey), box: b64(grant) },
			{
				op: 'make_help_message',
				publicKey: b64(group.publicKey),
				message: request,
				minimum: REQUEST_MIN_BUCKET
			}
		]);
		expect(ok<string>(opened)).toBe(b64(group.secretKey));
		const keys = openOrgGrant(c, grant, mentor, group.publicKey);
		expect(openHelpRequest(c, c.fromBase64Url(ok<string>(sealed)), keys)).toEqual(request);

		// Negative: a group grant PyNaCl seals opens, but checked against the staff key it is
		// refused; and a request PyNaCl seals to the staff key does not open with the group key.
		const staff = c.boxKeyPair();
		const [pyGrant, toStaff] = peer([
			{ op: 'make_sealed', publicKey: b64(mentor.publicKey), plaintext: b64(group.secretKey) },
			{
				op: 'make_help_message',
				publicKey: b64(staff.publicKey),
				message: request,
				minimum: REQUEST_MIN_BUCKET
			}
		]);
		const pyGrantBytes = c.fromBase64Url(ok<string>(pyGrant));
		expect(
			c.equal(openOrgGrant(c, pyGrantBytes, mentor, group.publicKey).publicKey, group.publicKey)
		).toBe(true);
		expect(() => openOrgGrant(c, pyGrantBytes, mentor, staff.publicKey)).toThrow();
		expect(() => openHelpRequest(c, c.fromBase64Url(ok<string>(toStaff)), keys)).toThrow();
	});

	it('an account blob made here is opened by PyNaCl from the passphrase and username', () => {
		const { keys, blob } = createAccount(c, 'Drita.Vatra', 'fjalëkalim i gjatë', ARGON2ID_FLOOR);
		const [opened, wrongName] = peer([
			{
				op: 'open_account',
				username: 'Drita.Vatra',
				passphrase: 'fjalëkalim i gjatë',
				blob: b64(blob)
			},
			{
				op: 'open_account',
				username: 'drita.tjeter',
				passphrase: 'fjalëkalim i gjatë',
				blob: b64(blob)
			}
		]);
		expect(ok<object>(opened)).toEqual({
			boxSecretKey: b64(keys.box.secretKey),
			signSecretKey: b64(keys.sign.secretKey)
		});
		expect(wrongName?.error).toBeDefined();
	});
});
