#!/usr/bin/env bash
# Annual report benchmarks (issue 4): building the report of a year from
# 100,000 applications on SQLite and on PostgreSQL (target < 0.5 s per
# build), and linting published reports (target ≥ 1,000 reports/s on one
# core). Prints the figures and writes them to bench/results/annualreport.md.
#
#   bench/report.sh                 # both engines, 20 builds each, lint 5 s
#   BUILDS=50 LINTTIME=10s bench/report.sh
#   NOTE="…" bench/report.sh        # a remark for the report's first line
#
# PostgreSQL: GONGKAI_TEST_PG names a server (a throw-away schema is made
# and dropped by the benchmark); without it a private cluster is started
# with .ci/pg.sh in a temporary directory (port GKPG_PORT, default 55442)
# and stopped at the end. Loading the 100,000 applications takes about
# 10 s on SQLite and 15–25 s on PostgreSQL; it is not timed.
# Needs: go; for a private cluster, PostgreSQL's initdb/pg_ctl.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILDS=${BUILDS:-20}
LINTTIME=${LINTTIME:-5s}
OUT=${OUT:-bench/results}
mkdir -p "$OUT"
report="$OUT/annualreport.md"
work=$(mktemp -d)
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    .ci/pg.sh stop "$pgdir" >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${GONGKAI_TEST_PG:-}" ]; then
  # Its own directory: run as root, pg.sh hands it to the postgres user,
  # who cannot enter the private $work.
  pgdir=$(mktemp -d /tmp/gk-reportbench-pg.XXXXXX)
  echo "starting a private PostgreSQL cluster in $pgdir…"
  GONGKAI_TEST_PG=$(GKPG_PORT=${GKPG_PORT:-55442} GKPG_FAST=1 .ci/pg.sh start "$pgdir")
fi
export GONGKAI_TEST_PG CI=true # CI: the PostgreSQL half may not be skipped

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "building the report over 100,000 applications ($BUILDS builds per engine)…"
go test ./internal/annualreport -run '^$' -bench 'Build100k' -benchtime "${BUILDS}x" -count 1 -v \
  2>&1 | grep -v '^=== ' | tee "$work/build.txt" || true
echo "linting the real reports and the seed ($LINTTIME, one core)…"
go test ./internal/annualreport -run '^$' -bench 'Lint' -cpu 1 -benchtime "$LINTTIME" -benchmem -count 1 \
  2>&1 | tee "$work/lint.txt" || true
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
for f in build lint; do
  grep -q '^PASS' "$work/$f.txt" || status=1
done

# field VALUE UNIT FILE LINE-PATTERN: the number before UNIT on the line.
field() { grep -E "$3" "$2" | head -1 | awk -v u="$1" '{for (i = 2; i <= NF; i++) if ($i == u) print $(i-1)}'; }
step() { grep -E "^ +build_bench_test.go:[0-9]+: $1:" "$work/build.txt" | sed -n "${2}p" | awk '{print $NF}'; }
{
  echo "> bench/report.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average $load_start at start, $load_end at the end. ${NOTE:-}"
  echo
  echo "# 年度报告基准"
  echo
  echo "## 由 100,000 件申请生成年度报告（BenchmarkBuild100k，目标 < 0.5 秒）"
  echo
  echo "数据：一个市级部门 2023–2025 年的记录——100,000 件依申请公开（六类申请人、全部答复依据、跨年结转、约 2% 一事一申请拆分件、2.5% 收费），"
  echo "每年 2,500 件主动公开文件及渠道记录，2018 年以来的行政规范性文件登记（含废止、失效、修改），行政决定登记，每年 120 件复议诉讼。"
  echo "计时的是 2024 年报告的 annualreport.Build（2023 年报告已发布并冻结表格，与 2025 年 1 月起草时相同）：表二、三、四及各部分草稿均由记录实时计算。"
  echo
  echo "| 引擎 | 每次生成（秒） | 次数 | NormativeRegister | AdminDecisionTotals | TableThreeCounts | ReviewTally | FeeTallyFor | PublicationCountsFor |"
  echo "|---|---|---|---|---|---|---|---|---|"
  n=1
  for engine in sqlite postgres; do
    line="BenchmarkBuild100k/$engine"
    pat="^$line(-[0-9]+)?[[:space:]]+[0-9]"
    row="| $engine | **$(field s/build "$work/build.txt" "$pat")** | $(grep -E "$pat" "$work/build.txt" | head -1 | awk '{print $2}') |"
    for s in NormativeRegister AdminDecisionTotals TableThreeCounts ReviewTally FeeTallyFor PublicationCountsFor; do
      row="$row $(step "$s" "$n") |"
    done
    echo "$row"
    n=$((n + 1))
  done
  echo
  echo "（各查询列为单独执行一次的墙钟时间。）"
  echo
  echo "## 年报检查（gongkai lint，BenchmarkLintReal / BenchmarkLint，单核，目标 ≥ 1,000 份/秒）"
  echo
  echo "| 输入 | 份/秒（墙钟） | 份/CPU 秒 | 每份 | 内存/份 | 分配次数/份 |"
  echo "|---|---|---|---|---|---|"
  lintrow() { # LABEL PATTERN
    echo "| $1 | **$(field reports/s "$work/lint.txt" "$2")** | **$(field reports/cpu-s "$work/lint.txt" "$2")** | $(field ns/op "$work/lint.txt" "$2") ns | $(field B/op "$work/lint.txt" "$2") B | $(field allocs/op "$work/lint.txt" "$2") |"
  }
  lintrow "testdata/lint/real 全部 $(ls internal/annualreport/testdata/lint/real/*.txt | wc -l) 份（10 份真实年报节选约 2 KB + 种子年报 9 KB），依次轮换" "^BenchmarkLintReal/mix[[:space:]]"
  lintrow "种子年报（黄石市经信局 2023，完整年报 9 KB）" "^BenchmarkLintReal/seed[[:space:]]"
  fix="^BenchmarkLint[[:space:]]"
  ns=$(field ns/op "$work/lint.txt" "$fix")
  [ -n "$ns" ] && echo "| testdata/lint/valid-2021.txt：完整的 2021 格式年报（BenchmarkLint） | $(awk -v n="$ns" 'BEGIN{printf "%.0f", 1e9/n}') | | $ns ns | $(field B/op "$work/lint.txt" "$fix") B | $(field allocs/op "$work/lint.txt" "$fix") |"
  echo
  echo "（机器为多个任务共用：墙钟速率含等待处理器的时间；“份/CPU 秒”按本进程 CPU 时间计算，接近空闲单核的速率。）"
  echo
  if [ "$status" = 0 ]; then
    echo "两项基准均达到目标（基准内以 b.Errorf 检查：生成 ≤ 0.5 秒；检查 ≥ 1,000 份/CPU 秒）。"
  else
    echo "**有基准未达到目标或失败，见下方原始输出中的 FAIL 行。**"
  fi
  echo
  echo "## 原始输出"
  echo
  echo '```'
  grep -hE '^(Benchmark|    (build|lint)_bench|--- FAIL)' "$work/build.txt" "$work/lint.txt"
  echo '```'
} | tee "$report"
echo "report: $report"
exit "$status"
