import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as autolock from '../notebook/autolock';
import * as passphrase from '../notebook/passphrase';
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

/** The constants table: name → [value, "Where" file]. */
function documented(): Map<string, string> {
	return new Map([...table()].map(([name, row]) => [name, row.value]));
}

function table(): Map<string, { value: string; where: string }> {
	const rows = new Map<string, { value: string; where: string }>();
	for (const m of doc.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/gm))
		rows.set(m[1]!, { value: m[2]!, where: m[3]! });
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
	passphrase,
	share,
	api,
	autolock,
	requestFormats,
	account,
	code,
	helpApi
};

/** The same modules by the path the "Where" column names. */
const byPath: Record<string, Record<string, unknown>> = {
	'src/lib/crypto/format.ts': format,
	'src/lib/crypto/core.ts': core,
	'src/lib/notebook/vault.ts': vault,
	'src/lib/notebook/passphrase.ts': passphrase,
	'src/lib/notebook/share.ts': share,
	'src/lib/server/api/shares.ts': api,
	'src/lib/notebook/autolock.ts': autolock,
	'src/lib/requests/formats.ts': requestFormats,
	'src/lib/requests/account.ts': account,
	'src/lib/requests/code.ts': code,
	'src/lib/server/api/help.ts': helpApi
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

	it('points the "Where" column at the file that defines each constant', () => {
		for (const [name, { value, where }] of table()) {
			const module = byPath[where];
			expect(module, `${name}: ${where} is not a known source file`).toBeDefined();
			expect(name in module!, `${name} is not exported by ${where}`).toBe(true);
			expect(render(module![name], name), `${name} in ${where}`).toBe(value);
		}
	});

	it('has the same value wherever a documented constant is defined twice', () => {
		// SHARE_DEFAULT_DAYS lives in the client (share.ts, the form's default) and in the
		// server (api/shares.ts, the API's default): client code cannot import $lib/server.
		for (const [name, { value }] of table()) {
			for (const [path, module] of Object.entries(byPath)) {
				if (name in module) expect(render(module[name], name), `${name} in ${path}`).toBe(value);
			}
		}
		expect(share.SHARE_DEFAULT_DAYS).toBe(api.SHARE_DEFAULT_DAYS);
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
