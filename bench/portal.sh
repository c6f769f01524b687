#!/usr/bin/env bash
# bench/portal.sh — load-test the public portal against nginx serving the
# same pages as static files, on loopback.
#
# For the home page, a column page and a document page of the demo data it
# runs wrk (Debian package) at 64 and 256 connections against `gongkai serve`
# and against nginx (Debian package), and prints requests/s and p99 latency
# side by side, plus gongkai's share of nginx's throughput.
# Target (issue 2): gongkai >= 50 % of nginx's req/s, p99 < 25 ms.
#
# Usage: bench/portal.sh [seconds per run, default 10]
# Needs: go, wrk, nginx, curl.
set -euo pipefail
DURATION=${1:-10}
THREADS=${THREADS:-2}
cd "$(dirname "$0")/.."
for tool in wrk nginx curl go; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk nginx curl)" >&2; exit 2; }
done

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as www-data and must read the pages
gk_pid=""; ngx_conf=""
cleanup() {
  [ -n "$gk_pid" ] && kill "$gk_pid" 2>/dev/null && wait "$gk_pid" 2>/dev/null || true
  [ -n "$ngx_conf" ] && nginx -c "$ngx_conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "building gongkai…"
go build -o "$work/gongkai" ./cmd/gongkai
gk_port=$(free_port)
"$work/gongkai" serve --addr "127.0.0.1:$gk_port" --data "$work/data" >"$work/serve.out" 2>"$work/serve.log" &
gk_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$gk_port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$gk_port/readyz" >/dev/null || { echo "gongkai did not start:"; cat "$work/serve.log"; exit 1; }

base="http://127.0.0.1:$gk_port"
home="/"
column=$(curl -fs "$base/" | grep -o 'href="/col/[a-z0-9-]*/"' | head -1 | sed 's/href="//; s/"$//')
doc=$(curl -fs "$base$column" | grep -o 'href="/doc/[0-9]*"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$column" ] && [ -n "$doc" ] || { echo "could not find a column and a document link on the demo site" >&2; exit 1; }

# The same pages as static files for nginx.
root="$work/www"; mkdir -p "$root/col" "$root/doc"
curl -fs "$base$home" >"$root/index.html"
curl -fs "$base$column" >"$root/column.html"
curl -fs "$base$doc" >"$root/document.html"
ngx_port=$(free_port)
ngx_conf="$work/nginx.conf"
cat >"$ngx_conf" <<NGX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$ngx_port;
    root $root;
    location = / { try_files /index.html =404; }
    location = /column { try_files /column.html =404; }
    location = /document { try_files /document.html =404; }
  }
}
NGX
nginx -c "$ngx_conf"
sleep 0.3

# run URL CONNS -> "req/s p99_ms"
run() {
  local out rps p99
  out=$(wrk -t"$THREADS" -c"$2" -d"${DURATION}s" --latency "$1")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  # wrk prints units (us, ms, s); normalise to ms.
  p99=$(awk -v v="$p99" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }')
  errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$rps $p99 $errs"
}

printf '\n%-9s %5s | %12s %9s | %12s %9s | %7s\n' page conns "gongkai r/s" "p99 ms" "nginx r/s" "p99 ms" "ratio"
printf -- '----------------------------------------------------------------------------\n'
for page in home column document; do
  case $page in
    home) gpath=$home; npath=/ ;;
    column) gpath=$column; npath=/column ;;
    document) gpath=$doc; npath=/document ;;
  esac
  for c in 64 256; do
    read -r grps gp99 gerr <<<"$(run "$base$gpath" "$c")"
    read -r nrps np99 nerr <<<"$(run "http://127.0.0.1:$ngx_port$npath" "$c")"
    ratio=$(awk -v a="$grps" -v b="$nrps" 'BEGIN { printf "%.0f%%", 100*a/b }')
    printf '%-9s %5s | %12s %9s | %12s %9s | %7s %s\n' "$page" "$c" "$grps" "$gp99" "$nrps" "$np99" "$ratio" "$gerr$nerr"
  done
done
echo
echo "pages: home=$home column=$column document=$doc; ${DURATION}s per run, $THREADS wrk threads, $(nproc) cores"
echo "target: gongkai >= 50% of nginx req/s and p99 < 25 ms"
