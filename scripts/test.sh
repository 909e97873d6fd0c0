#!/usr/bin/env bash
# `npm test`: every test, as CI runs it (README: npm ci && npm test).
#   1. system packages (chromium, postgresql, python3-nacl), installed when missing
#   2. static checks: svelte-check, eslint, prettier, i18n key parity
#   3. npm audit of production dependencies (no high/critical; scripts/audit-prod.js)
#   4. unit and DB tests (vitest), on PGlite and on a real PostgreSQL server
#   5. end-to-end tests (Playwright, Debian Chromium) against the production build,
#      including hostile input, load and fault tests on PostgreSQL
#   6. leak audit: database dumps and every server log hold no test plaintext, IP or UA
# `npm run test:stress` (URA_STRESS=1): the same with the full counts (load 1000, …).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash scripts/system-deps.sh
npm run -s check
npm run -s audit:prod -- --allow-no-endpoint

if [ "${URA_STRESS:-0}" = "1" ]; then
	export LOAD_N=${LOAD_N:-1000} FAULT_N=${FAULT_N:-500} FUZZ_RUNS=${FUZZ_RUNS:-200}
fi

# shellcheck source=scripts/pg-temp.sh
source scripts/pg-temp.sh
pg_temp_start
# Server logs, embedded databases and the list of test plaintexts, for the leak audit.
E2E_DATA_DIR=$(mktemp -d /tmp/ura-e2e.XXXXXX)
export E2E_DATA_DIR
# Keep the e2e databases on PostgreSQL until the leak audit has searched them.
export E2E_KEEP_DATABASES=1
trap 'pg_temp_stop; rm -rf "$E2E_DATA_DIR"' EXIT
export URA_REQUIRE_PG=1

npx vitest run
npx playwright test
npx tsx scripts/leak-audit.ts
