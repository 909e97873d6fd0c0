import { expect, type Page } from '@playwright/test';
import { L } from '../locale';

const n = (key: string) => L('sq', 'notes', key);

/** Albanian labels of the notebook, read from locales/sq/notes.json as a person reads them. */
export const SQ = {
	passphrase: n('passphrase'),
	again: n('passphraseAgain'),
	create: n('create.submit'),
	createTitle: n('create.title'),
	unlock: n('unlock.submit'),
	lock: n('session.lock'),
	newNote: n('list.newText'),
	newChecklist: n('list.newChecklist'),
	title: n('editor.titleLabel'),
	body: n('editor.bodyLabel'),
	newItem: n('editor.newItem'),
	save: n('editor.save'),
	notes: n('list.title'),
	wrong: n('errors.wrong_passphrase'),
	deleteAll: n('settings.deleteSubmit'),
	deleteYes: n('settings.deleteYes')
};

export async function createNotebook(page: Page, passphrase: string) {
	await page.goto('/notes');
	await page.getByLabel(SQ.passphrase, { exact: true }).fill(passphrase);
	await page.getByLabel(SQ.again, { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: SQ.create }).click();
	await expect(page.getByRole('heading', { name: SQ.notes, exact: true })).toBeVisible();
}

export async function addNote(page: Page, title: string, body: string) {
	await page.getByRole('button', { name: SQ.newNote }).click();
	await page.getByLabel(SQ.title, { exact: true }).fill(title);
	await page.getByLabel(SQ.body, { exact: true }).fill(body);
	await page.getByRole('button', { name: SQ.save, exact: true }).click();
	await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
}

/** Opens a disclosure (details/summary) by its exact summary text (a locale string, not a pattern). */
export async function disclose(page: Page, summary: string) {
	const exact = summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await page
		.locator('summary')
		.filter({ hasText: new RegExp(`^${exact}$`) })
		.click();
}

export async function unlock(page: Page, passphrase: string) {
	await page.getByLabel(SQ.passphrase, { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: SQ.unlock }).click();
}

/** Every byte IndexedDB holds for this origin, as text, with the database and store names. */
export async function dumpIndexedDb(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const out: string[] = [];
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open(info.name!);
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			out.push(`db:${db.name}`);
			for (const store of Array.from(db.objectStoreNames)) {
				out.push(`store:${store}`);
				const values = await new Promise<unknown[]>((resolve) => {
					const r = db.transaction(store).objectStore(store).getAll();
					r.onsuccess = () => resolve(r.result);
				});
				const keys = await new Promise<IDBValidKey[]>((resolve) => {
					const r = db.transaction(store).objectStore(store).getAllKeys();
					r.onsuccess = () => resolve(r.result);
				});
				out.push(...keys.map(String));
				const latin1 = (bytes: Uint8Array) =>
					Array.from(bytes, (b) => String.fromCharCode(b)).join('');
				const walk = (v: unknown): string =>
					v instanceof Uint8Array
						? latin1(v) + new TextDecoder().decode(v)
						: v && typeof v === 'object'
							? Object.entries(v)
									.map(([k, x]) => `${k}=${walk(x)}`)
									.join(';')
							: String(v);
				out.push(...values.map(walk));
			}
			db.close();
		}
		return out.join('\n');
	});
}
