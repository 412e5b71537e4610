#!/usr/bin/env bash
# Archive search benchmark: synthetic Ukrainian archive pages indexed by Lucene with the application's
# Ukrainian analyzer and by PostgreSQL full-text search ('simple'), indexing rate, search latency over
# a query mix and whether inflected queries find their pages. Runs outside the application (see
# bench/README.md, "Archive search"); needs the Maven dependencies (./mvnw -o) and the JDK.
#
#   bench/archive.sh [PAGES...]        (default: 100000 1000000)
#
# Environment: ARCHIVE_HEAP (4g), ARCHIVE_THREADS (2), ARCHIVE_QUERIES (2000), ARCHIVE_WARMUP (200),
# ARCHIVE_LIMIT (300: seconds per measured query run), ARCHIVE_SEED (20261124),
# ARCHIVE_ENGINES (lucene,pg), ARCHIVE_RESULTS (bench/results/<date>-archive.txt),
# BENCH_QUIET_TIMEOUT and BENCH_KEEP of bench/lib.sh. Data goes to a directory under ${TMPDIR:-/tmp},
# removed afterwards: about 6 GiB (Lucene) + 13 GiB (PostgreSQL) at 1,000,000 pages.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${BENCH_DIR}/.." && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

if [ "$#" -gt 0 ]; then PAGES=("$@"); else PAGES=(100000 1000000); fi
ARCHIVE_HEAP="${ARCHIVE_HEAP:-4g}"
ARCHIVE_THREADS="${ARCHIVE_THREADS:-2}"
ARCHIVE_QUERIES="${ARCHIVE_QUERIES:-2000}"
ARCHIVE_WARMUP="${ARCHIVE_WARMUP:-200}"
ARCHIVE_LIMIT="${ARCHIVE_LIMIT:-300}"
ARCHIVE_SEED="${ARCHIVE_SEED:-20261124}"
ARCHIVE_ENGINES="${ARCHIVE_ENGINES:-lucene,pg}"
RESULTS="${ARCHIVE_RESULTS:-${BENCH_DIR}/results/$(date -u +%F)-archive.txt}"

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare_dirs
mkdir -p "$(dirname "$RESULTS")"
exec > >(tee "$RESULTS") 2>&1

log "# Viche archive search benchmark (Lucene with the Ukrainian analyzer vs PostgreSQL full-text search)"
machine_info
log "disk:      $(df -h "${WORK_DIR}" | tail -1 | awk '{print $4 " free on " $6}')"

( cd "$ROOT" && ./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.outputFile="${WORK_DIR}/classpath.txt" > "${WORK_DIR}/mvn.log" 2>&1 ) \
    || { cat "${WORK_DIR}/mvn.log"; die "could not resolve the classpath (./mvnw -o dependency:build-classpath)"; }
CP="$(cat "${WORK_DIR}/classpath.txt")"
mkdir -p "${WORK_DIR}/classes"
javac -nowarn -proc:none -encoding UTF-8 -cp "$CP" -d "${WORK_DIR}/classes" \
    "${BENCH_DIR}/ArchiveTextGen.java" "${BENCH_DIR}/ArchiveQueries.java" "${BENCH_DIR}/ArchiveBench.java" \
    || die "javac failed"

for n in "${PAGES[@]}"; do
    log ""
    log "=================================================================== ${n} pages"
    wait_quiet
    run_dir="${WORK_DIR}/pages-${n}"
    DATA_DIR="${run_dir}/pg"   # so that lib.sh counts the embedded PostgreSQL's CPU
    run_log="${WORK_DIR}/archive-${n}.log"
    log "loadavg before: $(cat /proc/loadavg)"
    cpu_mark
    t0="$(now_ns)"
    java -Xmx"${ARCHIVE_HEAP}" -Dfile.encoding=UTF-8 -cp "${WORK_DIR}/classes:${CP}" ArchiveBench \
        pages="$n" dir="$run_dir" seed="$ARCHIVE_SEED" queries="$ARCHIVE_QUERIES" warmup="$ARCHIVE_WARMUP" \
        threads="$ARCHIVE_THREADS" limit="$ARCHIVE_LIMIT" engines="$ARCHIVE_ENGINES" > "$run_log" 2>&1 &
    APP_PID=$!
    # progress while it runs; the embedded PostgreSQL's own log lines are left in the run log
    tail -n +1 -f --pid="$APP_PID" "$run_log" | grep --line-buffered -v -E '^[0-9:.]+ \[[^]]*\] (INFO|DEBUG|WARN) |^SLF4J|Javadoc' &
    tail_pid=$!
    # CPU of the benchmark: the JVM (with the PostgreSQL processes it has reaped) plus the live PostgreSQL
    bench_ticks=0
    while kill -0 "$APP_PID" 2>/dev/null; do
        t=$(( $(proc_ticks "$APP_PID" all) + $(postgres_ticks) ))
        if [ "$t" -gt "$bench_ticks" ]; then bench_ticks=$t; fi
        sleep 5
    done
    rc=0
    wait "$APP_PID" || rc=$?
    wait "$tail_pid" 2>/dev/null || true
    machine=$(( $(machine_busy_ticks) - CPU_M0 ))
    cap=$(( $(nproc) * ($(now_ns) - CPU_T0) / 10000000 ))
    [ "$cap" -gt 0 ] || cap=1
    other=$(( machine - bench_ticks ))
    [ "$other" -ge 0 ] || other=0
    log "CPU during the ${n}-page run (share of $(nproc) cores): machine busy $(( machine * 100 / cap ))%; this benchmark (JVM + PostgreSQL) $(( bench_ticks * 100 / cap ))%; other processes $(( other * 100 / cap ))%"
    APP_PID=""
    log "loadavg after: $(cat /proc/loadavg); run took $(elapsed "$t0" "$(now_ns)") s"
    rm -rf "$run_dir"
    [ "$rc" -eq 0 ] || die "the ${n}-page run failed (status ${rc}); log: ${run_log}"
done
