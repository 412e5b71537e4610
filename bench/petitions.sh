#!/usr/bin/env bash
# Petition benchmark: signing throughput by distinct people over HTTP, then page throughput of the
# petition page with wrk.
#
#   bench/petitions.sh [JAR]
#
# Environment: SIGN_PERSONS (1000), SIGN_THREADS (64), and those of bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
SIGN_PERSONS="${SIGN_PERSONS:-1000}"
SIGN_THREADS="${SIGN_THREADS:-64}"
[ -f "$JAR" ] || die "jar not found: ${JAR}"
wait_for_wrk

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare_dirs
log "# Viche petition benchmark"
machine_info
start_app "$JAR" petitions
wait_ready || exit 1
report_ready
report_memory "after readiness"

log ""
log "## Signing (${SIGN_PERSONS} distinct people, ${SIGN_THREADS} client threads)"
out="$(java "${BENCH_DIR}/SignBench.java" "http://127.0.0.1:${BENCH_PORT}" "$SIGN_PERSONS" "$SIGN_THREADS")"
printf '%s\n' "$out" | grep -v '^PETITION_PATH='
path="$(printf '%s\n' "$out" | sed -n 's/^PETITION_PATH=//p')"

log ""
log "## Petition page"
BENCH_PAGES="$path /kropyvnytskyi/petitions /api/v1/kropyvnytskyi/petitions" run_pages
log ""
report_memory "after the load"
stop_app
