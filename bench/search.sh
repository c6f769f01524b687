#!/usr/bin/env bash
# Search at scale (issue 7): generate a corpus of realistic Chinese
# government documents, load it, time `gongkai search reindex`, and run the
# query mix by class (p50/p95/p99), then serve it and measure the API under
# concurrent load with wrk, reporting the server's peak memory.
# Not part of CI: one million documents take about ten minutes per engine.
#
#   bench/search.sh                    # SQLite, 1,000,000 documents
#   DOCS=200000 bench/search.sh        # smaller
#   PG=postgres://… bench/search.sh    # PostgreSQL (a fresh, empty database)
#   REUSE=1 bench/search.sh            # keep the loaded documents, index again
#   REUSE=1 REINDEX=0 bench/search.sh  # keep documents and index: queries only
#   NOTE="…" bench/search.sh           # a remark for the report's first line
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-1000000}
QUERIES=${QUERIES:-200}
DIR=${DIR:-/tmp/gk-searchbench}
PG=${PG:-}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"
engine=sqlite; [ -n "$PG" ] && engine=postgres
report="$OUT/search-$engine-$DOCS.md"
[ "$DOCS" = 1000000 ] && report="$OUT/search-1m-$engine.md"

go build -o /tmp/gk-searchbench-bin ./bench/searchbench
go build -o /tmp/gk-bench-server ./cmd/gongkai
args=(-docs "$DOCS" -queries "$QUERIES" -dir "$DIR")
[ -n "$PG" ] && args+=(-db "$PG")
if [ -n "${REUSE:-}" ]; then
  args+=(-reuse)
  [ "${REINDEX:-1}" = 1 ] && args+=(-reindex)
fi
{
  echo "> bench/search.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg). ${NOTE:-}"
  echo
  /tmp/gk-searchbench-bin "${args[@]}"
} | tee "$report"

# The same database behind the real server: the API under 8 connections.
if command -v wrk >/dev/null; then
  port=18097
  sargs=(serve --data "$DIR" --addr "127.0.0.1:$port" --no-demo)
  [ -n "$PG" ] && sargs+=(--db "$PG")
  /tmp/gk-bench-server "${sargs[@]}" >/tmp/gk-bench-server.log 2>&1 &
  spid=$!
  trap 'kill $spid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  cat > /tmp/gk-search.lua <<'LUA'
local words = {"政府", "信息", "公开", "工作", "管理", "服务", "发展", "企业", "建设", "单位", "通知", "安全", "资金", "项目"}
local function enc(s) return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
math.randomseed(7)
request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local order = (math.random(2) == 1) and "&order=rel" or ""
  return wrk.format("GET", "/api/v1/search?limit=10&q=" .. enc(a) .. "%20" .. enc(b) .. order)
end
LUA
  {
    echo
    echo "## API under load (wrk, 2 threads, 8 connections, 30 s, common-word queries, half by relevance)"
    echo '```'
    wrk -t2 -c8 -d30s --latency -s /tmp/gk-search.lua "http://127.0.0.1:$port" | sed -n '1,20p'
    echo '```'
    echo "server peak memory (VmHWM): $(grep VmHWM /proc/$spid/status | awk '{print $2/1024 " MiB"}'); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  } | tee -a "$report"
fi
echo "report: $report"
