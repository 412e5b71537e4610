#!/usr/bin/env bash
# CNAP queue benchmark: catalogue import, free-slot lookup latency over a 21-day horizon (500 services,
# 41 workplaces), and 1,000 people booking 10 slots at once over HTTP.
#
#   bench/queue.sh [JAR]
#
# Environment: BOOK_PERSONS (1000), BOOK_THREADS (64), SLOT_LOOKUPS (2000), and those of bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
BOOK_PERSONS="${BOOK_PERSONS:-1000}"
BOOK_THREADS="${BOOK_THREADS:-64}"
SLOT_LOOKUPS="${SLOT_LOOKUPS:-2000}"
[ -f "$JAR" ] || die "jar not found: ${JAR}"

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare_dirs
log "# Viche CNAP queue benchmark"
machine_info
start_app "$JAR" queue
wait_ready || exit 1
report_ready
report_memory "after readiness"

log ""
log "## Catalogue, free slots, contention (${BOOK_PERSONS} distinct people, ${BOOK_THREADS} client threads)"
java_bench QueueBench "http://127.0.0.1:${BENCH_PORT}" "$BOOK_PERSONS" "$BOOK_THREADS" "$SLOT_LOOKUPS"
log ""
report_memory "after the load"
stop_app
