#!/usr/bin/env bash
# Start a throwaway PostgreSQL server (Debian's packages) for the database tests and print its URL.
# Usage: export TEST_DATABASE_URL="$(bash tools/start-test-postgres.sh [DIR])"
# Stop it with: bash tools/start-test-postgres.sh --stop DIR
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
run_as=""
if [ "$(id -u)" = "0" ]; then
  # The server refuses to run as root.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as="runuser -u postgres --"
fi
if [ "${1:-}" = "--stop" ]; then
  $run_as "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
dir="${1:-$(mktemp -d /tmp/dm-test-pg.XXXXXX)}"
mkdir -p "$dir"
[ -z "$run_as" ] || chown postgres "$dir"
port="${TEST_PG_PORT:-}"
if [ -z "$port" ]; then
  # A free loopback port, so several runs (or a developer's own server) never collide.
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
fi
$run_as "$bin/initdb" -D "$dir/data" -U dm -A trust --no-sync >/dev/null
$run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
echo "postgres://dm@127.0.0.1:$port/postgres"
