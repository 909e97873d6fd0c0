/** Test helpers only (never imported by app code). */
export function hex(text: string): Uint8Array {
	const clean = text.replace(/[\s:,]|0x/g, '');
	if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) throw new Error(`bad hex: ${text}`);
	return new Uint8Array(Buffer.from(clean, 'hex'));
}

export function toHex(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('hex');
}

export const ascii = (text: string) => new TextEncoder().encode(text);
