#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server for development and prints its DATABASE_URL.
# Stop it with: scripts/dev-postgres.sh stop
set -euo pipefail
B=/usr/lib/postgresql/15/bin
ROOT=${PGDEV_ROOT:-/tmp/gongkai-dev-pg}
PORT=${PGDEV_PORT:-55432}
if [ "${1:-}" = stop ]; then runuser -u postgres -- $B/pg_ctl -D "$ROOT/data" -m fast -w stop; exit; fi
if [ ! -d "$ROOT/data" ]; then
  mkdir -p "$ROOT"; chown postgres:postgres "$ROOT"
  runuser -u postgres -- $B/initdb -D "$ROOT/data" -U app --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N >/dev/null
fi
runuser -u postgres -- $B/pg_ctl -D "$ROOT/data" -l "$ROOT/pg.log" -w -o "-k $ROOT -p $PORT -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
echo "DATABASE_URL=postgres://app@127.0.0.1:$PORT/postgres"
