#!/usr/bin/env bash
# `npm test`: every test, as CI runs it (README: npm ci && npm test).
#   1. system packages (chromium, postgresql, python3-nacl), installed when missing
#   2. static checks: svelte-check, eslint, prettier, i18n key parity
#   3. unit and DB tests (vitest), on PGlite and on a real PostgreSQL server
#   4. end-to-end tests (Playwright, Debian Chromium) against the production build
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash scripts/system-deps.sh
npm run -s check

# shellcheck source=scripts/pg-temp.sh
source scripts/pg-temp.sh
pg_temp_start
trap pg_temp_stop EXIT
export URA_REQUIRE_PG=1

npx vitest run
npx playwright test
