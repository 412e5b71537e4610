#!/usr/bin/env bash
# Public page throughput/latency benchmark for Viche with wrk.
#
#   bench/pages.sh [JAR]
#
# Starts the jar on a fresh data directory (embedded PostgreSQL, demo data), waits for
# /actuator/health/readiness, then for each page runs a warm-up
# `wrk -t2 -c64 -d10s` followed by the measured `wrk -t2 -c64 -d30s --latency`, and
# prints req/s and p50/p90/p99 latency per page plus the java RSS before and after.
# Finally stops the app with SIGTERM and checks the shutdown is clean.
#
# Environment: BENCH_PAGES, WRK_THREADS (2), WRK_CONNECTIONS (64), WRK_DURATION (30s),
# WRK_WARMUP (10s), BENCH_PORT (18080), JAVA_OPTS (none), BENCH_KEEP=1; see bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="target/viche-0.1.0-SNAPSHOT.jar"
for arg in "$@"; do
    case "$arg" in
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) JAR="$arg" ;;
    esac
done
[ -f "$JAR" ] || die "jar not found: ${JAR} (pass the path as the first argument)"
wait_for_wrk

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_quiet
prepare_dirs
log "# Viche public page benchmark"
log "jar:       ${JAR} ($(stat -c %s "$JAR") bytes)"
log "data dir:  ${DATA_DIR}"
log "port:      ${BENCH_PORT}"
log "JAVA_OPTS: ${JAVA_OPTS:-(none)}"
log "wrk:       $(wrk --version 2>&1 | head -n 1 || true)"
machine_info

start_app "$JAR" pages
wait_ready || exit 1
report_ready
report_memory "after readiness"

run_pages

log ""
report_memory "after the page load"
log "loadavg:   $(cat /proc/loadavg)"
status=0
stop_app || status=1
exit "$status"
