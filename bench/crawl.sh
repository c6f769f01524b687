#!/usr/bin/env bash
# bench/crawl.sh — crawl and check a generated local site with the site
# monitor's crawler (internal/monitor/crawl) and report time and memory.
#
# The site (served in the same process by net/http/httptest) has PAGES
# pages, each linking three others (3 × PAGES links), one page in 1,000
# with a typo and one in 5,000 with a broken link. Every page is fetched,
# parsed and scanned with the shipped 错别字/敏感词 list; the benchmark
# fails unless exactly the planted typos and broken links are found.
# Target (issue 5): 100,000 pages and 300,000 links in < 5 minutes with
# bounded memory. Peak RSS includes the generated site's server.
#
# Usage: bench/crawl.sh [pages, default 100000] [workers, default 8]
# Needs: go, /usr/bin/time (Debian package "time").
set -euo pipefail
PAGES=${1:-100000}
WORKERS=${2:-8}
cd "$(dirname "$0")/.."
command -v go >/dev/null || { echo "bench: go is missing" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building the benchmark…"
go test -c -o "$work/crawl.test" ./internal/monitor/crawl/

echo "crawling ${PAGES} generated pages with ${WORKERS} workers…"
/usr/bin/time -v "$work/crawl.test" -test.run '^$' -test.bench '^BenchmarkCrawlAndCheck$' -test.benchtime 1x \
  -crawl.pages "$PAGES" -crawl.workers "$WORKERS" >"$work/out" 2>"$work/time" || { cat "$work/out" "$work/time"; exit 1; }
grep -E 'pages, .* links' "$work/out" | sed 's/^ *bench_test.go:[0-9]*: //'
grep -E '^BenchmarkCrawlAndCheck' "$work/out"
wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$work/time" | awk '{print $NF}')
echo "wall clock: ${wall} (process, build excluded); peak RSS: $((rss / 1024)) MB"
secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
if awk -v s="$secs" 'BEGIN { exit !(s < 300) }'; then
  echo "target met: < 5 minutes"
else
  echo "target missed: ${secs} s >= 300 s"; exit 1
fi
