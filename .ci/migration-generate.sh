#!/usr/bin/env bash
# Generates a migration from the difference between the entities and the migrated schema, on a scratch database so
# that a developer's own data never influences what is generated. Usage: npm run migration:generate -- <Name>
set -euo pipefail
name=${1:?usage: npm run migration:generate -- <MigrationName>}
cd "$(dirname "$0")/.."
db=${SCRATCH_DB:-maillage_migration_scratch}
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
npx nest build >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
npx typeorm migration:run -d dist/src/platform/database/data-source.js >/dev/null
npx typeorm migration:generate "migrations/$name" -d dist/src/platform/database/data-source.js --pretty
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db"
