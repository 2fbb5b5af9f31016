#!/usr/bin/env bash
# HTTP benchmarks of shop-app's read paths with wrk, against a running `./kurashi up`.
# Benchmarks, not tests: the figures go to the terminal (and bench/results/ when asked), nothing asserts them.
#
#   ./kurashi up --detach
#   bench/http.sh [--duration 20s] [--connections 16] [--save]
#
# Needs wrk (Debian: apt-get install wrk). Loopback only; every run is bounded by --duration.
set -euo pipefail

base=${KURASHI_URL:-http://localhost:8080}
duration=20s
connections=16
save=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --save) save=true; shift ;;
    *) echo "usage: bench/http.sh [--duration 20s] [--connections N] [--save]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
curl -fsS "$base/q/health/ready" >/dev/null || { echo "shop-app is not ready at $base: run ./kurashi up --detach" >&2; exit 1; }

# One path each: a catalog page, a product, a Japanese and a width-variant search, an article, a storefront page.
paths=(
  "/api/v1/products?limit=20"
  "/api/v1/products/mug-milk"
  "/api/v1/search?q=%E3%83%9E%E3%82%B0"
  "/api/v1/search?q=%EF%BD%8D%EF%BD%95%EF%BD%87"
  "/api/v1/articles?limit=20"
  "/products/mug-milk"
)

out=/dev/null
if [ "$save" = true ]; then
  mkdir -p "$(dirname "$0")/results"
  out="$(dirname "$0")/results/http-$(date -u +%Y%m%dT%H%M%SZ).txt"
fi

printf '%-52s %10s %10s %10s %10s\n' "path" "req/s" "p50" "p90" "p99" | tee -a "$out"
for path in "${paths[@]}"; do
  # warm-up, so the JIT and the caches are not what is measured
  wrk -t2 -c4 -d3s "$base$path" >/dev/null
  report=$(wrk -t2 -c"$connections" -d"$duration" --latency "$base$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
  p50=$(awk '$1=="50%" {print $2}' <<<"$report")
  p90=$(awk '$1=="90%" {print $2}' <<<"$report")
  p99=$(awk '$1=="99%" {print $2}' <<<"$report")
  non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$report")
  printf '%-52s %10s %10s %10s %10s %s\n' "$path" "$rps" "$p50" "$p90" "$p99" "${non2xx:+non-2xx: $non2xx}" | tee -a "$out"
done
