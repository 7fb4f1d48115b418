#!/usr/bin/env bash
# The checks to run before a commit: the same as .ci/run minus the install (stops at the first failure).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p .
npx eslint .
npx prettier --check . >/dev/null
node --import tsx scripts/gen-docs.ts --check
node scripts/bundle.mjs >/dev/null
git status --porcelain -- dist | grep -q . && { echo "dist/ changed: commit it"; }
npm test
