#!/usr/bin/env bash
# Geoportal benchmark: a 10,000-object layer imported as GeoJSON through the officials' import page,
# then the features API for the whole layer and for a bounding box, the nearest objects, and the map's
# list page, each from one client one request after another (latency p50/p95/p99) and from 2 clients
# (requests/s).
#
#   bench/geo.sh [JAR]
#
# Environment: GEO_OBJECTS (10000), GEO_SEED (20261207), GEO_WHOLE (30 requests of the whole layer),
# GEO_REQUESTS (500 of each of the others), and those of bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
GEO_OBJECTS="${GEO_OBJECTS:-10000}"
GEO_SEED="${GEO_SEED:-20261207}"
GEO_WHOLE="${GEO_WHOLE:-30}"
GEO_REQUESTS="${GEO_REQUESTS:-500}"
[ -f "$JAR" ] || die "jar not found: ${JAR}"

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_quiet
prepare_dirs
log "# Viche geoportal benchmark"
machine_info
start_app "$JAR" geo
wait_ready || exit 1
report_ready
report_memory "after readiness"

log ""
log "## ${GEO_OBJECTS} objects on one layer (seed ${GEO_SEED})"
log "loadavg before: $(cat /proc/loadavg)"
cpu_mark
java_bench GeoBench "http://127.0.0.1:${BENCH_PORT}" "$GEO_OBJECTS" "$GEO_SEED" "$GEO_WHOLE" "$GEO_REQUESTS"
cpu_measure
cpu_report "during the geo measurements"
log "loadavg after:  $(cat /proc/loadavg)"
log ""
report_memory "after the load"
stop_app
