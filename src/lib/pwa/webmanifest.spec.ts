import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICONS, webManifest, webManifestPath, webManifestText } from './webmanifest';

describe('web app manifests', () => {
	it.each(['sq', 'en'] as const)('static%s is in step with the generator (%s)', (lang) => {
		// If this fails: npm run pwa:icons
		expect(readFileSync(`static${webManifestPath(lang)}`, 'utf8')).toBe(webManifestText(lang));
	});

	it('uses the neutral name in both languages, and each language starts in itself', () => {
		expect(webManifest('sq')).toMatchObject({ name: 'Ura', lang: 'sq', start_url: '/' });
		expect(webManifest('en')).toMatchObject({ name: 'Ura', lang: 'en', start_url: '/en' });
	});

	it('lists standard and maskable icons of 192 and 512 px that exist as PNG files', () => {
		const icons = webManifest('sq').icons;
		for (const purpose of ['any', 'maskable']) {
			for (const size of ['192x192', '512x512']) {
				expect(icons.some((i) => i.purpose === purpose && i.sizes === size)).toBe(true);
			}
		}
		for (const icon of ICONS) {
			const png = readFileSync(`static/icons/${icon.file}`);
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			// IHDR width and height, big-endian at bytes 16 and 20.
			expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([icon.size, icon.size]);
		}
	});
});
