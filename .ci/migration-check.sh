#!/usr/bin/env bash
# Fails when the entities describe a schema the migrations do not produce (TypeORM's generate finds something to do),
# or when the functions and triggers of the migrated database differ from their constants in the modules
# (src/modules/schema-objects.ts; the check applies the constants in a rolled-back transaction and compares the
# server's renderings).
set -euo pipefail
cd "$(dirname "$0")/.."
# The project role of DATABASE_URL (default: the one .ci/services.sh creates) creates and drops the scratch database.
base=${DATABASE_URL:-postgres://maillage:maillage@127.0.0.1:5432/maillage}
admin="${base%/*}/postgres"
db=maillage_migration_check_$$
psql -X -q "$admin" -c "CREATE DATABASE $db"
trap 'psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db"' EXIT
export DATABASE_URL="${base%/*}/$db"
npx typeorm migration:run -d dist/src/platform/database/data-source.js >/dev/null
if out=$(npx typeorm migration:generate /tmp/maillage-drift-$$ --dryrun -d dist/src/platform/database/data-source.js --pretty 2>&1); then
  echo "Les entités et les migrations divergent : générez une migration (npm run migration:generate -- <Nom>)." >&2
  echo "$out" >&2
  exit 1
fi
if ! grep -q "No changes in database schema were found" <<<"$out"; then
  echo "Vérification des migrations impossible :" >&2
  echo "$out" >&2
  exit 1
fi
echo "migrations: en phase avec les entités"
node dist/src/cli/check-schema-drift.js
