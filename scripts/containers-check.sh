#!/usr/bin/env bash
# Proves the container path on a machine whose Docker engine cannot pull any image (the build machines,
# CI): builds every image locally, runs compose.yaml with `docker compose up --wait`, drives a smoke run
# through the stack, then `docker compose down -v` and checks nothing is left behind. Runs as root on
# Debian; called by .ci/run. docs/adr/1401-containers-without-a-registry.md explains the choices.
#
#   bash scripts/containers-check.sh                 # everything (about 11 minutes cold, 5 warm)
#   bash scripts/containers-check.sh --images-only   # stop after building the images
#
# Environment (optional):
#   KURASHI_CONTAINERS_CACHE   where the Debian root and build contexts live (/var/cache/kurashi-containers)
#   KURASHI_CONTAINERS_TESTS   "false" skips the Testcontainers tests (./mvnw -Pcontainers verify)
#   KURASHI_CONTAINERS_PORTS_OFFSET  added to every published host port (default 0: those of ./kurashi up),
#                              so the check can run beside a ./kurashi up
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${KURASHI_CONTAINERS_CACHE:-/var/cache/kurashi-containers}
PROJECT=kurashi-check
# The docker.io client: BuildKit built in (DOCKER_BUILDKIT=1), so no buildx plugin is needed.
DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1
APPS=(shop-app queue-worker batch-worker)
WIREMOCK_VERSION=3.13.2
STARTED=$SECONDS

cd "$ROOT"
# shellcheck source=scripts/java-home.sh
source scripts/java-home.sh

say() { printf '[containers-check %4ss] %s\n' "$((SECONDS - STARTED))" "$*"; }
die() {
  printf '[containers-check] FAILED: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------
# The engine and Compose v2 (Debian packages; Compose v2 is in trixie only, pinned so nothing else moves)

install_packages() {
  local missing=()
  [[ -x /usr/sbin/dockerd && -x $DOCKER ]] || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]} > 0)); then
    say "installing ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if ! $DOCKER compose version >/dev/null 2>&1; then
    say "installing docker-compose (v2) from Debian trixie, pinned below bookworm"
    cat >/etc/apt/sources.list.d/kurashi-trixie.sources <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' >/etc/apt/preferences.d/kurashi-trixie
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -t trixie docker-compose
  fi
}

start_engine() {
  if $DOCKER info >/dev/null 2>&1; then return; fi
  say "starting dockerd (log: /var/log/kurashi-dockerd.log)"
  setsid /usr/sbin/dockerd >/var/log/kurashi-dockerd.log 2>&1 </dev/null &
  for _ in {1..60}; do
    $DOCKER info >/dev/null 2>&1 && return
    sleep 1
  done
  tail -n 20 /var/log/kurashi-dockerd.log >&2
  die "dockerd did not start"
}

# ---------------------------------------------------------------------------------------------
# Images: a Debian trixie root (debootstrap, cached by tag), the stand-ins, the three apps

has_image() { $DOCKER image inspect "$1" >/dev/null 2>&1; }

base_image() {
  if has_image kurashi-ci/trixie:base; then return; fi
  say "debootstrap trixie (minbase, about 2 minutes)"
  local dir=$CACHE/trixie-root
  rm -rf "$dir"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase trixie "$dir" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 ||
    { tail -n 20 "$CACHE/debootstrap.log" >&2; die "debootstrap failed"; }
  tar -C "$dir" -c . | $DOCKER import - kurashi-ci/trixie:base >/dev/null
  rm -rf "$dir"
}

# Jars the images copy are built here: HTTPS from inside a container to Maven Central fails on these
# machines. Skipped when the fast-jars hold the demo data (-Pdemo) and are newer than every source.
host_jars() {
  local stale="" app
  for app in "${APPS[@]}"; do
    [[ -f $app/target/quarkus-app/quarkus-run.jar ]] || stale="$app has no fast-jar"
  done
  [[ -d devstack/target/lib ]] || stale="devstack/target/lib is missing"
  # compose's shop-app seeds the demo data, which only a -Pdemo package holds (ADR 1501)
  compgen -G "shop-app/target/quarkus-app/lib/main/dev.kurashi.kurashi-demo-data-*.jar" >/dev/null ||
    stale="shop-app was packaged without the demo data"
  if [[ -z $stale ]]; then
    stale=$(find pom.xml devstack core demo-data storefront-layout reading-app "${APPS[@]}" -name target -prune -o -type f \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer shop-app/target/quarkus-app/quarkus-run.jar -print -quit)
  fi
  if [[ -n $stale ]]; then
    say "building the jars on the host ($stale)"
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Pdemo package \
      -pl devstack,shop-app,queue-worker,batch-worker -am
  fi
  local jar=$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar
  if [[ ! -f $jar ]]; then
    ./mvnw -B -q dependency:get -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" -Dtransitive=false
  fi
  WIREMOCK_JAR=$jar
}

# Build contexts outside the repository (its .dockerignore leaves out target/).
prepare_contexts() {
  local ctx=$CACHE/context app
  rm -rf "$ctx"
  mkdir -p "$ctx/standins/devstack" "$ctx/jars/src"
  cp compose/standins/Dockerfile compose/standins/postgres-entrypoint.sh "$ctx/standins/"
  cp -r devstack/target/classes devstack/target/lib "$ctx/standins/devstack/"
  cp "$WIREMOCK_JAR" "$ctx/standins/wiremock-standalone.jar"
  for app in "${APPS[@]}"; do
    mkdir -p "$ctx/jars/src/$app/target"
    cp -r "$app/target/quarkus-app" "$ctx/jars/src/$app/target/"
  done
  printf 'FROM scratch\nCOPY src/ /src/\n' >"$ctx/jars/Dockerfile"
}

build() {
  local tag=$1 log
  shift
  log=$CACHE/build-${tag//[\/:]/-}.log
  if ! $DOCKER build --progress=plain -t "$tag" "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "docker build of $tag failed (log: $log)"
  fi
}

build_images() {
  local ctx=$CACHE/context/standins target app
  say "building the JRE and stand-in images (cached layers after the first run)"
  build kurashi-ci/jre:21 --target jre "$ctx"
  for target in postgres opensearch elasticmq oidc sink jaeger; do
    build "kurashi-ci/$target:local" --target "$target" "$ctx"
  done
  say "building the app images from ./Dockerfile with the host's jars"
  build kurashi-ci/jars:local "$CACHE/context/jars"
  for app in "${APPS[@]}"; do
    build "kurashi-$app:local" --build-arg APP="$app" --build-arg RUNTIME_IMAGE=kurashi-ci/jre:21 \
      --build-arg APP_SOURCE=kurashi-ci/jars:local .
  done
}

# compose.yaml's third-party images, replaced by the stand-ins.
export POSTGRES_IMAGE=kurashi-ci/postgres:local
export OPENSEARCH_IMAGE=kurashi-ci/opensearch:local
export ELASTICMQ_IMAGE=kurashi-ci/elasticmq:local
export OIDC_IMAGE=kurashi-ci/oidc:local
export SINK_IMAGE=kurashi-ci/sink:local
export JAEGER_IMAGE=kurashi-ci/jaeger:local

# Published host ports (compose.yaml's defaults are ./kurashi up's), moved by KURASHI_CONTAINERS_PORTS_OFFSET.
OFFSET=${KURASHI_CONTAINERS_PORTS_OFFSET:-0}
export POSTGRES_PORT=$((15432 + OFFSET)) OPENSEARCH_PORT=$((9200 + OFFSET)) ELASTICMQ_PORT=$((9324 + OFFSET))
export OIDC_PORT=$((8180 + OFFSET)) SINK_PORT=$((8025 + OFFSET)) JAEGER_UI_PORT=$((16686 + OFFSET))
export SHOP_APP_PORT=$((8080 + OFFSET)) QUEUE_WORKER_1_PORT=$((8081 + OFFSET)) QUEUE_WORKER_2_PORT=$((8082 + OFFSET))
export BATCH_WORKER_1_PORT=$((8083 + OFFSET)) BATCH_WORKER_2_PORT=$((8084 + OFFSET))
SHOP=http://localhost:$SHOP_APP_PORT

compose() { $DOCKER compose -p "$PROJECT" -f compose.yaml "$@"; }

# ---------------------------------------------------------------------------------------------
# The smoke run: what a developer would do first with the stack

http() { curl -fsS --max-time 15 "$@"; }

# Retries a command for up to $1 seconds; prints the last output.
eventually() {
  local timeout=$1 deadline out
  shift
  deadline=$((SECONDS + timeout))
  while :; do
    if out=$("$@" 2>&1); then
      printf '%s\n' "$out"
      return 0
    fi
    ((SECONDS < deadline)) || { printf '%s\n' "$out" >&2; return 1; }
    sleep 2
  done
}

token() {
  http -u kurashi-mobile:any -d grant_type=client_credentials -d "user=$1" "${@:2}" \
    http://localhost:$OIDC_PORT/kurashi/token | jq -er .access_token
}

search_finds() {
  local q=$1 slug=$2
  http -G --data-urlencode "q=$q" --data type=product "$SHOP/api/v1/search" |
    jq -e --arg slug "$slug" '[.products[].slug] | index($slug) != null' >/dev/null
}

japanese_search() {
  local answer
  answer=$(http -G --data-urlencode 'q=マグ' --data type=product "$SHOP/api/v1/search") || return 1
  jq -e '.degraded == false and (.products | length) > 0 and (.products[0].name | contains("マグ"))' \
    <<<"$answer" >/dev/null || { printf '%s\n' "$answer"; return 1; }
  printf '%s\n' "$answer"
}

mail_to_sink() {
  http http://localhost:$SINK_PORT/__admin/requests |
    jq -e '[.requests[] | select(.request.url | startswith("/ses/"))] | length > 0' >/dev/null
}

smoke() {
  local port slug first staff customer sku order name
  for port in "$SHOP_APP_PORT" "$QUEUE_WORKER_1_PORT" "$QUEUE_WORKER_2_PORT" "$BATCH_WORKER_1_PORT" \
    "$BATCH_WORKER_2_PORT"; do
    http -o /dev/null "http://localhost:$port/q/health/ready" || die "app on port $port is not ready"
  done
  say "smoke: all five apps ready"

  first=$(http "$SHOP/api/v1/products?limit=1" | jq -er '.items[0].slug')
  http "$SHOP/api/v1/products/$first" | jq -e '.skus | length > 0' >/dev/null ||
    die "product $first has no SKUs"
  say "smoke: product $first"

  # The seeded catalog is Japanese; the search engine answers (degraded: false) with at least one hit.
  # The first queries after start may time out on a busy machine and fall back to SQL: retried.
  local japanese
  japanese=$(eventually 120 japanese_search) || die "Japanese search for マグ: $japanese"
  say "smoke: Japanese search マグ → $(jq -r '[.products[:5][].name] | join(", ")' <<<"$japanese")"

  staff=$(token smoke-staff -d staff=true) || die "no staff token from the OIDC stand-in"
  slug="smoke-$(date +%s)"
  name="燭台スモーク$(date +%s)"
  http -o /dev/null -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' \
    --data "$(jq -n --arg slug "$slug" --arg name "$name" '{slug: $slug, name: $name, brand: "Kurashi",
      description: "スモークテストの燭台", category: "mugs-cups", taxRate: 10, images: [],
      skus: [{sku: ($slug | ascii_upcase), label: "One", priceJpy: 1200}]}')" \
    "$SHOP/api/v1/admin/products" || die "staff could not create a product"
  eventually 180 search_finds "$name" "$slug" >/dev/null || die "the staff's new product $slug never became searchable"
  say "smoke: staff product $slug searchable as $name"

  customer=$(token smoke-customer) || die "no customer token"
  sku=$(http "$SHOP/api/v1/products/$first" | jq -er '[.skus[] | select(.available)][0].sku')
  http -o /dev/null -X PUT -H "Authorization: Bearer $customer" -H 'Content-Type: application/json' \
    --data '{"quantity":1}' "$SHOP/api/v1/cart/items/$sku" || die "could not fill the cart"
  order=$(http -H "Authorization: Bearer $customer" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: smoke-$(date +%s%N)" \
    --data '{"shippingAddress":{"name":"山田 花子","postalCode":"150-0001","prefecture":"東京都","city":"渋谷区","line1":"神宮前1-1-1","phone":"03-1234-5678"},"payment":{"method":"konbini"}}' \
    "$SHOP/api/v1/orders" | jq -er .id) || die "could not place an order"
  eventually 180 mail_to_sink >/dev/null || die "the mail of order $order never reached the sink"
  say "smoke: order $order placed, its mail reached the sink"
}

# ---------------------------------------------------------------------------------------------
# Testcontainers: module containers-it (profile `containers`) with the same images. Nothing may make it pull:
# its start-up checks run an alpine image (TESTCONTAINERS_CHECKS_DISABLE), and on a machine that is itself a
# container it runs alpine to find the Docker host (TESTCONTAINERS_HOST_OVERRIDE: the engine is local). Ryuk,
# its reaper, is an image too: containers-it's pom turns it off; the tests stop their own containers, checked
# below.

testcontainers() {
  say "Testcontainers tests: ./mvnw -Pcontainers -pl containers-it verify (the same images)"
  TESTCONTAINERS_CHECKS_DISABLE=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
    ./mvnw -B -q -Pcontainers -pl containers-it verify -Dspotless.check.skip=true \
    -Dkurashi.image.postgres="$POSTGRES_IMAGE" -Dkurashi.image.opensearch="$OPENSEARCH_IMAGE" \
    -Dkurashi.image.shop-app=kurashi-shop-app:local ||
    die "the Testcontainers tests failed (containers-it/target/surefire-reports)"
  local left
  left=$(testcontainers_leftovers)
  [[ -z $left ]] || die "Testcontainers left behind: $left"
  say "Testcontainers tests passed; nothing left behind"
}

testcontainers_leftovers() {
  {
    $DOCKER ps -aq --filter label=org.testcontainers=true
    $DOCKER network ls -q --filter label=org.testcontainers=true
  } | sort -u
}

# After a failure: what the Testcontainers containers said last, then remove them and their networks (without
# Ryuk nothing else would when the test JVM died or a test failed before stopping them).
remove_testcontainers_leftovers() {
  local id
  for id in $($DOCKER ps -aq --filter label=org.testcontainers=true); do
    printf -- '--- Testcontainers container %s (%s), last log lines:\n' "$id" \
      "$($DOCKER inspect -f '{{.Config.Image}} {{.State.Status}}' "$id" 2>/dev/null)" >&2
    $DOCKER logs --tail 60 "$id" >&2 2>&1 || true
    $DOCKER rm -f -v "$id" >/dev/null 2>&1 || true
  done
  for id in $($DOCKER network ls -q --filter label=org.testcontainers=true); do
    $DOCKER network rm "$id" >/dev/null 2>&1 || true
  done
}

# ---------------------------------------------------------------------------------------------

leftovers() {
  local label=com.docker.compose.project=$PROJECT
  {
    $DOCKER ps -aq --filter "label=$label"
    $DOCKER network ls -q --filter "label=$label"
    $DOCKER volume ls -q --filter "label=$label"
  } | sort -u
}

down() {
  compose down -v --remove-orphans --timeout 40 >"$CACHE/compose-down.log" 2>&1 || true
}

# After a failure with the stack up: every service's state, the last 100 log lines of each service that is
# not running and healthy (the last 15 of the others), then `down -v`.
diagnose_compose() {
  local service state health
  compose ps -a >&2 || true
  while read -r service state health; do
    if [[ $state == running && ${health:-healthy} == healthy ]]; then
      printf -- '--- %s (%s), last 15 log lines:\n' "$service" "$state" >&2
      compose logs --no-color --tail 15 "$service" 2>&1 | sed $'s/\e\\[[0-9;]*[A-Za-z]//g' >&2 || true
    else
      printf -- '--- %s (%s %s), last 100 log lines:\n' "$service" "$state" "${health:-}" >&2
      compose logs --no-color --tail 100 "$service" 2>&1 | sed $'s/\e\\[[0-9;]*[A-Za-z]//g' >&2 || true
    fi
  done < <(compose ps -a --format '{{.Service}} {{.State}} {{.Health}}' 2>/dev/null | sort)
}

on_exit() {
  local status=$?
  if ((status != 0)); then
    if [[ ${UP:-} == 1 ]]; then
      diagnose_compose
      down
      [[ -z $(leftovers) ]] || printf '[containers-check] left behind after down -v: %s\n' "$(leftovers)" >&2
    fi
    remove_testcontainers_leftovers
  fi
  exit "$status"
}

main() {
  JAVA_HOME=$(kurashi_java_home)
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
  command -v jq >/dev/null || { apt-get update -q && apt-get install -y -q jq; }
  install_packages
  start_engine
  trap on_exit EXIT
  base_image
  host_jars
  prepare_contexts
  build_images
  if [[ ${1:-} == --images-only ]]; then
    say "images built"
    return
  fi
  [[ -z $(leftovers) ]] || down

  say "docker compose up --wait (the stand-ins, shop-app, 2 queue-workers, 2 batch-workers)"
  UP=1
  compose up --wait --no-build --pull never --quiet-pull >"$CACHE/compose-up.log" 2>&1 ||
    { cat "$CACHE/compose-up.log" >&2; die "docker compose up --wait failed"; }
  say "stack healthy"
  compose ps --format '{{.Service}}: {{.Status}}' | sort | sed 's/^/  /'
  smoke

  say "docker compose down -v"
  down
  UP=0
  local left
  left=$(leftovers)
  [[ -z $left ]] || die "left behind after down -v: $left"
  say "nothing left behind (containers, networks, volumes of project $PROJECT)"

  if [[ ${KURASHI_CONTAINERS_TESTS:-true} == true ]]; then
    testcontainers
  fi
  say "PASSED in $((SECONDS - STARTED)) s"
}

main "$@"
