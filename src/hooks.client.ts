// zod compiles object parsers with `new Function` when it can, and probes for that by calling
// `Function('')` at the first parse. Our Content-Security-Policy forbids eval, so the probe is a
// CSP violation in every browser; jitless keeps zod on its plain path. zod reads its settings
// from this global when it loads (zod/v4/core: `globalThis.__zod_globalConfig ??= {}`), so
// setting it here needs no import of zod, which would add 4 KB (gzip) to every page.
// The e2e guard (tests/e2e/fixtures.ts) fails any page that still hits the probe.
(globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig = {
	jitless: true
};
