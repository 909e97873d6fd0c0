#!/usr/bin/env -S npx tsx
// Release signing (docs/release.md).
//   npm run release:keygen -- /secure/place/ura-release.pem   new key; prints the public key
//   URA_RELEASE_KEY_FILE=/secure/place/ura-release.pem npm run release:sign [-- buildDir]
//   URA_RELEASE_PUBLIC_KEY=… npm run release:verify [-- buildDir]
// The private key never lives in the repository: this script refuses a key file inside it.
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	assertOutsideRepo,
	generateReleaseKey,
	publicKeyOf,
	signRelease,
	verifyBuild
} from './lib';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const [command, arg] = process.argv.slice(2);

function fail(message: string): never {
	console.error(`release: ${message}`);
	process.exit(1);
}

if (command === 'keygen') {
	if (!arg) fail('usage: release:keygen -- /path/outside/the/repo/ura-release.pem');
	assertOutsideRepo(arg, repoRoot);
	if (existsSync(arg)) fail(`${arg} exists; not overwriting a key`);
	const { privatePem, publicKey } = generateReleaseKey();
	writeFileSync(arg, privatePem, { mode: 0o600 });
	console.log(`private key written to ${arg} (mode 600). Public key, to pin in builds:`);
	console.log(`URA_RELEASE_PUBLIC_KEY=${publicKey}`);
} else if (command === 'sign') {
	const keyFile = process.env.URA_RELEASE_KEY_FILE;
	if (!keyFile) fail('set URA_RELEASE_KEY_FILE to the private key file (outside the repository)');
	assertOutsideRepo(keyFile, repoRoot);
	const pem = readFileSync(keyFile, 'utf8');
	const buildDir = arg ?? 'build';
	const pinned = process.env.URA_RELEASE_PUBLIC_KEY;
	const own = publicKeyOf(createPrivateKey(pem));
	if (pinned && pinned !== own) fail('this key does not match URA_RELEASE_PUBLIC_KEY');
	signRelease(buildDir, pem);
	const problems = await verifyBuild(buildDir, own);
	if (problems.length) fail(`signed, but the build does not verify:\n${problems.join('\n')}`);
	console.log(`release: signed ${buildDir} with key ${own}`);
} else if (command === 'verify') {
	const key = process.env.URA_RELEASE_PUBLIC_KEY;
	if (!key) fail('set URA_RELEASE_PUBLIC_KEY');
	const problems = await verifyBuild(arg ?? 'build', key);
	if (problems.length) fail(problems.join('\n'));
	console.log('release: the build matches its signed manifest');
} else {
	fail('usage: sign.ts keygen <file> | sign [buildDir] | verify [buildDir]');
}
