#!/usr/bin/env bash
# Generates a migration from the difference between the entities and the migrated schema, on a scratch database so
# that a developer's own data never influences what is generated. Compiles into a private folder so that it never
# races a `nest build`. Usage: npm run migration:generate -- <Name>   (SCRATCH_DB=… to run several at once)
set -euo pipefail
name=${1:?usage: npm run migration:generate -- <MigrationName>}
cd "$(dirname "$0")/.."
# The project role of DATABASE_URL (default: the one .ci/services.sh creates) creates and drops the scratch database.
base=${DATABASE_URL:-postgres://maillage:maillage@127.0.0.1:5432/maillage}
admin="${base%/*}/postgres"
db=${SCRATCH_DB:-maillage_migration_scratch}
out=$(mktemp -d)
trap 'rm -rf "$out"; psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null' EXIT
psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
# The private build is outside the repository: it resolves its packages through a link to ours.
ln -s "$PWD/node_modules" "$out/node_modules"
npx tsc -p tsconfig.build.json --outDir "$out" --tsBuildInfoFile "$out/.tsbuildinfo" --sourceMap false
export DATABASE_URL="${base%/*}/$db"
npx typeorm migration:run -d "$out/src/platform/database/data-source.js" >/dev/null
npx typeorm migration:generate "migrations/$name" -d "$out/src/platform/database/data-source.js" --pretty
