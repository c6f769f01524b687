#!/usr/bin/env bash
# bench/apply.sh — throughput and durability of the open API for 依申请公开.
#
# For SQLite and for PostgreSQL it builds gongkai, starts `gongkai serve`
# on a fresh database, and:
#   1. fires a burst of submissions (POST /api/v1/applications, 64 clients)
#      and prints submissions/s (target, issue 3: ≥ 500/s on 2 cores);
#   2. fires a long burst, kills the server with SIGKILL in the middle of it,
#      restarts it on the same data, and looks up every application that
#      was acknowledged with 201 — in both bursts. Any acknowledged
#      application that is missing fails the script.
#
# Usage: bench/apply.sh [submissions in the throughput burst, default 3000]
# PostgreSQL: GONGKAI_BENCH_PG (or GONGKAI_TEST_PG, or /tmp/gkpg/dsn) names a
# server; a throw-away schema is created and dropped. Without one only
# SQLite runs.
# Needs: go, curl.
set -euo pipefail
N=${1:-3000}
CLIENTS=${CLIENTS:-64}
cd "$(dirname "$0")/.."
for tool in go curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d)
gk_pid=""; pg_dsn=""
cleanup() {
  [ -n "$gk_pid" ] && kill "$gk_pid" 2>/dev/null && wait "$gk_pid" 2>/dev/null || true
  [ -n "$pg_dsn" ] && "$work/applyload" drop -db "$pg_dsn" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "building gongkai and the load tool…"
go build -o "$work/gongkai" ./cmd/gongkai
go build -o "$work/applyload" ./bench/cmd/applyload

# start DATA DSN PORT: run gongkai serve in the background and wait until ready.
start() {
  local data=$1 dsn=$2 port=$3
  GONGKAI_DB="$dsn" "$work/gongkai" serve --addr "127.0.0.1:$port" --data "$data" >>"$data.out" 2>>"$data.log" &
  gk_pid=$!
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "gongkai did not start:"; tail -20 "$data.log"; exit 1
}

# run ENGINE DSN
run() {
  local engine=$1 dsn=$2
  local data="$work/$engine" port acked="$work/$engine.acked"
  port=$(free_port)
  echo "== $engine =="
  start "$data" "$dsn" "$port"
  "$work/applyload" setup -data "$data" -db "$dsn"
  local base="http://127.0.0.1:$port"
  "$work/applyload" fire -url "$base" -n 200 -c "$CLIENTS" -out "$acked" >/dev/null # warm up
  echo -n "throughput: "
  "$work/applyload" fire -url "$base" -n "$N" -c "$CLIENTS" -out "$acked"

  echo -n "kill -9 during a burst: "
  "$work/applyload" fire -url "$base" -n 1000000 -c "$CLIENTS" -out "$acked" &
  local fire_pid=$!
  sleep 2
  kill -9 "$gk_pid"; wait "$gk_pid" 2>/dev/null || true; gk_pid=""
  wait "$fire_pid" || true

  start "$data" "$dsn" "$port"
  echo -n "after restart: "
  "$work/applyload" verify -url "$base" -in "$acked" -c 16
  kill "$gk_pid"; wait "$gk_pid" 2>/dev/null || true; gk_pid=""
}

run sqlite ""

pg=${GONGKAI_BENCH_PG:-${GONGKAI_TEST_PG:-}}
[ -z "$pg" ] && [ -f /tmp/gkpg/dsn ] && pg=$(cat /tmp/gkpg/dsn)
if [ -n "$pg" ]; then
  pg_dsn=$("$work/applyload" schema -db "$pg")
  run postgres "$pg_dsn"
else
  echo "== postgres: skipped (set GONGKAI_BENCH_PG) =="
fi
