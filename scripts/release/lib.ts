// Release integrity, build side: write the manifest of a build's files, sign it, check it.
// Used by `npm run build` (manifest), `npm run release:sign`, and the e2e tests, which make
// their own throwaway key. The browser side is src/lib/pwa/release.ts (same format).
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
	RELEASE_MANIFEST_PATH,
	RELEASE_SIGNATURE_PATH,
	buildReleaseManifest,
	parseReleaseManifest,
	sha256,
	signingMessage,
	toBase64Url,
	verifyReleaseSignature
} from '../../src/lib/pwa/release';

const SKIP = /\.(gz|br)$/;

function walk(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

/**
 * Every file the build serves to browsers, by URL path: build/client/X → /X, and prerendered
 * pages build/prerendered/X.html → /X. Precompressed twins (.gz, .br) are the same bytes once
 * decoded and are left out; so are the manifest and its signature.
 */
export function servedFiles(buildDir: string): { path: string; file: string }[] {
	const client = join(buildDir, 'client');
	const prerendered = join(buildDir, 'prerendered');
	const out: { path: string; file: string }[] = [];
	for (const file of walk(client)) {
		if (SKIP.test(file)) continue;
		const path = '/' + relative(client, file).split(sep).join('/');
		if (path === RELEASE_MANIFEST_PATH || path === RELEASE_SIGNATURE_PATH) continue;
		out.push({ path, file });
	}
	for (const file of walk(prerendered)) {
		if (SKIP.test(file) || !file.endsWith('.html')) continue;
		const rel = relative(prerendered, file)
			.split(sep)
			.join('/')
			.replace(/\.html$/, '');
		out.push({ path: rel === 'index' ? '/' : `/${rel.replace(/\/index$/, '')}`, file });
	}
	return out;
}

/** Writes build/client/release-manifest.json; returns its text. */
export async function writeReleaseManifest(buildDir: string): Promise<string> {
	const files = servedFiles(buildDir).map(({ path, file }) => ({
		path,
		bytes: new Uint8Array(readFileSync(file))
	}));
	const text = await buildReleaseManifest(files);
	writeFileSync(join(buildDir, 'client', RELEASE_MANIFEST_PATH.slice(1)), text);
	return text;
}

/** A new Ed25519 release key: the private key as PKCS#8 PEM, the public key as base64url. */
export function generateReleaseKey(): { privatePem: string; publicKey: string } {
	const { privateKey } = generateKeyPairSync('ed25519');
	return {
		privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
		publicKey: publicKeyOf(privateKey)
	};
}

export function publicKeyOf(privateKey: KeyObject): string {
	const jwk = privateKey.export({ format: 'jwk' });
	if (!jwk.x) throw new Error('not an Ed25519 key');
	return jwk.x;
}

/** Signs build/client/release-manifest.json with the private key; writes the .sig file. */
export function signRelease(buildDir: string, privatePem: string): string {
	const key = createPrivateKey(privatePem);
	if (key.asymmetricKeyType !== 'ed25519') throw new Error('the release key must be Ed25519');
	const manifest = readFileSync(join(buildDir, 'client', RELEASE_MANIFEST_PATH.slice(1)));
	const signature = toBase64Url(sign(null, signingMessage(new Uint8Array(manifest)), key));
	writeFileSync(join(buildDir, 'client', RELEASE_SIGNATURE_PATH.slice(1)), `${signature}\n`);
	return signature;
}

/** Checks a build against its signed manifest and a public key; returns the problems. */
export async function verifyBuild(buildDir: string, publicKey: string): Promise<string[]> {
	const dir = join(buildDir, 'client');
	const manifestBytes = new Uint8Array(readFileSync(join(dir, RELEASE_MANIFEST_PATH.slice(1))));
	const sigPath = join(dir, RELEASE_SIGNATURE_PATH.slice(1));
	if (!existsSync(sigPath)) return ['no signature'];
	const signature = readFileSync(sigPath, 'utf8');
	if (!(await verifyReleaseSignature(manifestBytes, signature, publicKey))) {
		return ['the signature does not match the manifest and this public key'];
	}
	const manifest = parseReleaseManifest(manifestBytes);
	const problems: string[] = [];
	const served = servedFiles(buildDir);
	for (const { path, file } of served) {
		const expected = manifest.files[path];
		if (!expected) problems.push(`${path}: not in the manifest`);
		else if (expected !== (await sha256(new Uint8Array(readFileSync(file))))) {
			problems.push(`${path}: changed after signing`);
		}
	}
	for (const path of Object.keys(manifest.files)) {
		if (!served.some((s) => s.path === path)) problems.push(`${path}: missing from the build`);
	}
	return problems;
}

/** The private key file must not live inside the repository (it would end up in git). */
export function assertOutsideRepo(keyFile: string, repoRoot: string): void {
	const rel = relative(resolve(repoRoot), resolve(keyFile));
	if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
		throw new Error(`refusing a release key inside the repository (${keyFile})`);
	}
}
