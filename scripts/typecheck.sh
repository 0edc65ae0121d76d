#!/usr/bin/env bash
# Type-checks each part with the globals it really has (docs/ARCHITECTURE.md, "Checked
# boundaries"): the server side with Node and no DOM (tsconfig.json), src/core with neither
# (tsconfig.core.json), the browser app with DOM and no Node (web/tsconfig.json), the browser
# tests with both (e2e/tsconfig.json). The server, the largest, runs beside the other three.
set -euo pipefail
cd "$(dirname "$0")/.."

npx tsc -p tsconfig.json &
server=$!
status=0
for project in tsconfig.core.json web/tsconfig.json e2e/tsconfig.json; do
  npx tsc -p "$project" || status=1
done
wait "$server" || status=1
exit $status
