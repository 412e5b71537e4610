#!/usr/bin/env bash
# Site search benchmark (decision 0041) over HTTP on a running platform.
#
#   bench/search.sh [PAGES...]        (default: 20000)
#
# Starts the jar on a fresh data directory (embedded PostgreSQL, demo data); for each page count,
# in ascending order, signs in as the demo archivist and imports seeded archive pages up to that
# count (bench/ArchiveTextGen.java; the pages of the previous count stay)
# through the archive's bulk import (CSV of files + ZIP of PDFs with a text layer, no OCR), in
# imports of SEARCH_BATCH pages; then the judged set through the JSON API (recall@10 and MRR of
# phrases taken from pages, plain and quoted, and of hand-judged demo queries); then wrk with a
# seeded query mix on the search page and on the JSON API with 1 and 2 connections (1 and 2
# threads): searches/s, p50/p95/p99, the JVM's CPU time per search. Writes
# bench/results/<date>-search-<backend>.txt.
#
# Backend (decision 0058): SEARCH_BACKEND=lucene (default) is the embedded Lucene index;
# SEARCH_BACKEND=opensearch starts a fresh OpenSearch 2.19 through scripts/opensearch.sh on its own
# port (SEARCH_OPENSEARCH_PORT, 19200) and directory (/tmp/viche-bench-opensearch-<port>, removed before
# and after unless BENCH_KEEP=1; in /tmp because OpenSearch runs as another account when the script
# runs as root), heap SEARCH_OPENSEARCH_HEAP (512m), passes VICHE_SEARCH_URL to the application,
# counts OpenSearch's CPU apart, and stops it at the end. On both, the import is followed by a wait
# until the outbox's backlog is empty: the indexing rate counts the import requests and that wait.
#
# Environment: JAR (target/viche-0.1.0-SNAPSHOT.jar), SEARCH_SEED (20261207), SEARCH_PER_FILE (50
# pages a file, one PDF each), SEARCH_BATCH (5000 pages an import), SEARCH_MIX (2000 queries in the
# wrk mix), SEARCH_JUDGED (200 phrases taken from pages; a hit is relevant when it is the page or holds the phrase), SEARCH_JFR=1 (a JFR recording during the
# 2-connection API run, its hottest frames printed), SEARCH_RESULTS, WRK_DURATION (30s),
# WRK_WARMUP (10s), BENCH_PORT, BENCH_READY_TIMEOUT, JAVA_OPTS, BENCH_QUIET_TIMEOUT, BENCH_KEEP of
# bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${BENCH_DIR}/.." && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

if [ "$#" -gt 0 ]; then PAGES=("$@"); else PAGES=(20000); fi
JAR="${JAR:-${ROOT}/target/viche-0.1.0-SNAPSHOT.jar}"
SEARCH_SEED="${SEARCH_SEED:-20261207}"
SEARCH_PER_FILE="${SEARCH_PER_FILE:-50}"
SEARCH_BATCH="${SEARCH_BATCH:-5000}"
SEARCH_MIX="${SEARCH_MIX:-2000}"
SEARCH_JUDGED="${SEARCH_JUDGED:-200}"
SEARCH_BACKEND="${SEARCH_BACKEND:-lucene}"
case "$SEARCH_BACKEND" in lucene|opensearch) ;; *) die "SEARCH_BACKEND must be lucene or opensearch" ;; esac
RESULTS="${SEARCH_RESULTS:-${BENCH_DIR}/results/$(date -u +%F)-search-${SEARCH_BACKEND}.txt}"
FONT="${SEARCH_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}"
[ -f "$JAR" ] || die "jar not found: ${JAR} (build it: ./mvnw -B -ntp -q -DskipTests package)"
[ -f "$FONT" ] || die "no font with Cyrillic letters at ${FONT} (Debian: fonts-dejavu-core; or set SEARCH_FONT)"
wait_for_wrk

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$(dirname "$RESULTS")"
exec > >(tee "$RESULTS") 2>&1

log "# Viche site search benchmark (import over HTTP, judged queries, wrk on the page and the API), backend: ${SEARCH_BACKEND}"
log "jar:       ${JAR} ($(stat -c %s "$JAR") bytes), commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
log "JAVA_OPTS: ${JAVA_OPTS:-(none)}"
machine_info

# the benchmark's classes, compiled against the libraries inside the jar (PDFBox, morfologik)
CLS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/viche-search-cls.XXXXXX")"
( cd "$CLS_DIR" && unzip -q -o "$JAR" 'BOOT-INF/lib/*' )
CP="$(find "${CLS_DIR}/BOOT-INF/lib" -name '*.jar' | sort | tr '\n' ':')"
mkdir -p "${CLS_DIR}/classes"
javac -nowarn -proc:none -encoding UTF-8 -cp "$CP" -d "${CLS_DIR}/classes" \
    "${BENCH_DIR}/ArchiveTextGen.java" "${BENCH_DIR}/BenchClient.java" "${BENCH_DIR}/SearchBench.java" \
    || die "javac failed"
search_bench() {
    java -Xmx1g -Dfile.encoding=UTF-8 -cp "${CLS_DIR}/classes:${CP}" SearchBench "$@" \
        base="http://127.0.0.1:${BENCH_PORT}" seed="$SEARCH_SEED" perFile="$SEARCH_PER_FILE"
}

# run_wrk LABEL MIXFILE CONNECTIONS: warm-up, measured run, one summary row in WRK_ROWS
WRK_ROWS=()
run_wrk() {
    local label="$1" mix="$2" c="$3" out line j0 j1 p0 p1 s0 s1 req secs non2xx sockerr p50 p95 p99 mean max rps cpu_ms pg_ms os_ms
    log ""
    log "=== ${label}, ${c} connection(s), ${c} thread(s) ==="
    log "check: $(curl -s -o /dev/null --max-time 20 -w 'HTTP %{http_code}, %{size_download} bytes, %{content_type}, %{time_total} s' "http://127.0.0.1:${BENCH_PORT}$(head -n 1 "$mix")")"
    wrk -t"$c" -c"$c" -d"$WRK_WARMUP" -s "${BENCH_DIR}/search-mix.lua" "http://127.0.0.1:${BENCH_PORT}" "$mix" > /dev/null
    log "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
    cpu_mark
    j0="$(proc_ticks "$APP_PID")"; p0="$(postgres_ticks)"; s0="$(server_ticks)"
    out="$(wrk -t"$c" -c"$c" -d"$WRK_DURATION" --latency -s "${BENCH_DIR}/search-mix.lua" "http://127.0.0.1:${BENCH_PORT}" "$mix")"
    j1="$(proc_ticks "$APP_PID")"; p1="$(postgres_ticks)"; s1="$(server_ticks)"
    printf '%s\n' "$out"
    cpu_report "during the measured run"
    line="$(grep '^SEARCH ' <<< "$out")"
    read -r _ _ req _ secs _ non2xx _ sockerr _ p50 _ p95 _ p99 _ mean _ max <<< "$line"
    rps="$(awk -v r="$req" -v s="$secs" 'BEGIN { printf "%.0f", r / s }')"
    cpu_ms="$(awk -v t="$(( j1 - j0 ))" -v r="$req" 'BEGIN { printf "%.2f", t * 10 / r }')"
    pg_ms="$(awk -v t="$(( p1 - p0 ))" -v r="$req" 'BEGIN { printf "%.3f", t * 10 / r }')"
    os_ms="-"
    [ -z "${SERVER_PIDS:-}" ] || os_ms="$(awk -v t="$(( s1 - s0 ))" -v r="$req" 'BEGIN { printf "%.2f", t * 10 / r }')"
    WRK_ROWS+=("$(printf '%-26s %3s %9s %8s %8s %8s %8s %11s %9s %9s %5s  %s' "$label" "$c" "$rps" "$p50" "$p95" "$p99" "$req" "$cpu_ms" "$pg_ms" "$os_ms" "$non2xx/$sockerr" "app ${CPU_APP_PCT}%, other ${CPU_OTHER_PCT}%, load $(cut -d' ' -f1 /proc/loadavg)")")
}

# one platform for the whole run: the page counts are steps, each import adds the pages from the
# previous count on (pages 0..n-1 of the seed are in the archive at step n)
mapfile -t PAGES < <(printf '%s\n' "${PAGES[@]}" | sort -n -u)
wait_quiet
prepare_dirs
if [ "$SEARCH_BACKEND" = "opensearch" ]; then
    OS_PORT="${SEARCH_OPENSEARCH_PORT:-19200}"
    OS_DIR="/tmp/viche-bench-opensearch-${OS_PORT}"
    port_in_use "$OS_PORT" && die "port ${OS_PORT} is already in use (set SEARCH_OPENSEARCH_PORT)"
    # scripts/opensearch.sh stop, then wait until the port is free; the directory goes unless BENCH_KEEP=1
    cleanup_extra() {
        VICHE_OPENSEARCH_DIR="$OS_DIR" bash "${ROOT}/scripts/opensearch.sh" stop > /dev/null 2>&1 < /dev/null || true
        for _ in $(seq 1 300); do port_in_use "$OS_PORT" || break; sleep 0.2; done
        if [ "${BENCH_KEEP:-0}" != "1" ]; then rm -rf "$OS_DIR"; fi
    }
    rm -rf "$OS_DIR"
    log ""
    log "## OpenSearch: fresh in ${OS_DIR}, port ${OS_PORT}, heap ${SEARCH_OPENSEARCH_HEAP:-512m} (scripts/opensearch.sh)"
    t0="$(now_ns)"
    # its output goes to a file: OpenSearch runs as a daemon and would keep a pipe open
    VICHE_OPENSEARCH_DIR="$OS_DIR" OPENSEARCH_PORT="$OS_PORT" OPENSEARCH_HEAP="${SEARCH_OPENSEARCH_HEAP:-512m}" \
        bash "${ROOT}/scripts/opensearch.sh" start > "${WORK_DIR}/opensearch-start.log" 2>&1 < /dev/null \
        || { cat "${WORK_DIR}/opensearch-start.log"; die "OpenSearch did not start (logs in ${OS_DIR}/logs)"; }
    cat "${WORK_DIR}/opensearch-start.log"
    log "OpenSearch started in $(elapsed "$t0" "$(now_ns)") s: $(curl -s "http://127.0.0.1:${OS_PORT}" | grep -o '"number" *: *"[^"]*"' | head -n 1)"
    SERVER_PIDS="$(cat "${OS_DIR}/opensearch.pid")"
    SERVER_LABEL="OpenSearch"
    export VICHE_SEARCH_URL="http://127.0.0.1:${OS_PORT}"
else
    unset VICHE_SEARCH_URL
fi
start_app "$JAR" "search"
cpu_mark
wait_ready || exit 1
report_ready
cpu_report "from launch to ready"
report_memory "after readiness"
loaded=0
for n in "${PAGES[@]}"; do
    log ""
    log "=================================================================== ${n} pages"
    wait_quiet
    log ""
    log "## Import: pages ${loaded}..$(( n - 1 )) through the archive's bulk import (${SEARCH_PER_FILE} pages a file, up to ${SEARCH_BATCH} pages an import)"
    log "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
    cpu_mark
    j0="$(proc_ticks "$APP_PID")"; p0="$(postgres_ticks)"; s0="$(server_ticks)"
    search_bench load from="$loaded" pages="$n" batch="$SEARCH_BATCH" font="$FONT" out="$WORK_DIR"
    j1="$(proc_ticks "$APP_PID")"; p1="$(postgres_ticks)"; s1="$(server_ticks)"
    cpu_report "during the import and the indexing (includes generating the PDFs in the client)"
    log "application CPU per imported page: $(awk -v t="$(( j1 - j0 ))" -v n="$(( n - loaded ))" 'BEGIN { printf "%.2f", t * 10 / n }') ms (JVM), $(awk -v t="$(( p1 - p0 ))" -v n="$(( n - loaded ))" 'BEGIN { printf "%.2f", t * 10 / n }') ms (PostgreSQL)$([ -z "${SERVER_PIDS:-}" ] || printf ', %s ms (OpenSearch)' "$(awk -v t="$(( s1 - s0 ))" -v n="$(( n - loaded ))" 'BEGIN { printf "%.2f", t * 10 / n }')"); loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    loaded="$n"
    report_memory "after the import"
    log "data directory: $(du -sh "${DATA_DIR}" 2>/dev/null | cut -f1) in all; $(cd "${DATA_DIR}" && du -sh -- * 2>/dev/null | tr '\t\n' ' ;')"

    log ""
    log "## Judged queries through the JSON API (one client, one request at a time)"
    search_bench judge pages="$n" queries="$SEARCH_JUDGED" out="$WORK_DIR"

    log ""
    log "## Load: wrk with ${SEARCH_MIX} seeded queries taken from the pages (a quarter quoted), ${WRK_WARMUP} warm-up + ${WRK_DURATION} measured"
    search_bench mix pages="$n" queries="$SEARCH_MIX" out="$WORK_DIR"
    WRK_ROWS=()
    run_wrk "page /{c}/search" "${WORK_DIR}/mix-page.txt" 1
    run_wrk "API /api/v1/{c}/search" "${WORK_DIR}/mix-api.txt" 1
    run_wrk "page /{c}/search" "${WORK_DIR}/mix-page.txt" 2
    if [ "${SEARCH_JFR:-0}" = "1" ]; then
        jcmd "$APP_PID" JFR.start name=search settings=profile filename="${WORK_DIR}/search.jfr" > /dev/null
    fi
    run_wrk "API /api/v1/{c}/search" "${WORK_DIR}/mix-api.txt" 2
    if [ "${SEARCH_JFR:-0}" = "1" ]; then
        jcmd "$APP_PID" JFR.stop name=search > /dev/null
        log ""
        log "## JFR execution samples during the 2-connection API run: top frames (own time) and the search's frames (total)"
        jfr print --events jdk.ExecutionSample "${WORK_DIR}/search.jfr" > "${WORK_DIR}/samples.txt"
        awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); top[$0]++; n++ } END { for (f in top) printf "%6.1f%%  %s\n", 100 * top[f] / n, f }' \
            "${WORK_DIR}/samples.txt" | sort -rn | sed -n "1,25p" # (sed reads all: head would end sort with SIGPIPE, fatal under pipefail)
        awk '/jdk.ExecutionSample/ { n++; delete seen } /^[ \t]+[a-z].*line:/ { f = $0; sub(/^[ \t]+/, "", f); sub(/line:.*/, "", f); if (!(f in seen)) { seen[f] = 1; all[f]++ } } END { for (f in all) printf "%6.1f%%  %s\n", 100 * all[f] / n, f }' \
            "${WORK_DIR}/samples.txt" | grep -E 'ua\.viche|lucene|thymeleaf|jackson|hibernate\.search' | sort -rn | sed -n "1,40p"
    fi
    log ""
    log "=== Summary, ${n} pages: wrk -tC -cC -d${WRK_DURATION} after a ${WRK_WARMUP} warm-up; targets p95 <= 20 ms (20 hits a page), >= 300 searches/s with 2 threads ==="
    log "$(printf '%-26s %3s %9s %8s %8s %8s %8s %11s %9s %9s %5s  %s' 'target' 'C' 'searches/s' 'p50 ms' 'p95 ms' 'p99 ms' 'requests' 'JVM CPU ms' 'PG ms' 'OS ms' 'err' 'CPU share, load')"
    for row in "${WRK_ROWS[@]}"; do log "$row"; done
    report_memory "after the load"
done
stop_app || log "shutdown NOT clean"
rm -rf "$CLS_DIR"
