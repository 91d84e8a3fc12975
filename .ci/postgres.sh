#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests and print the line that points them at it:
#
#     eval "$(bash .ci/postgres.sh)"
#
# Installs PostgreSQL from Debian's packages when it is missing, starts (or creates) a cluster
# on localhost, and creates a login role and a database owned by it. Safe to run again: every
# step checks first. Everything but the final `export ...` line goes to standard error.
set -euo pipefail

PG_USER=${MEDIA_ANALYTICS_PG_USER:-media_analytics}
PG_PASSWORD=${MEDIA_ANALYTICS_PG_PASSWORD:-media_analytics}
PG_DB=${MEDIA_ANALYTICS_PG_DB:-media_analytics_test}

log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
  # The superuser role `postgres` authenticates by peer over the local socket.
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sudo -u postgres sh -c "$*"
  fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The first cluster listed, or a new one for the newest installed server version.
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
read -r version name port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  log "starting cluster $version/$name on port $port"
  pg_ctlcluster "$version" "$name" start >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h localhost -p "$port"; then
    break
  fi
  sleep 0.5
done
if ! pg_isready -q -h localhost -p "$port"; then
  log "cluster $version/$name did not accept connections on localhost:$port"
  exit 1
fi

# Role and database, created only when absent (psql's \gexec runs the generated statement).
as_postgres "psql -X -q -p $port -v ON_ERROR_STOP=1 \
  -v user=$PG_USER -v password=$PG_PASSWORD -v db=$PG_DB" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL

url="postgresql://$PG_USER:$PG_PASSWORD@localhost:$port/$PG_DB"
if ! psql -X -q "$url" -c "SELECT 1" >/dev/null; then
  log "cannot log in as $PG_USER over TCP on localhost:$port"
  exit 1
fi
log "ready: cluster $version/$name, database $PG_DB, role $PG_USER"
echo "export MEDIA_ANALYTICS_TEST_PG_URL=$url"
