#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS on loopback for the tests, never the system cluster.
#   scripts/postgres.sh start DIR PORT   -> prints the DATABASE_URL
#   scripts/postgres.sh stop DIR
#   scripts/postgres.sh halt DIR         -> stops it, keeping its data (a database restart, in tests)
#   scripts/postgres.sh resume DIR       -> starts a halted one again on its port
#   scripts/postgres.sh freeze DIR       -> SIGSTOPs the server and its backends (it hangs, answering nothing)
#   scripts/postgres.sh thaw DIR         -> SIGCONTs them
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
cmd=$1; dir=$2
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port=$3
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_postgres "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    echo "$port" > "$dir/port"
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  halt)
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    port=$(cat "$dir/port")
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    ;;
  freeze|thaw)
    # The postmaster and its children, found through /proc (no procps needed).
    main=$(head -1 "$dir/data/postmaster.pid")
    pids="$main"
    for stat in /proc/[0-9]*/stat; do
      line=$(cat "$stat" 2>/dev/null) || continue
      rest=${line##*) }          # after the command name, which may hold spaces
      set -- $rest               # state, parent, ...
      [ "${2:-}" = "$main" ] && pids="$pids ${line%% *}"
    done
    if [ "$cmd" = freeze ]; then kill -STOP $pids; else kill -CONT $pids; fi
    ;;
  stop)
    [ -d "$dir/data" ] && as_postgres "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR | halt DIR | resume DIR | freeze DIR | thaw DIR" >&2; exit 2 ;;
esac
