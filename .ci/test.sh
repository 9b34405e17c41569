#!/usr/bin/env bash
# The test command of the README: type check, formatting, lint, unit tests, then e2e tests against real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/node.sh
bash .ci/services.sh
bash .ci/deps.sh
bash .ci/chromium.sh
npm run --silent typecheck
npm run --silent format:check
npm run --silent lint
npm run --silent test:unit
npm run --silent test:e2e
