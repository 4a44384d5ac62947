#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Needs PostgreSQL on 127.0.0.1:5432 (trust auth)
# and Redis on 127.0.0.1:6379, as on the dev machines and in CI; tests make their own databases and prefixes.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=${CI:-true}

echo "== lint and type checks"
npx nx run-many -t lint typecheck --outputStyle=stream
# tools/ (start, bench, test helpers) belongs to no Nx project; the root tsconfig covers it.
npx tsc -p tsconfig.json --noEmit

echo "== unit and integration tests"
npx nx run-many -t test --outputStyle=stream

echo "== build the dashboard and prove it holds no server code"
npx nx build web --outputStyle=stream
npx tsx tools/test/check-web-bundle.ts

echo "== end-to-end tests in Chromium"
npx playwright test -c e2e/playwright.config.ts
