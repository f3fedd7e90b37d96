#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the sync server's tests against a real database.
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh)"   installs Debian's postgresql if needed, starts the
#                                                           cluster (or finds it running) and prints its URL
#   bash scripts/ci-postgres.sh stop                       stops it and removes its folder
# Everything but the URL goes to stderr. Trust authentication, loopback only: it holds test data and nothing else.
set -euo pipefail

dir=${CI_POSTGRES_DIR:-/tmp/registrar-ci-postgres}
port=${CI_POSTGRES_PORT:-54329}
url="postgres://postgres@127.0.0.1:${port}/postgres"

log() { echo "ci-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "apt-get install postgresql"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# initdb refuses to run as root: the cluster belongs to the postgres user when there is one.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = stop ]; then
  if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true; fi
  rm -rf "$dir"
  exit 0
fi

if [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  log "already running on 127.0.0.1:${port}"
  echo "$url"
  exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=100" start >&2
log "running on 127.0.0.1:${port} (log: $dir/server.log)"
echo "$url"
