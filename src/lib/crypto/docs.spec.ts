import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as autolock from '../notebook/autolock';
import * as share from '../notebook/share';
import * as vault from '../notebook/vault';
import * as api from '../server/api/shares';
import * as helpApi from '../server/api/help';
import * as account from '../requests/account';
import * as code from '../requests/code';
import * as requestFormats from '../requests/formats';
import * as core from './core';
import * as format from './format';

/** docs/crypto.md must say what the code does: its constants table is checked here. */
const doc = readFileSync(new URL('../../../docs/crypto.md', import.meta.url), 'utf8');

function documented(): Map<string, string> {
	const rows = new Map<string, string>();
	for (const m of doc.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|/gm))
		rows.set(m[1]!, m[2]!);
	return rows;
}

function render(value: unknown, name: string): string {
	if (typeof value === 'object' && value && 'opsLimit' in value && 'memLimitKiB' in value) {
		return `t=${value.opsLimit}, m=${value.memLimitKiB} KiB`;
	}
	if (typeof value === 'number' && /VERSION|^ALG_|^KDF_/.test(name)) {
		return `0x${value.toString(16).padStart(2, '0')}`;
	}
	return String(value);
}

const sources: Record<string, Record<string, unknown>> = {
	format,
	core,
	vault,
	share,
	api,
	autolock,
	requestFormats,
	account,
	code,
	helpApi
};

describe('docs/crypto.md', () => {
	const rows = documented();

	it('lists the constants that define the formats', () => {
		for (const name of [
			'ENVELOPE_VERSION',
			'ALG_XCHACHA20POLY1305_IETF',
			'NONCE_BYTES',
			'ENVELOPE_OVERHEAD',
			'ARGON2ID_DEFAULT',
			'ARGON2ID_FLOOR',
			'VAULT_VERSION',
			'VAULT_PARAMS_BYTES',
			'CONTEXT_ENTRY',
			'SHARE_CONTEXT',
			'SHARE_MAX_DAYS'
		])
			expect(rows.has(name), name).toBe(true);
	});

	it('quotes every listed constant with the value it has in the code', () => {
		expect(rows.size).toBeGreaterThan(20);
		for (const [name, value] of rows) {
			const module = Object.values(sources).find((m) => name in m);
			expect(
				module,
				`${name} is not exported by the crypto, notebook or shares modules`
			).toBeDefined();
			expect(render(module![name], name), name).toBe(value);
		}
	});

	it('states the Argon2id parameters in its prose as in the code', () => {
		const { opsLimit, memLimitKiB } = format.ARGON2ID_DEFAULT;
		expect(doc).toContain(
			`t = ${opsLimit} passes, m = ${memLimitKiB / 1024} MiB (${memLimitKiB} KiB), one lane`
		);
	});

	it('gives the envelope layout with the same offsets as the code', () => {
		expect(doc).toMatch(/\|\s+2 \|\s+24 \| nonce/);
		expect(doc).toMatch(/\|\s+26 \|\s+n\+16 \| ciphertext/);
		expect(format.ENVELOPE_HEADER_BYTES + format.NONCE_BYTES).toBe(26);
		expect(doc).toMatch(/\|\s+26 \|\s+74 \| envelope of the 32-byte data key/);
		expect(format.ENVELOPE_OVERHEAD + format.KEY_BYTES).toBe(74);
	});
});
