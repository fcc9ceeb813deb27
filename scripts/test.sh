#!/usr/bin/env bash
# Runs every test headless (Qt offscreen), then builds the one-folder executable and runs its self-test; and, where
# Wine can be installed (Debian 12 on amd64), builds the Windows installer and checks it under Wine
# (scripts/build-windows.sh, scripts/check-windows.sh). JEMPUT_WINDOWS=no skips that, =yes requires it.
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

windows_possible() {
  [ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ] || return 1
  command -v wine >/dev/null 2>&1 || apt-cache show wine64 >/dev/null 2>&1
}

windows_pid=""
windows_log=""
if [ "$#" -eq 0 ] && [ "${JEMPUT_WINDOWS:-auto}" != no ]; then
  if windows_possible; then
    # pytest keeps one core busy: the Windows build and its check under Wine (~5 min alone, ~7 beside pytest) take
    # the other meanwhile, so they add little to the run. Their output is shown when they are waited for. Their own
    # process group, so that a failed test run stops them, Wine and all.
    windows_log=$(mktemp "${TMPDIR:-/tmp}/jemput-windows.XXXXXX")
    setsid -w bash -c 'scripts/build-windows.sh && scripts/check-windows.sh' >"$windows_log" 2>&1 &
    windows_pid=$!
  elif [ "${JEMPUT_WINDOWS:-auto}" = yes ]; then
    echo "JEMPUT_WINDOWS=yes, but Wine cannot be installed here (Debian on amd64 is needed)" >&2
    exit 1
  else
    echo "Wine cannot be installed here: the Windows installer is neither built nor checked" >&2
  fi
fi

rc=0
.venv/bin/python -m pytest "$@" || rc=$?
if [ -n "$windows_pid" ] && [ "$rc" -ne 0 ]; then
  kill -- "-$windows_pid" 2>/dev/null || true
  wait "$windows_pid" 2>/dev/null || true
fi
[ "$rc" -eq 0 ] || exit "$rc"
if [ "$#" -eq 0 ]; then
  scripts/build.sh
  QT_QPA_PLATFORM=offscreen dist/jemput/jemput --self-test
fi
if [ -n "$windows_pid" ]; then
  windows_rc=0
  wait "$windows_pid" || windows_rc=$?
  grep -v "could not resolve 'api-ms-win-" "$windows_log" || true
  rm -f "$windows_log"
  [ "$windows_rc" -eq 0 ] || { echo "the Windows build or its check under Wine failed ($windows_rc)" >&2; exit 1; }
fi
