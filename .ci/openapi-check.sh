#!/usr/bin/env bash
# The committed openapi.json is the API contract: it must be regenerated (npm run openapi:generate) with every change.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp)
node dist/src/openapi.js > "$tmp"
if ! diff -q openapi.json "$tmp" >/dev/null; then
  echo "openapi.json n'est plus à jour : lancez 'npm run build && npm run openapi:generate' et committez le résultat." >&2
  diff -u openapi.json "$tmp" | head -40 >&2 || true
  exit 1
fi
echo "openapi.json: à jour"
# Every operation answers a typed 2xx and every 4xx is the shared error schema (src/platform/openapi/response-check.ts).
node dist/src/platform/openapi/response-check.cli.js openapi.json
# The client a partner would generate (openapi-typescript) is committed, kept in step, and compiles under strict rules.
client=$(mktemp --suffix=.d.ts)
npx --no-install openapi-typescript openapi.json -o "$client" >/dev/null 2>&1
if ! diff -q test/client/maillage-api.d.ts "$client" >/dev/null; then
  echo "test/client/maillage-api.d.ts n'est plus à jour : lancez 'npm run openapi:client' et committez le résultat." >&2
  exit 1
fi
npx --no-install tsc --ignoreConfig --noEmit --strict --skipLibCheck false --types node "$client"
echo "client TypeScript (openapi-typescript) : à jour, compile"
