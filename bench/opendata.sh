#!/usr/bin/env bash
# Open-data portal benchmark: the register filled up to OPENDATA_DATASETS published datasets through
# the management pages (form + CSV upload each), then CKAN's package_search (a harvester's pages, a word
# with Ukrainian morphology, an incremental harvest by metadata_modified, facets), package_list and the
# DCAT-AP 3.0 catalogue (Turtle, JSON-LD, RDF/XML), each from one client one request after another
# (latency p50/p95/p99) and from 2 clients (requests/s).
#
#   bench/opendata.sh [JAR]
#
# Environment: OPENDATA_DATASETS (1000), OPENDATA_SEED (20261207), OPENDATA_REQUESTS (300 of each
# package_search), OPENDATA_CATALOGUES (30 of each catalogue syntax), and those of bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
OPENDATA_DATASETS="${OPENDATA_DATASETS:-1000}"
OPENDATA_SEED="${OPENDATA_SEED:-20261207}"
OPENDATA_REQUESTS="${OPENDATA_REQUESTS:-300}"
OPENDATA_CATALOGUES="${OPENDATA_CATALOGUES:-30}"
[ -f "$JAR" ] || die "jar not found: ${JAR}"

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_quiet
prepare_dirs
log "# Viche open-data portal benchmark"
machine_info
start_app "$JAR" opendata
wait_ready || exit 1
report_ready
report_memory "after readiness"

log ""
log "## ${OPENDATA_DATASETS} published datasets in Kropyvnytskyi (seed ${OPENDATA_SEED})"
log "loadavg before: $(cat /proc/loadavg)"
cpu_mark
java_bench OpendataBench "http://127.0.0.1:${BENCH_PORT}" "$OPENDATA_DATASETS" "$OPENDATA_SEED" "$OPENDATA_REQUESTS" "$OPENDATA_CATALOGUES"
cpu_measure
cpu_report "during the filling and the measurements"
log "loadavg after:  $(cat /proc/loadavg)"
log ""
report_memory "after the load"
stop_app
