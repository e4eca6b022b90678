#!/usr/bin/env bash
# Starts (or stops) a throwaway local PostgreSQL for trying crosscheck with
# --db postgres://…; the tests do not need it (they start their own cluster).
#   scripts/pg-dev.sh start   # prints the DSN: postgres://postgres@127.0.0.1:55432/crosscheck?sslmode=disable
#   scripts/pg-dev.sh stop    # stops it and deletes its files
# Environment: PGDEV_DIR (default /tmp/crosscheck-pgdev), PGDEV_PORT (default 55432).
set -euo pipefail
dir=${PGDEV_DIR:-/tmp/crosscheck-pgdev}
port=${PGDEV_PORT:-55432}
bin=""
if command -v initdb >/dev/null 2>&1; then bin=$(dirname "$(readlink -f "$(command -v initdb)")"); fi
if [ ! -x "$bin/initdb" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
[ -x "$bin/initdb" ] || { echo "pg-dev: initdb not found; run scripts/install-test-deps.sh" >&2; exit 1; }
as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
start)
  if [ ! -d "$dir/data" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  fi
  if ! as "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w start >/dev/null
  fi
  as "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qtAc "SELECT 1 FROM pg_database WHERE datname='crosscheck'" | grep -q 1 ||
    as "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE crosscheck"
  echo "postgres://postgres@127.0.0.1:$port/crosscheck?sslmode=disable"
  ;;
stop)
  [ -d "$dir/data" ] && as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
