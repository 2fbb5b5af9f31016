#!/usr/bin/env bash
# HTTP benchmarks of shop-app's read paths with wrk, against a running `./kurashi up`.
# Benchmarks, not tests: the figures go to the terminal (and bench/results/ when asked), nothing asserts them.
#
#   ./kurashi up --detach
#   bench/http.sh [--duration 20s] [--connections 16] [--save] [PATH...]
#
# Every path is measured against /q/health/live of the same shop-app in the same run (measured first and
# last; "share" divides by their mean), so the figures compare across machines and across busy moments
# (docs/benchmarks.md). Needs wrk (Debian: apt-get install wrk). Loopback only; every run is bounded by --duration.
set -euo pipefail

base=${KURASHI_URL:-http://localhost:8080}
duration=20s
connections=16
save=false
custom=()
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --save) save=true; shift ;;
    /*) custom+=("$1"); shift ;;
    *) echo "usage: bench/http.sh [--duration 20s] [--connections N] [--save] [PATH...]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
curl -fsS "$base/q/health/ready" >/dev/null || { echo "shop-app is not ready at $base: run ./kurashi up --detach" >&2; exit 1; }

# An article that exists (the seed's slugs carry the season).
article=$(curl -fsS "$base/api/v1/articles?limit=1" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
# The issue-10 target rows: product API, lists and pages, article detail, searches (Japanese, English, full width).
paths=(
  "/api/v1/products/mug-milk"
  "/api/v1/products?limit=20"
  "/api/v1/articles/$article"
  "/api/v1/articles?limit=20"
  "/products/mug-milk"
  "/categories/tableware"
  "/articles/$article"
  "/"
  "/api/v1/search?q=%E3%83%9E%E3%82%B0"
  "/api/v1/search?q=mug"
  "/api/v1/search?q=%EF%BD%8D%EF%BD%95%EF%BD%87"
)
if [ ${#custom[@]} -gt 0 ]; then paths=("${custom[@]}"); fi

out=/dev/null
if [ "$save" = true ]; then
  mkdir -p "$(dirname "$0")/results"
  out="$(dirname "$0")/results/http-$(date -u +%Y%m%dT%H%M%SZ).txt"
fi

# Prints "req/s p50 p90 p99 non2xx" of one path.
measure() {
  local report
  # warm-up, so the JIT and the caches are not what is measured
  wrk -t2 -c4 -d3s "$base$1" >/dev/null
  report=$(wrk -t2 -c"$connections" -d"$duration" --latency "$base$1")
  awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="90%" {p90=$2} $1=="99%" {p99=$2}
       /Non-2xx/ {bad=$NF} END {print rps, p50, p90, p99, (bad == "" ? 0 : bad)}' <<<"$report"
}

echo "# $(date -u +%FT%TZ) $base wrk -t2 -c$connections -d$duration, $(nproc) cores" | tee -a "$out"
read -r live_before _ <<<"$(measure /q/health/live)"
results=()
for path in "${paths[@]}"; do
  results+=("$path $(measure "$path")")
done
read -r live_after _ <<<"$(measure /q/health/live)"
live=$(awk -v a="$live_before" -v b="$live_after" 'BEGIN {printf "%.0f", (a + b) / 2}')

printf '%-46s %10s %7s %9s %9s %9s %s\n' "path" "req/s" "share" "p50" "p90" "p99" "" | tee -a "$out"
printf '%-46s %10s %7s   (first %s, last %s)\n' "/q/health/live" "$live" "1.000" "$live_before" "$live_after" | tee -a "$out"
for row in "${results[@]}"; do
  read -r path rps p50 p90 p99 bad <<<"$row"
  share=$(awk -v r="$rps" -v l="$live" 'BEGIN {printf "%.3f", (l > 0 ? r / l : 0)}')
  note=""
  [ "$bad" != 0 ] && note="non-2xx: $bad"
  printf '%-46s %10s %7s %9s %9s %9s %s\n' "$path" "$rps" "$share" "$p50" "$p90" "$p99" "$note" | tee -a "$out"
done

pid_file="$(dirname "$0")/../.kurashi/pids/shop-app.pid"
if [ -f "$pid_file" ]; then
  rss=$(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$(cat "$pid_file")/status" 2>/dev/null || true)
  echo "shop-app RSS after the run: ${rss:-unknown}" | tee -a "$out"
fi
