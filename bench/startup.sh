#!/usr/bin/env bash
# Start-up benchmark for Viche with the embedded PostgreSQL.
#
#   bench/startup.sh [JAR] [--with-pages] [--cds]
#
# (a) first start on an empty data directory (initdb + Flyway migrations + demo data),
# (b) second start on the same data directory.
# For each start: seconds from `java -jar` to HTTP 200 on /actuator/health/readiness,
# java VmRSS after readiness, then SIGTERM and a check that the JVM exits normally and
# that no postgres process with the data directory in its command line is left.
# With --with-pages the page load of bench/pages.sh is run on the second start and the
# RSS is printed again after it. With --cds the jar is started as bin/viche starts it: extracted, with
# a class data sharing archive (decision 0040); the archive is made once before the measurements
# (not timed; bin/viche keeps it next to the jar).
#
# Environment: BENCH_PORT (18080), BENCH_READY_TIMEOUT (180), BENCH_STOP_TIMEOUT (60),
# JAVA_OPTS (the deployment settings of README.md), BENCH_QUIET_TIMEOUT (900), BENCH_ATTEMPTS (3: the pair of starts is
# repeated on a new data directory while other processes take >= 10 % of the CPU),
# BENCH_KEEP=1 keeps logs and data; see bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="target/viche-0.1.0-SNAPSHOT.jar"
WITH_PAGES=0
CDS=0
for arg in "$@"; do
    case "$arg" in
        --with-pages) WITH_PAGES=1 ;;
        --cds) CDS=1 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) JAR="$arg" ;;
    esac
done
[ -f "$JAR" ] || die "jar not found: ${JAR} (pass the path as the first argument)"
if [ "$CDS" = "1" ]; then
    log "preparing class data sharing (bin/viche --prepare; once per jar)"
    BENCH_JAVA_COMMAND="$(VICHE_JAR="$JAR" VICHE_JVM="$JAVA_OPTS" "${BENCH_DIR}/../bin/viche" --prepare)" \
        || die "bin/viche --prepare failed"
    export BENCH_JAVA_COMMAND
fi
if [ "$WITH_PAGES" = "1" ]; then wait_for_wrk; fi

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ATTEMPTS="${BENCH_ATTEMPTS:-3}"
attempt=1
while :; do
    wait_quiet
    prepare_dirs
    log "# Viche start-up benchmark (attempt ${attempt} of at most ${ATTEMPTS})"
    log "jar:       ${JAR} ($(stat -c %s "$JAR") bytes)"
    log "data dir:  ${DATA_DIR}"
    log "port:      ${BENCH_PORT}"
    log "JAVA_OPTS: ${JAVA_OPTS:-(none)}"
    log "command:   ${BENCH_JAVA_COMMAND:-java \$JAVA_OPTS -jar ${JAR}}"
    machine_info
    status=0

    log ""
    log "## (a) first start, empty data directory (initdb + migrations + demo data)"
    start_app "$JAR" first-start
    cpu_mark
    wait_ready || exit 1
    FIRST_READY="$READY_SECONDS"
    report_ready
    cpu_report "from launch to ready"
    FIRST_OTHER="$CPU_OTHER_PCT"
    report_memory "after readiness (first start)"
    stop_app || status=1
    FIRST_STOP="$STOP_SECONDS"

    log ""
    log "## (b) second start, same data directory"
    wait_quiet
    start_app "$JAR" second-start
    cpu_mark
    wait_ready || exit 1
    SECOND_READY="$READY_SECONDS"
    report_ready
    cpu_report "from launch to ready"
    SECOND_OTHER="$CPU_OTHER_PCT"
    report_memory "after readiness (second start)"
    if [ "$WITH_PAGES" = "1" ]; then
        run_pages
        report_memory "after the page load (second start)"
    fi
    stop_app || status=1
    SECOND_STOP="$STOP_SECONDS"

    if { [ "$FIRST_OTHER" -lt 10 ] && [ "$SECOND_OTHER" -lt 10 ]; } || [ "$attempt" -ge "$ATTEMPTS" ]; then
        break
    fi
    log ""
    log "other processes took ${FIRST_OTHER}% / ${SECOND_OTHER}% of the CPU during the starts: measuring again on a new data directory"
    log ""
    if [ "${BENCH_KEEP:-0}" != "1" ]; then rm -rf "$WORK_DIR"; fi
    attempt=$(( attempt + 1 ))
done

log ""
log "## Summary"
distorted() { if [ "$1" -ge 10 ]; then printf '; DISTORTED: other processes took %s%% CPU' "$1"; fi; }
log "first start to ready:  ${FIRST_READY} s (budget <= 20 s)$(distorted "$FIRST_OTHER")"
log "second start to ready: ${SECOND_READY} s (budget <= 10 s)$(distorted "$SECOND_OTHER")"
log "SIGTERM to exit:       ${FIRST_STOP} s (first), ${SECOND_STOP} s (second)"
if [ "$status" -eq 0 ]; then
    log "shutdowns: clean (JVM exited on SIGTERM, embedded PostgreSQL stopped)"
else
    log "shutdowns: NOT clean (see the Shutdown lines above)"
fi
exit "$status"
