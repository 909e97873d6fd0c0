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
// The mark has a handful of flat colours: an indexed (palette) PNG looks the same at under half
// the bytes, and every icon is in the service worker's precache (issue 8: under 1.5 MB in all).
const PNG = { palette: true, quality: 100, effort: 10, compressionLevel: 9 } as const;

for (const icon of ICONS) {
	const out = `static/icons/${icon.file}`;
	if (icon.purpose === 'any') {
		await sharp(source, { density: 600 }).resize(icon.size, icon.size).png(PNG).toFile(out);
	} else {
		// Maskable and Apple icons are cropped to a circle or squircle by the system: full-bleed
		// brand colour, with the mark inside the central 80 % safe zone.
		const inner = Math.round(icon.size * 0.8);
		const mark = await sharp(source, { density: 600 }).resize(inner, inner).png().toBuffer();
		await sharp({
			create: { width: icon.size, height: icon.size, channels: 4, background: THEME_COLOR }
		})
			.composite([{ input: mark, gravity: 'centre' }])
			.png(PNG)
			.toFile(out);
	}
	console.log(`wrote ${out}`);
}

for (const lang of ['sq', 'en'] as const) {
	const out = `static${webManifestPath(lang)}`;
	writeFileSync(out, webManifestText(lang));
	console.log(`wrote ${out}`);
}
