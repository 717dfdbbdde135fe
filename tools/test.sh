#!/usr/bin/env bash
# `npm test`: every test. Unit and integration tests (Vitest), then end-to-end (Playwright, Debian's
# Chromium). With TEST_DATABASE_URL set, database tests also run against that PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
node tools/prepare.mjs
npx --no-install tsc --noEmit
npx --no-install vitest run
npx --no-install playwright test
