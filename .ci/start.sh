#!/usr/bin/env bash
# Sets up and starts the whole service on a developer machine: services, dependencies, build, database, referentials,
# demo data, local mail catcher, API and worker. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/node.sh
export DATABASE_URL=${DATABASE_URL:-postgres://maillage:maillage@127.0.0.1:5432/maillage}
export PORT=${PORT:-3000}
export PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-http://localhost:$PORT}
export SMTP_HOST=${SMTP_HOST:-127.0.0.1} SMTP_PORT=${SMTP_PORT:-1025}

bash .ci/services.sh
bash .ci/deps.sh
echo "== build"; npm run --silent build
db=$(node -e "console.log(new URL(process.env.DATABASE_URL).pathname.slice(1))")
admin=$(node -e "const u=new URL(process.env.DATABASE_URL);u.pathname='/postgres';console.log(u.toString())")
if [ "$(psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname='$db'")" != 1 ]; then psql -q "$admin" -c "CREATE DATABASE \"$db\""; fi
mkdir -p .local/logs
echo "== migrations";   npm run --silent migration:run > .local/logs/migrations.log 2>&1 || { tail -40 .local/logs/migrations.log >&2; exit 1; }
echo "== référentiels"; npm run --silent referentials:import
echo "== démo";         npm run --silent demo:seed | tee .local/logs/demo.log

mkdir -p .local/mails .local/logs
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
if [ "$SMTP_HOST" = 127.0.0.1 ] && ! (exec 3<>/dev/tcp/127.0.0.1/"$SMTP_PORT") 2>/dev/null; then
  node dist/src/cli/mail-catcher.js "$SMTP_PORT" .local/mails > .local/logs/mail.log 2>&1 & pids+=($!)
fi
node dist/src/worker.js > .local/logs/worker.log 2>&1 & pids+=($!)
node dist/src/main.js > .local/logs/api.log 2>&1 & pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null || { echo "L'API ne répond pas : voir .local/logs/api.log" >&2; tail -20 .local/logs/api.log >&2; exit 1; }
cat <<MSG

Maillage est prêt.
  API et documentation : $PUBLIC_BASE_URL/api/docs
  Santé :                $PUBLIC_BASE_URL/api/health
  Comptes de démonstration (mot de passe : maillage-demo) : voir README.md, par ex. direction@inser-rhone.demo
  Courriels envoyés :    .local/mails/   Journaux : .local/logs/
MSG
# The demo job dating's links and staff page, printed again where a newcomer looks: under "Maillage est prêt".
sed -n '/^Job dating de démonstration/,$p' .local/logs/demo.log
echo "Ctrl-C pour tout arrêter."
wait -n "${pids[@]}"
