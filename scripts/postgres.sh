#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster for tests and benchmarks, on a free loopback port.
#   scripts/postgres.sh start [dir]   prints: export VERMILION_TEST_POSTGRES='...'
#   scripts/postgres.sh stop  [dir]
set -euo pipefail
action=${1:-start}
dir=${2:-${VERMILION_PG_DIR:-/tmp/vermilion-pg}}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
run_cluster() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" start >/dev/null
}

case "$action" in
  start)
    if [ -f "$dir/port" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      port=$(cat "$dir/port")
    elif [ -f "$dir/port" ] && [ -f "$dir/data/PG_VERSION" ]; then
      # A cluster left by an earlier session (a seeded benchmark database, say): start it again, never wipe it.
      port=$(cat "$dir/port")
      run_cluster
    else
      rm -rf "$dir"; mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
      echo "$port" > "$dir/port.tmp"; mv "$dir/port.tmp" "$dir/port"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/port"
      as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
      run_cluster
    fi
    echo "export VERMILION_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Pooling=true;Maximum Pool Size=100;Timeout=60'"
    ;;
  stop)
    [ -d "$dir/data" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
