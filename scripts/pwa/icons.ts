#!/usr/bin/env -S npx tsx
// `npm run pwa:icons`: the app icons and the two web app manifests, from one source image
// (static/favicon.svg) and locales/*/pwa.json. The outputs are committed under static/, so a
// build needs neither sharp nor this script; src/lib/pwa/webmanifest.spec.ts checks they are
// in step. sharp renders the SVG (prebuilt libvips from npm, no other download).
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import {
	ICONS,
	THEME_COLOR,
	webManifestPath,
	webManifestText
} from '../../src/lib/pwa/webmanifest';

const source = readFileSync('static/favicon.svg');

for (const icon of ICONS) {
	const out = `static/icons/${icon.file}`;
	if (icon.purpose === 'any') {
		await sharp(source, { density: 600 }).resize(icon.size, icon.size).png().toFile(out);
	} else {
		// Maskable and Apple icons are cropped to a circle or squircle by the system: full-bleed
		// brand colour, with the mark inside the central 80 % safe zone.
		const inner = Math.round(icon.size * 0.8);
		const mark = await sharp(source, { density: 600 }).resize(inner, inner).png().toBuffer();
		await sharp({
			create: { width: icon.size, height: icon.size, channels: 4, background: THEME_COLOR }
		})
			.composite([{ input: mark, gravity: 'centre' }])
			.png()
			.toFile(out);
	}
	console.log(`wrote ${out}`);
}

for (const lang of ['sq', 'en'] as const) {
	const out = `static${webManifestPath(lang)}`;
	writeFileSync(out, webManifestText(lang));
	console.log(`wrote ${out}`);
}
