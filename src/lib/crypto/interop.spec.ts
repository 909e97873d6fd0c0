/**
 * Interoperability with an independent implementation: Debian's python3-nacl (PyNaCl with
 * its own libsodium), driving tests/interop/nacl_peer.py, which re-implements Ura's formats
 * from docs/crypto.md: the envelope, code keys, padding, the vault header, notebook records,
 * backup files and shares. Messages go both ways.
 * /usr/bin/python3 on purpose: pyenv's python3 cannot see Debian's python3-nacl.
 * scripts/system-deps.sh installs python3-nacl when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Entry, ShareableContent } from '../notebook/entries';
import { createShare, decryptShare } from '../notebook/share';
import { createVault, makeBackup, sealEntry } from '../notebook/vault';
import { createCrypto, type Crypto } from './core';
import { ARGON2ID_DEFAULT, ARGON2ID_FLOOR } from './format';
import { loadSodium } from './sodium';
import { ascii } from './test-helpers';

const PYTHON = '/usr/bin/python3';
const PEER = new URL('../../../tests/interop/nacl_peer.py', import.meta.url).pathname;

type Result = { ok?: unknown; error?: string };

function peer(commands: Record<string, unknown>[]): Result[] {
	const run = spawnSync(PYTHON, [PEER], { input: JSON.stringify(commands), encoding: 'utf8' });
	if (run.status !== 0) {
		throw new Error(
			`python3-nacl peer failed (install it: apt-get install python3-nacl):\n${run.stderr}`
		);
	}
	return JSON.parse(run.stdout) as Result[];
}

function ok<T>(result: Result | undefined): T {
	if (!result || result.error !== undefined) throw new Error(`peer error: ${result?.error}`);
	return result.ok as T;
}

let c: Crypto;
const b64 = (bytes: Uint8Array) => c.toBase64Url(bytes);
const unb64 = (text: string) => c.fromBase64Url(text);

beforeAll(async () => {
	c = createCrypto(await loadSodium());
});

describe('interop with python3-nacl', () => {
	it('runs PyNaCl 1.5 from Debian', () => {
		expect(ok<{ pynacl: string }>(peer([{ op: 'version' }])[0]).pynacl).toMatch(/^1\.5/);
	});

	it('our XChaCha20-Poly1305 envelope is opened by PyNaCl, and PyNaCl’s by us', () => {
		const key = c.newKey();
		const extra = ascii('entry-7');
		const ours = c.encrypt(key, ascii('Shënim: takim në Durrës të hënën.'), 'ura/interop', extra);
		const [opened, made, wrongContext] = peer([
			{
				op: 'open_envelope',
				key: b64(key),
				envelope: b64(ours),
				context: 'ura/interop',
				extra: b64(extra)
			},
			{
				op: 'make_envelope',
				key: b64(key),
				plaintext: b64(ascii('Nga Python: ç ë')),
				context: 'ura/interop',
				extra: b64(extra)
			},
			{
				op: 'open_envelope',
				key: b64(key),
				envelope: b64(ours),
				context: 'ura/other',
				extra: b64(extra)
			}
		]);
		expect(new TextDecoder().decode(unb64(ok<string>(opened)))).toBe(
			'Shënim: takim në Durrës të hënën.'
		);
		expect(c.decrypt(key, unb64(ok<string>(made)), 'ura/interop', extra)).toEqual(
			ascii('Nga Python: ç ë')
		);
		expect(wrongContext?.error).toMatch(/CryptoError|decrypt|Decrypt/i);
	});

	it('our sealed box is opened by PyNaCl’s SealedBox, and the other way round', () => {
		const recipient = c.boxKeyPair();
		const ours = c.sealTo(recipient.publicKey, ascii('Kërkesë: strehim për sonte'));
		const [pyKeys] = peer([{ op: 'box_keypair' }]);
		const py = ok<{ publicKey: string; secretKey: string }>(pyKeys);
		const oursToPy = c.sealTo(unb64(py.publicKey), ascii('për Python'));
		const [opened, made] = peer([
			{ op: 'open_sealed', secretKey: b64(recipient.secretKey), box: b64(ours) },
			{
				op: 'make_sealed',
				publicKey: b64(recipient.publicKey),
				plaintext: b64(ascii('nga Python'))
			}
		]);
		const [openedByPy] = peer([{ op: 'open_sealed', secretKey: py.secretKey, box: b64(oursToPy) }]);
		expect(unb64(ok<string>(opened))).toEqual(ascii('Kërkesë: strehim për sonte'));
		expect(c.openSealed(unb64(ok<string>(made)), recipient)).toEqual(ascii('nga Python'));
		expect(unb64(ok<string>(openedByPy))).toEqual(ascii('për Python'));
	});

	it('opens a sealed box that PyNaCl made once and that is kept here as a fixed vector', () => {
		// Made with PyNaCl 1.5.0: SealedBox(PrivateKey(bytes(range(32))).public_key).encrypt(…).
		const secretKey = unb64('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8');
		const publicKey = unb64('j0DFrbaPJWJK5bIU6nZ6bslNgp09e14a0bpvPiE4KF8');
		expect(c.boxPublicKey(secretKey)).toEqual(publicKey);
		const box = unb64(
			'6-gcUOC0or9CcJNTQ8NYIL6_8eYFeVxUtex0ZU627TzZj-Zby4KfXqHOJ2mYNq6aLftiJm-lBmb0wfWTQKlHe4zjjn1IT96U'
		);
		expect(new TextDecoder().decode(c.openSealed(box, { publicKey, secretKey }))).toBe(
			'Takimi: e enjte, ora 10.'
		);
	});

	it('derives the same Argon2id key as PyNaCl for the notebook’s parameters', () => {
		const salt = c.randomBytes(16);
		const passphrase = 'lule e bardhë mbi urë';
		const [py] = peer([{ op: 'argon2id', passphrase, salt: b64(salt), ...ARGON2ID_DEFAULT }]);
		expect(b64(c.deriveKeyFromPassphrase(passphrase, salt, ARGON2ID_DEFAULT))).toBe(ok<string>(py));
	});

	it('derives the same key pair and lookup id from a code as PyNaCl', () => {
		const code = ascii('K7QM-2XWD-9HTR-P4VN-6ZJC');
		const [py] = peer([{ op: 'code_keys', code: b64(code) }]);
		const ours = c.deriveFromCode(code);
		expect(ok<Record<string, string>>(py)).toEqual({
			publicKey: b64(ours.boxKeyPair.publicKey),
			secretKey: b64(ours.boxKeyPair.secretKey),
			lookupId: b64(ours.lookupId)
		});
	});

	it('signs and verifies Ed25519 like PyNaCl', () => {
		const seed = c.randomBytes(32);
		const message = ascii('challenge-1234');
		const ours = c.signKeyPair(seed);
		const sig = c.sign(message, ours.secretKey);
		const [py, verified] = peer([
			{ op: 'sign', seed: b64(seed), message: b64(message) },
			{ op: 'verify', publicKey: b64(ours.publicKey), message: b64(message), signature: b64(sig) }
		]);
		expect(ok<{ publicKey: string; signature: string }>(py)).toEqual({
			publicKey: b64(ours.publicKey),
			signature: b64(sig)
		});
		expect(ok<boolean>(verified)).toBe(true);
	});

	it('pads to buckets that PyNaCl’s sodium_unpad reads back', () => {
		const plain = ascii('x'.repeat(300));
		const [py] = peer([{ op: 'unpad', padded: b64(c.pad(plain)) }]);
		expect(unb64(ok<string>(py))).toEqual(plain);
	});

	describe('notebook and share formats', () => {
		afterEach(() => vi.unstubAllGlobals());
		const now = '2026-11-23T10:00:00.000Z';
		const entry = (body: string): Entry => ({
			id: c.toBase64Url(c.randomBytes(16)),
			kind: 'text',
			title: 'Takimi',
			body,
			createdAt: now,
			updatedAt: now
		});

		it('PyNaCl opens a backup file and a notebook record from the vault header and passphrase', () => {
			const passphrase = 'lule e bardhë mbi urë';
			const { vault, dataKey } = createVault(c, passphrase, ARGON2ID_FLOOR);
			const entries = [entry('Rruga e Durrësit, ç ë'), entry('e hënë')];
			const record = sealEntry(c, dataKey, entries[0]!);
			const [backup, opened, wrong] = peer([
				{ op: 'open_backup', text: makeBackup(c, vault, dataKey, entries), passphrase },
				{ op: 'open_record', vault: b64(vault), passphrase, id: record.id, data: b64(record.data) },
				{
					op: 'open_record',
					vault: b64(vault),
					passphrase: 'tjetër',
					id: record.id,
					data: b64(record.data)
				}
			]);
			expect(ok<{ v: number; entries: Entry[] }>(backup)).toEqual({ v: 1, entries });
			expect(ok<Entry>(opened)).toEqual(entries[0]);
			expect(wrong?.error).toBeDefined();
		});

		it('a share made by PyNaCl opens in Ura, and one made by Ura opens in PyNaCl', async () => {
			const contents: ShareableContent[] = [
				{ kind: 'text', title: 'Për mentoren', body: 'ë ç' },
				// A mentor's list: items may link to pages of Ura (an in-app path, docs/crypto.md).
				{
					kind: 'checklist',
					title: 'Hapat për këtë muaj',
					items: [
						{ text: 'Ndihma ekonomike', done: false, path: '/entitlements/e01' },
						{ text: 'Takohemi të martën', done: true }
					]
				}
			];
			const [py] = peer([{ op: 'make_share', entries: contents }]);
			const made = ok<{ key: string; ciphertext: string }>(py);
			expect(await decryptShare(made.key, made.ciphertext)).toEqual(contents);

			// Ura's own createShare, with the server's answer stood in: what it posts is opened.
			let posted: { ciphertext: string } | undefined;
			vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
				posted = JSON.parse(String(init.body)) as { ciphertext: string };
				return new Response(
					JSON.stringify({ id: 'AAAAAAAAAAAAAAAAAAAAAA', expiresAt: '2026-11-30T11:00:00.000Z' }),
					{ status: 201 }
				);
			});
			const link = await createShare(contents, {
				days: 7,
				burnAfterReading: false,
				lang: 'sq',
				origin: 'https://ura.test'
			});
			const key = link.url.split('.').at(-1)!;
			const [opened] = peer([{ op: 'open_share', key, ciphertext: posted!.ciphertext }]);
			expect(ok<{ v: number; entries: ShareableContent[] }>(opened)).toEqual({
				v: 1,
				entries: contents
			});
		});
	});
});
