/**
 * The one place that imports libsodium. It is a dynamic import, so the ~190 kB (gzip)
 * WebAssembly build is fetched only when something actually needs cryptography, never as
 * part of a page's first JavaScript (tests/e2e/crypto-bundle.spec.ts checks this).
 *
 * TOOLCHAIN.md pitfall 6: the ESM build exposes the API on its default export, and every
 * call must wait for `ready`.
 */
export type Sodium = typeof import('libsodium-wrappers-sumo').default;

let loading: Promise<Sodium> | undefined;

export function loadSodium(): Promise<Sodium> {
	loading ??= (async () => {
		const sodium = (await import('libsodium-wrappers-sumo')).default;
		await sodium.ready;
		return sodium;
	})();
	// A failed load (offline before the chunk was cached) may be retried later.
	loading.catch(() => (loading = undefined));
	return loading;
}
