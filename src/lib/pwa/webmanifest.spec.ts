import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLE_TOUCH_ICON_PATH, FAVICON_PATH } from './paths';
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

	it('points the page <link>s (src/app.html, look.svelte.ts) at icons that exist', () => {
		// The 180 px icon is the one iOS uses when someone adds Ura to the home screen.
		const touch = ICONS.find((i) => `/icons/${i.file}` === APPLE_TOUCH_ICON_PATH);
		expect(touch?.size).toBe(180);
		expect(readFileSync(`static${FAVICON_PATH}`, 'utf8')).toContain('<svg');
	});
});
