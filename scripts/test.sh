#!/usr/bin/env bash
# Runs every test headless (Qt offscreen), then builds the one-folder executable and runs its self-test.
# The server tests also run against PostgreSQL: unless JEMPUT_TEST_POSTGRES_URL is already set, a throwaway
# cluster is started here (unix socket only, no TCP port) and removed when this script exits.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh dev
export QT_QPA_PLATFORM=offscreen

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL is not installed (scripts/bootstrap.sh dev installs it); its server tests will not run" >&2
    return 0
  fi
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/jemput-pg.XXXXXX")
  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root; Debian's package made the postgres user.
    chown postgres: "$pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 \
    >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log" >&2; return 1; }
  # Durability is pointless for a database that lives for one test run.
  "${as_pg[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-k $pg_dir -p 5432 -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; return 1; }
  export JEMPUT_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$pg_dir&port=5432"
}

stop_postgres() {
  if [ -n "${pg_dir:-}" ]; then
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    local as_pg=()
    [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
    "${as_pg[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}

pg_dir=""
trap stop_postgres EXIT
if [ -z "${JEMPUT_TEST_POSTGRES_URL:-}" ]; then
  start_postgres
fi

.venv/bin/python -m pytest "$@"
if [ "$#" -eq 0 ]; then
  scripts/build.sh
  QT_QPA_PLATFORM=offscreen dist/jemput/jemput --self-test
fi
