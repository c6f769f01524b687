#!/usr/bin/env bash
# Private PostgreSQL cluster for tests (used by .ci/run, usable by hand).
#
#   .ci/pg.sh start DIR   init (if needed) and start a cluster in DIR; prints the DSN
#   .ci/pg.sh stop DIR    stop the cluster in DIR (by postmaster PID, SIGINT = fast shutdown)
#   .ci/pg.sh dsn DIR     print the DSN of the cluster in DIR
#
# Layout: DIR/data (data directory), DIR/pg.log (server log), DIR/.s.PGSQL.<port>
# (Unix socket), DIR/dsn (the DSN, for other shells). The server listens on
# 127.0.0.1 only, trust auth, UTF8 with locale C.UTF-8, database gongkai_test.
# Typical use:
#
#   export GONGKAI_TEST_PG="$(.ci/pg.sh start /tmp/gkpg)"
#   go test ./...
#   .ci/pg.sh stop /tmp/gkpg
#
# Run as root, the server runs as the `postgres` user (via runuser) and DIR is
# chowned to it; run as another user, it runs as that user.
#
# Environment:
#   GKPG_PORT  TCP port (default 55432)
#   GKPG_BIN   PostgreSQL bin dir (default /usr/lib/postgresql/15/bin, else the newest installed)
#   GKPG_FAST  if 1, at initdb time: fsync=off, synchronous_commit=off,
#              full_page_writes=off (throw-away CI clusters only)
set -euo pipefail

PORT="${GKPG_PORT:-55432}"
DB=gongkai_test

die() { echo "pg.sh: $*" >&2; exit 1; }
log() { echo "pg.sh: $*" >&2; }

pgbin() {
	if [[ -n "${GKPG_BIN:-}" ]]; then
		echo "$GKPG_BIN"
	elif [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
		echo /usr/lib/postgresql/15/bin
	else
		local d
		d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
		[[ -n "$d" && -x "$d/initdb" ]] || die "no PostgreSQL server found (apt-get install postgresql)"
		echo "$d"
	fi
}

# as_pg CMD...: run CMD as the cluster owner.
as_pg() {
	if [[ $EUID -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

dsn() { echo "postgres://postgres@127.0.0.1:${PORT}/${DB}?sslmode=disable"; }

# postmaster_pid DIR: PID of the running postmaster of DIR, or nothing.
postmaster_pid() {
	local f="$1/data/postmaster.pid" pid
	[[ -r "$f" ]] || return 0
	pid=$(head -n1 "$f")
	[[ "$pid" =~ ^[0-9]+$ ]] || return 0
	kill -0 "$pid" 2>/dev/null && echo "$pid"
	return 0
}

cmd_start() {
	local dir="$1" bin
	bin=$(pgbin)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [[ $EUID -eq 0 ]]; then
		id postgres >/dev/null 2>&1 || die "no postgres user (apt-get install postgresql)"
		chown postgres: "$dir"
		chmod 755 "$dir" # DIR/data itself is 0700
		as_pg test -w "$dir" || die "$dir is not reachable/writable by user postgres (choose a dir under /tmp)"
	fi

	if [[ -n "$(postmaster_pid "$dir")" ]]; then
		log "cluster in $dir is already running"
	else
		# Refuse to start if something else already answers on the port.
		if "$bin/pg_isready" -q -U postgres -h 127.0.0.1 -p "$PORT" -t 2; then
			die "port $PORT on 127.0.0.1 is already used by another server (stop it, or set GKPG_PORT)"
		fi
		if [[ ! -f "$dir/data/PG_VERSION" ]]; then
			as_pg "$bin/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >"$dir/initdb.log" 2>&1 ||
				{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
			{
				echo "# added by .ci/pg.sh"
				echo "listen_addresses = '127.0.0.1'"
				echo "port = $PORT"
				echo "unix_socket_directories = '$dir'"
				if [[ "${GKPG_FAST:-}" == 1 ]]; then
					echo "fsync = off"
					echo "synchronous_commit = off"
					echo "full_page_writes = off"
				fi
			} | as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
		fi
		# -p/-k on the command line win over postgresql.conf, so GKPG_PORT
		# can move a reused cluster.
		as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir" start >&2 ||
			{ tail -n 30 "$dir/pg.log" >&2 || true; die "pg_ctl start failed"; }
	fi

	local i
	for ((i = 0; i < 60; i++)); do
		"$bin/pg_isready" -q -U postgres -h 127.0.0.1 -p "$PORT" -d postgres && break
		sleep 0.5
	done
	"$bin/pg_isready" -q -U postgres -h 127.0.0.1 -p "$PORT" -d postgres || die "server did not become ready (see $dir/pg.log)"

	if [[ "$("$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -XtAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]]; then
		"$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
	fi
	dsn | as_pg tee "$dir/dsn" >/dev/null
	chmod 644 "$dir/dsn"
	dsn
}

cmd_stop() {
	local dir="$1" pid i
	pid=$(postmaster_pid "$dir")
	if [[ -z "$pid" ]]; then
		log "no running cluster in $dir"
		return 0
	fi
	kill -INT "$pid" # fast shutdown
	for ((i = 0; i < 120; i++)); do
		kill -0 "$pid" 2>/dev/null || { log "stopped postmaster $pid"; return 0; }
		sleep 0.5
	done
	log "postmaster $pid still running after 60 s; sending SIGQUIT (immediate shutdown)"
	kill -QUIT "$pid" 2>/dev/null || true
	for ((i = 0; i < 20; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.5
	done
	die "could not stop postmaster $pid"
}

usage() { die "usage: $0 start DIR | stop DIR | dsn DIR"; }

[[ $# -eq 2 ]] || usage
case "$1" in
start) cmd_start "$2" ;;
stop) cmd_stop "$2" ;;
dsn) if [[ -r "$2/dsn" ]]; then cat "$2/dsn"; else dsn; fi ;;
*) usage ;;
esac
