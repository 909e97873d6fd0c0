import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	buildReleaseManifest,
	fetchVerifiedManifest,
	matchesManifest,
	parseReleaseManifest,
	RELEASE_MANIFEST_PATH,
	sha256,
	signingMessage,
	toBase64Url,
	verifyEd25519,
	verifyReleaseSignature
} from './release';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const b64u = (h: string) => toBase64Url(hex(h));
const utf8 = (s: string) => new TextEncoder().encode(s);

// RFC 8032 §7.1, TEST 1 and TEST 2 (Ed25519). The signatures are also re-made with Node's
// own Ed25519 below, so a mistyped vector would fail there too.
const RFC8032 = [
	{
		name: 'TEST 1 (empty message)',
		seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
		publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
		message: '',
		signature:
			'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'
	},
	{
		name: 'TEST 2 (one byte)',
		seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
		publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
		message: '72',
		signature:
			'92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'
	}
];

function keyFromSeed(seedHex: string) {
	// PKCS#8 wrapper for a raw Ed25519 seed (RFC 8410).
	const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), hex(seedHex)]);
	return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

describe('Ed25519 verification (RFC 8032 vectors)', () => {
	for (const v of RFC8032) {
		it(`accepts ${v.name}, and Node signs it byte for byte the same`, async () => {
			expect(await verifyEd25519(hex(v.message), b64u(v.signature), b64u(v.publicKey))).toBe(true);
			const mine = sign(null, hex(v.message), keyFromSeed(v.seed));
			expect(mine.toString('hex')).toBe(v.signature);
		});

		it(`rejects ${v.name} with one bit flipped in the signature or the message`, async () => {
			const sig = hex(v.signature);
			sig[10]! ^= 1;
			expect(await verifyEd25519(hex(v.message), toBase64Url(sig), b64u(v.publicKey))).toBe(false);
			const msg = utf8('x');
			expect(await verifyEd25519(msg, b64u(v.signature), b64u(v.publicKey))).toBe(false);
		});
	}

	it('returns false, never throws, on malformed keys and signatures', async () => {
		const [v] = RFC8032;
		expect(await verifyEd25519(hex(v!.message), 'not base64!', b64u(v!.publicKey))).toBe(false);
		expect(await verifyEd25519(hex(v!.message), b64u(v!.signature), 'AAAA')).toBe(false);
		expect(
			await verifyEd25519(hex(v!.message), b64u(v!.signature.slice(2)), b64u(v!.publicKey))
		).toBe(false);
	});
});

describe('SHA-256', () => {
	it('matches FIPS 180-2 "abc"', async () => {
		// ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
		expect(await sha256(utf8('abc'))).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
	});
});

describe('release manifest', () => {
	it('lists files sorted, with a version derived from the list (vector checked with Python hashlib)', async () => {
		const text = await buildReleaseManifest([
			{ path: '/b.css', bytes: new Uint8Array() },
			{ path: '/a.js', bytes: utf8('abc') }
		]);
		expect(JSON.parse(text)).toEqual({
			format: 1,
			version: 'Tgw6EIINgEVbnp5T',
			files: {
				'/a.js': 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0',
				'/b.css': '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU'
			}
		});
		expect(Object.keys(JSON.parse(text).files)).toEqual(['/a.js', '/b.css']);
	});

	it('rejects paths that are not absolute, and malformed manifests', async () => {
		await expect(buildReleaseManifest([{ path: 'a.js', bytes: utf8('') }])).rejects.toThrow();
		expect(() => parseReleaseManifest(utf8('{"format":2,"version":"x","files":{}}'))).toThrow();
		expect(() =>
			parseReleaseManifest(utf8('{"format":1,"version":"x","files":{"/a":"short"}}'))
		).toThrow();
		expect(() => parseReleaseManifest(utf8('[]'))).toThrow();
	});

	it('signs the context prefix and the exact bytes', () => {
		const m = signingMessage(utf8('{}'));
		expect(new TextDecoder().decode(m)).toBe('ura release manifest v1\u0000{}');
	});
});

describe('signed manifest, end to end', () => {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	const pinned = publicKey.export({ format: 'jwk' }).x!;
	const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;

	async function release(files: Record<string, string>) {
		const text = await buildReleaseManifest(
			Object.entries(files).map(([path, body]) => ({ path, bytes: utf8(body) }))
		);
		const sig = toBase64Url(sign(null, signingMessage(utf8(text)), privateKey));
		return { text, sig };
	}

	function server(routes: Record<string, string | null>) {
		return async (path: string) => {
			const body = routes[path];
			return body === null || body === undefined
				? new Response('no', { status: 404 })
				: new Response(body);
		};
	}

	it('accepts a release signed with the pinned key, and checks each file against it', async () => {
		const { text, sig } = await release({ '/app.js': 'console.log(1)', '/sodium.js': 'wasm' });
		const check = await fetchVerifiedManifest(
			server({ [RELEASE_MANIFEST_PATH]: text, '/release-manifest.json.sig': sig }),
			pinned
		);
		expect(check.ok).toBe(true);
		if (!check.ok) return;
		expect(await matchesManifest(check.manifest, '/sodium.js', utf8('wasm'))).toBe(true);
		// A crypto chunk altered after signing: one byte differs.
		expect(await matchesManifest(check.manifest, '/sodium.js', utf8('wasM'))).toBe(false);
		// A file the release never listed.
		expect(await matchesManifest(check.manifest, '/extra.js', utf8('wasm'))).toBe(false);
	});

	it('refuses another key, an edited manifest, and a missing signature', async () => {
		const { text, sig } = await release({ '/app.js': 'a' });
		const routes = { [RELEASE_MANIFEST_PATH]: text, '/release-manifest.json.sig': sig };
		expect(await fetchVerifiedManifest(server(routes), other)).toMatchObject({
			ok: false,
			reason: 'bad-signature'
		});
		const edited = text.replace('"/app.js"', '"/evil.js"');
		expect(
			await fetchVerifiedManifest(server({ ...routes, [RELEASE_MANIFEST_PATH]: edited }), pinned)
		).toMatchObject({ ok: false, reason: 'bad-signature' });
		expect(
			await fetchVerifiedManifest(server({ ...routes, '/release-manifest.json.sig': null }), pinned)
		).toMatchObject({ ok: false, reason: 'unsigned' });
		// Signed over the bytes without the context prefix: not a release signature.
		const bare = toBase64Url(sign(null, utf8(text), privateKey));
		expect(await verifyReleaseSignature(utf8(text), bare, pinned)).toBe(false);
	});
});
