#!/usr/bin/env -S npx tsx
// Part of `npm run build`: lists the SHA-256 of every file the build serves
// (build/client/release-manifest.json). `npm run release:sign` then signs it (docs/release.md).
import { writeReleaseManifest } from './lib';

const buildDir = process.argv[2] ?? 'build';
const text = await writeReleaseManifest(buildDir);
const { version, files } = JSON.parse(text) as { version: string; files: Record<string, string> };
console.log(`release manifest: ${Object.keys(files).length} files, version ${version}`);
