import type { Page } from '@playwright/test';
import { createCrypto } from '../../src/lib/crypto/core';
import { loadSodium } from '../../src/lib/crypto/sodium';
import { expect, test } from './fixtures';
import { addNote, createNotebook, disclose, SQ, unlock } from './helpers/notebook';
import { L } from './locale';

/**
 * What the security review asked of the notebook, in Chromium with its real IndexedDB:
 * a passphrase change re-keys; a lock or deletion reaches every tab; a lock throws the
 * page's memory away; passphrase fields never invite the password manager.
 */
const PASS = 'lule mal kafe diell';
const NEXT = 'yll i ri mbi det';
const LOCKED = L('sq', 'notes', 'unlock.title');
const CREATE = SQ.createTitle;

type Raw = { vault: string; records: { id: string; data: string }[] };

/** The bytes IndexedDB holds for the notebook (base64url), read by the page itself. */
async function rawNotebook(page: Page): Promise<Raw> {
	return page.evaluate(async () => {
		const b64 = (bytes: Uint8Array) =>
			btoa(String.fromCharCode(...bytes))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('ura-local');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const get = <T>(store: string, query: 'vault' | null) =>
			new Promise<T>((resolve, reject) => {
				const os = db.transaction(store).objectStore(store);
				const r = query ? os.get(query) : os.getAll();
				r.onsuccess = () => resolve(r.result as T);
				r.onerror = () => reject(r.error);
			});
		const vault = await get<Uint8Array>('meta', 'vault');
		const records = await get<{ id: string; data: Uint8Array }[]>('items', null);
		db.close();
		return { vault: b64(vault), records: records.map((r) => ({ id: r.id, data: b64(r.data) })) };
	});
}

/** How many values the notebook's database holds (0 when it is gone or empty). */
async function storedCount(page: Page): Promise<number> {
	return page.evaluate(async () => {
		if (!(await indexedDB.databases()).some((d) => d.name === 'ura-local')) return 0;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('ura-local');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		let n = 0;
		for (const name of Array.from(db.objectStoreNames)) {
			n += await new Promise<number>((resolve) => {
				const r = db.transaction(name).objectStore(name).count();
				r.onsuccess = () => resolve(r.result);
			});
		}
		db.close();
		return n;
	});
}

/** How many of `records` the header `vault` opens with `passphrase` (as an attacker would). */
async function opens(vault: string, passphrase: string, records: Raw['records']) {
	const c = createCrypto(await loadSodium());
	const header = c.fromBase64Url(vault);
	const view = new DataView(header.buffer, header.byteOffset);
	const params = { opsLimit: view.getUint32(2), memLimitKiB: view.getUint32(6) };
	const kek = c.deriveKeyFromPassphrase(passphrase, header.slice(10, 26), params);
	const dataKey = c.decrypt(kek, header.slice(26), 'ura/notebook/key', header.slice(0, 26));
	let opened = 0;
	for (const r of records) {
		try {
			c.decrypt(
				dataKey,
				c.fromBase64Url(r.data),
				'ura/notebook/entry',
				new TextEncoder().encode(r.id)
			);
			opened++;
		} catch {
			// Does not open: what we want after a passphrase change.
		}
	}
	return opened;
}

test('a passphrase change re-keys: the old header and old passphrase open no current note', async ({
	page
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Para', 'PLAINTEXT-R1');
	await addNote(page, 'Edhe', 'PLAINTEXT-R2');
	const before = await rawNotebook(page);
	// The check itself works: before the change, the old header opens both records.
	expect(await opens(before.vault, PASS, before.records)).toBe(2);

	await disclose(page, L('sq', 'notes', 'settings.changeTitle'));
	// The person is told that older backup files still open with the old passphrase.
	await expect(page.getByText(L('sq', 'notes', 'settings.changeText'))).toBeVisible();
	await page.getByLabel(L('sq', 'notes', 'settings.current')).fill(PASS);
	await page.getByLabel(L('sq', 'notes', 'settings.new'), { exact: true }).fill(NEXT);
	await page.getByLabel(L('sq', 'notes', 'settings.newAgain')).fill(NEXT);
	await page.getByRole('button', { name: L('sq', 'notes', 'settings.changeSubmit') }).click();
	await expect(
		page.getByRole('status').filter({ hasText: L('sq', 'notes', 'settings.changed') })
	).toBeVisible();

	const after = await rawNotebook(page);
	expect(after.records.map((r) => r.id).sort()).toEqual(before.records.map((r) => r.id).sort());
	expect(after.vault).not.toBe(before.vault);
	// An old copy of the header (a backup, a copied profile) with the old passphrase:
	expect(await opens(before.vault, PASS, after.records)).toBe(0);
	// The new header with the new passphrase opens them all.
	expect(await opens(after.vault, NEXT, after.records)).toBe(2);
	// And the notebook keeps working: new notes, then a fresh unlock.
	await addNote(page, 'Pas', 'PLAINTEXT-R3');
	await page.getByRole('button', { name: SQ.lock }).click();
	await unlock(page, NEXT);
	for (const text of ['PLAINTEXT-R1', 'PLAINTEXT-R2', 'PLAINTEXT-R3'])
		await expect(page.getByText(text)).toBeVisible();
});

test('locking replaces the page, so its memory goes too; the fresh page says it locked', async ({
	page
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Kujtesë', 'PLAINTEXT-M1');
	await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'old document'));
	await page.getByRole('button', { name: SQ.lock }).click();
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Fletorja u mbyll.' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
		undefined
	);
	await expect(page).toHaveURL(/\/notes$/);
	await expect(page.getByLabel(SQ.passphrase, { exact: true })).toBeFocused();

	// Auto-lock too (five minutes without use).
	await page.clock.install();
	await unlock(page, PASS);
	await expect(page.getByText('PLAINTEXT-M1')).toBeVisible();
	await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'old document'));
	await page.clock.fastForward('05:01');
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	await expect(page.getByText('Fletorja u mbyll.')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
		undefined
	);
});

test('a notebook unlocked while the page is hidden still locks after a minute hidden', async ({
	page
}) => {
	await page.clock.install();
	await createNotebook(page, PASS);
	await addNote(page, 'Fshehur', 'PLAINTEXT-H1');
	await page.getByRole('button', { name: SQ.lock }).click();
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	await page.getByLabel(SQ.passphrase, { exact: true }).fill(PASS);
	// The person presses "Unlock" and switches away before it finishes.
	await page.evaluate(() => {
		(document.querySelector('form[aria-labelledby="unlock-title"] button') as HTMLElement).click();
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect(page.getByText('PLAINTEXT-H1')).toBeAttached();
	await page.clock.fastForward('01:01');
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('PLAINTEXT-H1');
});

test('a lock in one tab locks the others; deleting everything reaches them too', async ({
	page,
	context
}) => {
	await createNotebook(page, PASS);
	await addNote(page, 'Dy skeda', 'PLAINTEXT-T1');
	const other = await context.newPage();
	await other.goto('/notes');
	await unlock(other, PASS);
	await expect(other.getByText('PLAINTEXT-T1')).toBeVisible();

	await page.getByRole('button', { name: SQ.lock }).click();
	await expect(other.getByRole('heading', { name: LOCKED })).toBeVisible();
	await expect(other.locator('main')).not.toContainText('PLAINTEXT-T1');

	// The other tab is unlocked again; this one deletes everything (forgot the passphrase).
	await unlock(other, PASS);
	await expect(other.getByText('PLAINTEXT-T1')).toBeVisible();
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	await disclose(page, L('sq', 'notes', 'unlock.forgotTitle'));
	await page.getByRole('button', { name: SQ.deleteAll, exact: true }).click();
	await page.getByRole('button', { name: SQ.deleteYes }).click();
	await expect(page.getByRole('heading', { name: CREATE })).toBeVisible();
	await expect(other.getByRole('heading', { name: CREATE })).toBeVisible();
	await expect(other.locator('main')).not.toContainText('PLAINTEXT-T1');
	// Nothing came back: the other tab did not write its notebook back.
	expect(await storedCount(other)).toBe(0);
	await other.close();
});

test('"Delete everything" waits for a tab that holds the storage open, and says so', async ({
	page,
	context
}) => {
	await createNotebook(page, PASS);
	await page.getByRole('button', { name: SQ.lock }).click();
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	// A tab that does not let go (an old version of Ura, or a frozen tab).
	const stubborn = await context.newPage();
	await stubborn.goto('/');
	await stubborn.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const r = indexedDB.open('ura-local');
				r.onsuccess = () => {
					(window as unknown as { held: IDBDatabase }).held = r.result;
					resolve();
				};
			})
	);
	await disclose(page, L('sq', 'notes', 'unlock.forgotTitle'));
	await page.getByRole('button', { name: SQ.deleteAll, exact: true }).click();
	await page.getByRole('button', { name: SQ.deleteYes }).click();
	await expect(page.getByText(L('sq', 'notes', 'settings.deleteWaiting'))).toBeVisible();
	await expect(page.getByText(L('sq', 'notes', 'settings.deleted'))).toHaveCount(0);
	await stubborn.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
	await expect(page.getByRole('heading', { name: CREATE })).toBeVisible();
	await expect(page.getByText(L('sq', 'notes', 'settings.deleted'))).toBeVisible();
	await stubborn.close();
});

test('two tabs creating at once: one notebook, never one overwriting the other', async ({
	page,
	context
}) => {
	const other = await context.newPage();
	for (const p of [page, other]) {
		await p.goto('/notes');
		await p.getByLabel(SQ.passphrase, { exact: true }).fill(p === page ? PASS : NEXT);
		await p.getByLabel(SQ.again, { exact: true }).fill(p === page ? PASS : NEXT);
	}
	await Promise.all(
		[page, other].map((p) =>
			p.evaluate(() =>
				(
					document.querySelector('form[aria-labelledby="create-title"] button') as HTMLElement
				).click()
			)
		)
	);
	const notes = (p: Page) => p.getByRole('heading', { name: SQ.notes, exact: true });
	const exists = (p: Page) => p.getByText(L('sq', 'notes', 'errors.exists'));
	for (const p of [page, other]) await expect(notes(p).or(exists(p))).toBeVisible();
	const winners = [];
	for (const p of [page, other]) if (await notes(p).isVisible()) winners.push(p);
	expect(winners).toHaveLength(1);
	// The winner's notebook is the one stored: it works after a reload.
	const winner = winners[0]!;
	await winner.reload();
	await unlock(winner, winner === page ? PASS : NEXT);
	await expect(notes(winner)).toBeVisible();
	await other.close();
});

test('passphrase fields never invite the browser to save the passphrase', async ({ page }) => {
	await page.goto('/notes');
	await expect(page.locator('#create-passphrase')).toBeVisible();
	await expect(page.getByText(L('sq', 'notes', 'noSave'))).toBeVisible();
	const modes = async () =>
		page
			.locator('input[type=password]')
			.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('autocomplete')));
	// Create (2) and restore from a backup (1).
	expect(await modes()).toEqual(['off', 'off', 'off']);
	await createNotebook(page, PASS);
	for (const d of await page.locator('details').all()) await d.locator('summary').click();
	// Change the passphrase (3) and load a backup (1).
	expect(await modes()).toEqual(['off', 'off', 'off', 'off']);
	await page.getByRole('button', { name: SQ.lock }).click();
	await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible();
	expect(await modes()).toEqual(['off']);
});
