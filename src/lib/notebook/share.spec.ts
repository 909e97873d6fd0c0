import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotebookError } from './errors';
import { createShare } from './share';

/**
 * The client checks what the server answers (L5): a share id that is not 16 random bytes in
 * base64url would end up in the link and in later request paths. The server here is a stand-in
 * answering with a bad id; createShare itself (real libsodium) is what is tested.
 */
function serverAnswers(body: unknown) {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => new Response(JSON.stringify(body), { status: 201 }))
	);
}

afterEach(() => {
	vi.unstubAllGlobals();
});

const options = {
	days: 7,
	burnAfterReading: false,
	lang: 'sq' as const,
	origin: 'https://ura.test'
};
const content = [{ kind: 'text' as const, title: 'T', body: 'B' }];
const expiresAt = '2026-11-30T11:00:00.000Z';

describe('createShare', () => {
	it('accepts a 22-character base64url id from the server', async () => {
		const id = 'AAAAAAAAAAAAAAAAAAAAAA';
		serverAnswers({ id, expiresAt });
		const link = await createShare(content, options);
		expect(link.url).toMatch(new RegExp(`^https://ura\\.test/link#${id}\\.[A-Za-z0-9_-]{43}$`));
	});

	it('refuses any other id the server might send', async () => {
		for (const id of ['../../api/x', 'short', 'AAAAAAAAAAAAAAAAAAAAAA#', 'A'.repeat(23), '']) {
			serverAnswers({ id, expiresAt });
			await expect(createShare(content, options)).rejects.toBeInstanceOf(NotebookError);
		}
	});
});
