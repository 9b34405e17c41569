#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on localhost; installs them from Debian's packages on a machine without them.
# PostgreSQL: the project connects over TCP as its own role with a password (DATABASE_URL, default
# postgres://maillage:maillage@127.0.0.1:5432/maillage), which works with Debian's defaults (scram-sha-256 for host
# connections, where `postgres` has no password). The role is created through the `postgres` system account (peer
# authentication on the Unix socket), with CREATEDB (the tests clone databases from a template) and, because
# `earthdistance` is not a trusted extension, the extensions are created once in template1 by that superuser.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
url=${DATABASE_URL:-postgres://maillage:maillage@127.0.0.1:5432/maillage}
read -r pg_host pg_port pg_user pg_password < <(node -e '
  const u = new URL(process.argv[1]);
  console.log(u.hostname, u.port || 5432, decodeURIComponent(u.username) || "postgres", decodeURIComponent(u.password) || "-");
' "$url")

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
  echo "Installation de PostgreSQL et Redis (paquets Debian)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib redis-server >/dev/null
fi

case "$pg_host" in
  127.0.0.1 | localhost) local_pg=1 ;;
  *) local_pg=0 ;; # a remote server is the operator's: nothing to start or create there
esac

if [ "$local_pg" = 1 ] && ! pg_isready -q -h 127.0.0.1 -p "$pg_port"; then
  echo "Démarrage de PostgreSQL…"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1; done
fi
pg_isready -h "$pg_host" -p "$pg_port" >/dev/null || { echo "PostgreSQL ne répond pas sur $pg_host:$pg_port" >&2; exit 1; }

# psql as the cluster's superuser: the postgres system account on the Unix socket (peer, Debian's default), else TCP as
# `postgres` (machines set to trust).
as_superuser() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@")
  elif [ "$(id -u)" != 0 ] && sudo -n -u postgres true 2>/dev/null; then
    (cd / && sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@")
  else
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"
  fi
}
project_ready() {
  local tpl=${url%/*}/template1
  [ "$(psql -X -tA "$tpl" -c "SELECT count(*) FROM pg_extension WHERE extname IN ('cube','earthdistance','pg_trgm','unaccent','btree_gist')" 2>/dev/null)" = 5 ] &&
    [ "$(psql -X -tA "$tpl" -c "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>/dev/null)" = t ]
}
if [ "$local_pg" = 1 ] && [ "$pg_user" != postgres ] && ! project_ready; then
  echo "Rôle PostgreSQL du projet « $pg_user » (port $pg_port)…"
  [ "$pg_password" != - ] || { echo "DATABASE_URL doit contenir le mot de passe du rôle $pg_user" >&2; exit 1; }
  as_superuser -d template1 -v role="$pg_user" -v password="$pg_password" <<'SQL'
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'password') \gexec
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;
SQL
  project_ready || { echo "Le rôle $pg_user ne peut pas se connecter à $pg_host:$pg_port" >&2; exit 1; }
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Démarrage de Redis…"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis ne répond pas sur 127.0.0.1:6379" >&2; exit 1; }
