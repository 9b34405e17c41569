#!/usr/bin/env bash
# Proves that the README's setup works on Debian's PostgreSQL defaults, not only on machines set to `trust`: creates a
# throwaway cluster with pg_createcluster's defaults (peer on the socket, scram-sha-256 over TCP, `postgres` without a
# password) on another port, runs `npm start`'s script against it (services, migrations, referentials, demo, API
# health) and one e2e file, then drops the cluster. The database URL is the product's default one with the port changed.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
cluster=maillage_fresh_$$
start_pid=
cleanup() {
  if [ -n "$start_pid" ]; then kill -- -"$start_pid" 2>/dev/null || true; wait "$start_pid" 2>/dev/null || true; fi
  as_root pg_dropcluster --stop "$version" "$cluster" 2>/dev/null || true
}
trap cleanup EXIT
as_root pg_createcluster --start "$version" "$cluster" >/dev/null
port=$(pg_lsclusters -h | awk -v c="$cluster" '$2 == c { print $3 }')
echo "grappe jetable $version/$cluster sur le port $port, authentification par défaut de Debian :"
as_root grep -E '^(local|host)' "/etc/postgresql/$version/$cluster/pg_hba.conf" | sed 's/^/  /'

default_url=$(node -p "require('./dist/src/platform/config/app-config').loadConfig({}).DATABASE_URL")
url=$(node -p 'const u = new URL(process.argv[1]); u.port = process.argv[2]; u.toString()' "$default_url" "$port")
http_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
smtp_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
log=.local/logs/fresh-machine.log
mkdir -p .local/logs
echo "npm start avec DATABASE_URL=$(sed -E 's#(//[^:/@]+):[^@]*@#\1:***@#' <<<"$url") (journal : $log)"
setsid env DATABASE_URL="$url" PORT="$http_port" SMTP_PORT="$smtp_port" QUEUE_PREFIX="fresh_$$" bash .ci/start.sh >"$log" 2>&1 </dev/null &
start_pid=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$http_port/api/health" >/dev/null 2>&1 && break
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 0.5
done
if ! curl -fs "http://127.0.0.1:$http_port/api/health"; then
  echo "ÉCHEC : l'API ne répond pas après npm start sur une grappe aux réglages de Debian" >&2
  tail -30 "$log" >&2
  exit 1
fi
echo
demo=$(psql -X -tA "$url" -c "SELECT count(*) FROM app_user")
echo "API en bonne santé, $demo comptes de démonstration"
kill -- -"$start_pid" 2>/dev/null || true
wait "$start_pid" 2>/dev/null || true
start_pid=
# On a new cluster the first e2e file builds the test template (migrations, referentials) inside its beforeAll: give
# that hook the time a loaded machine needs, the tests themselves are the usual ones.
TEST_ADMIN_DATABASE_URL="${url%/*}/postgres" npx jest --config test/jest.e2e.config.js --testTimeout=300000 test/e2e/platform.e2e-spec.ts
echo "machine neuve : réglages par défaut de Debian acceptés"
