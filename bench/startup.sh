#!/usr/bin/env bash
# Start-up benchmark of shop-app alone: starts one more shop-app (port 8090 unless told) against the devstack
# of a running `./kurashi up`, prints the time until /q/health/ready answers 200 and its RSS once idle, then
# stops it. Benchmark, not test: nothing asserts the figures (docs/benchmarks.md).
#
#   ./kurashi up --detach && bench/startup.sh [--port 8090] [--runs 3]
#
# KURASHI_APP_JAVA_OPTS applies as in ./kurashi (and so does the AOT cache ./kurashi keeps, see docs/benchmarks.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=8090
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/startup.sh [--port N] [--runs N]" >&2; exit 2 ;;
  esac
done
props=$root/.kurashi/devstack/quarkus.properties
[ -f "$props" ] || { echo "no devstack: run ./kurashi up --detach first" >&2; exit 1; }
# shellcheck source=../scripts/java-home.sh
source "$root/scripts/java-home.sh"
java=$(kurashi_java_home)/bin/java
config=()
while IFS= read -r line; do config+=("-D$line"); done < <(grep -v -E '^[[:space:]]*([#!]|$)' "$props" | sed -e 's/\\\(.\)/\1/g')
read -r -a opts <<<"${KURASHI_APP_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
aot=()
if [ -s "$root/shop-app/target/quarkus-app/app.aot" ] && [ "${KURASHI_AOT:-on}" != off ]; then
  aot=(-XX:AOTCache="$root/shop-app/target/quarkus-app/app.aot")
fi

for run in $(seq "$runs"); do
  start=$(date +%s%N)
  "$java" "${opts[@]}" "${aot[@]+"${aot[@]}"}" -Dquarkus.profile=dev "${config[@]}" -Dquarkus.http.port="$port" \
    -Dkurashi.node-name=startup-bench -jar "$root/shop-app/target/quarkus-app/quarkus-run.jar" \
    >"/tmp/kurashi-startup-$run.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null --max-time 1 "http://localhost:$port/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "shop-app exited; see /tmp/kurashi-startup-$run.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$((($(date +%s%N) - start) / 1000000))
  sleep 10
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  echo "run $run: ready after ${ready_ms} ms, RSS idle ${rss} MB (AOT cache: ${aot[*]:-none})"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
