#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: a new data directory in /tmp, loopback only,
# on a free port, no systemd. Usage (sourced):
#   source scripts/pg-temp.sh && pg_temp_start   # exports TEST_DATABASE_URL, PG_TEMP_DIR
#   pg_temp_stop                                 # stops it and deletes the directory
#   pg_temp_restart                              # stop and start on the same port (fault tests)

pg_temp_bin() {
	local initdb
	initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
	[ -n "$initdb" ] || { echo "pg-temp: PostgreSQL is not installed (run scripts/system-deps.sh)" >&2; return 1; }
	dirname "$initdb"
}

pg_temp_as() {
	# initdb and postgres refuse to run as root; use the postgres system user then.
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_temp_free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

pg_temp_start() {
	local bin
	bin=$(pg_temp_bin) || return 1
	PG_TEMP_DIR=$(mktemp -d /tmp/ura-pg.XXXXXX)
	[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TEMP_DIR"
	PG_TEMP_PORT=${PG_TEMP_PORT:-$(pg_temp_free_port)}
	pg_temp_as "$bin/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
	pg_temp_as "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/log" \
		-o "-p $PG_TEMP_PORT -k $PG_TEMP_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" \
		-w start >/dev/null
	export PG_TEMP_DIR PG_TEMP_PORT
	export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/postgres"
	echo "pg-temp: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEMP_PORT"
}

pg_temp_stop() {
	[ -n "${PG_TEMP_DIR:-}" ] || return 0
	local bin
	bin=$(pg_temp_bin) || return 0
	pg_temp_as "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$PG_TEMP_DIR"
	unset PG_TEMP_DIR
}

pg_temp_restart() {
	# Stop (fast: open transactions are aborted, clients disconnected), stay down for
	# $1 seconds (default 0), start again on the same port and data directory.
	[ -n "${PG_TEMP_DIR:-}" ] || { echo "pg-temp: not started" >&2; return 1; }
	local bin
	bin=$(pg_temp_bin) || return 1
	pg_temp_as "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -m fast -w stop >/dev/null
	sleep "${1:-0}"
	pg_temp_as "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/log" \
		-o "-p $PG_TEMP_PORT -k $PG_TEMP_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" \
		-w start >/dev/null
}
