#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Gets missing system packages,
# type-checks, lints, starts a throwaway PostgreSQL, runs unit, integration (SQLite and
# PostgreSQL) and browser tests in one Vitest run, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
echo "== type-check"; bash scripts/typecheck.sh
echo "== lint"; npx oxlint -c .oxlintrc.json --deny-warnings src web bench e2e scripts
echo "== boundaries"; node --import tsx scripts/check-boundaries.ts

# Built once here so browser tests running in parallel never race to build it.
echo "== web build"; npx vite build --config web/vite.config.ts --logLevel warn

PG_DIR=$(mktemp -d /tmp/tongxing-pg.XXXXXX)
PG_PORT=$(( 55000 + RANDOM % 5000 ))
cleanup() { bash scripts/postgres.sh stop "$PG_DIR"; }
trap cleanup EXIT
echo "== starting PostgreSQL on 127.0.0.1:$PG_PORT"
export TONGXING_TEST_DATABASE_URL=$(bash scripts/postgres.sh start "$PG_DIR" "$PG_PORT")
export TONGXING_REQUIRE_POSTGRES=1

echo "== tests"
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit $status
