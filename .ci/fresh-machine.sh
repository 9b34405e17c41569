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
# The employer link npm start prints must open the employer's page: 303 off the token with the session cookie, then
# the landing page with that cookie answers 200.
link=$(grep -oE 'http://[^ ]+/lien/[A-Za-z0-9_-]{43}' "$log" | head -1)
[ -n "$link" ] || { echo "ÉCHEC : npm start n'a affiché aucun lien employeur" >&2; tail -30 "$log" >&2; exit 1; }
jar=$(mktemp)
headers=$(curl -s -o /dev/null -D - -c "$jar" "$link" | tr -d '\r')
status=$(head -1 <<<"$headers" | awk '{ print $2 }')
landing=$(awk 'tolower($1) == "location:" { print $2 }' <<<"$headers")
if [ "$status" != 303 ] || ! grep -qi '^set-cookie: [^=]*maillage_employeur=' <<<"$headers" || [ -z "$landing" ]; then
  echo "ÉCHEC : le lien employeur affiché répond $status sans cookie de session ni redirection" >&2
  echo "$headers" >&2
  exit 1
fi
# same host as the link (localhost, PUBLIC_BASE_URL): the cookie jar sends the cookie back to the host that set it
page=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${link%%/lien/*}$landing")
rm -f "$jar"
[ "$page" = 200 ] || { echo "ÉCHEC : la page employeur $landing répond $page avec le cookie du lien" >&2; exit 1; }
echo "lien employeur de la démo : 303 + cookie de session, puis $landing → 200"
kill -- -"$start_pid" 2>/dev/null || true
wait "$start_pid" 2>/dev/null || true
start_pid=
# On a new cluster the first e2e file builds the test template (migrations, referentials) inside its beforeAll: give
# that hook the time a loaded machine needs, the tests themselves are the usual ones.
TEST_ADMIN_DATABASE_URL="${url%/*}/postgres" npx jest --config test/jest.e2e.config.js --testTimeout=300000 test/e2e/platform.e2e-spec.ts
echo "machine neuve : réglages par défaut de Debian acceptés"
