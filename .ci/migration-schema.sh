#!/usr/bin/env bash
# Writes a migration that brings the functions and triggers of the schema to their constants in the modules
# (src/modules/schema-objects.ts), from the difference measured on a freshly migrated scratch database, like
# migration-generate.sh does for the entities. Usage: npm run migration:schema -- <Name> [--all]
set -euo pipefail
name=${1:?usage: npm run migration:schema -- <MigrationName> [--all]}
cd "$(dirname "$0")/.."
base=${DATABASE_URL:-postgres://maillage:maillage@127.0.0.1:5432/maillage}
admin="${base%/*}/postgres"
db=${SCRATCH_DB:-maillage_schema_scratch}
out=$(mktemp -d)
trap 'rm -rf "$out"; psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null' EXIT
psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
ln -s "$PWD/node_modules" "$out/node_modules"
npx tsc -p tsconfig.build.json --outDir "$out" --tsBuildInfoFile "$out/.tsbuildinfo" --sourceMap false
export DATABASE_URL="${base%/*}/$db"
npx typeorm migration:run -d "$out/src/platform/database/data-source.js" >/dev/null
node "$out/src/cli/schema-migration.js" "$@"
