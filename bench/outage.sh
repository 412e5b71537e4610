#!/usr/bin/env bash
# Database-outage benchmark for Viche with the embedded PostgreSQL.
#
#   bench/outage.sh [JAR]
#
# Starts the platform on a fresh data directory and, once it is ready, freezes every PostgreSQL
# process of its data directory with SIGSTOP (a database that stops answering, the hardest case:
# connections stay open and nothing is refused). Then it measures:
#   - seconds until /actuator/health/readiness answers 503 (budget: 5 s);
#   - the time and status of public pages, an API call and a signed-out form during the outage
#     (budget: the platform's 503 within 2 s);
#   - seconds from SIGTERM to the end of the process while the database is still frozen
#     (budget: 30 s).
# The frozen processes are then let go and killed, and the data directory removed (BENCH_KEEP=1
# keeps it).
#
# Environment: BENCH_PORT (18080), BENCH_READY_TIMEOUT (180), JAVA_OPTS (the deployment settings
# of README.md), BENCH_QUIET_TIMEOUT (900); see bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
[ -f "$JAR" ] || die "jar not found: ${JAR} (pass the path as the first argument)"

FROZEN=""
thaw() {
    if [ -n "$FROZEN" ]; then
        # shellcheck disable=SC2086
        kill -CONT $FROZEN 2>/dev/null || true
        # shellcheck disable=SC2086
        kill -KILL $FROZEN 2>/dev/null || true
        FROZEN=""
    fi
}
trap 'thaw; cleanup' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_quiet
prepare_dirs
log "# Viche database-outage benchmark"
log "jar:       ${JAR}"
log "JAVA_OPTS: ${JAVA_OPTS:-(none)}"
machine_info
start_app "$JAR" outage
wait_ready || exit 1
report_ready

base="http://127.0.0.1:${BENCH_PORT}"
curl -s -o /dev/null "${base}/kropyvnytskyi/petitions" || true

POSTMASTER="$(postgres_pids_for "$DATA_DIR" | head -n 1)"
[ -n "$POSTMASTER" ] || die "no PostgreSQL process found for ${DATA_DIR}"
# the postmaster and its children (the backends holding the pool's connections, the writers)
FROZEN="${POSTMASTER} $(pgrep -P "$POSTMASTER" | tr '\n' ' ')"
log ""
log "## the database stops answering (SIGSTOP to $(wc -w <<< "$FROZEN") PostgreSQL processes)"
t0="$(now_ns)"
# shellcheck disable=SC2086
kill -STOP $FROZEN
while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${base}/actuator/health/readiness" || true)"
    if [ "$code" = "503" ]; then
        log "readiness DOWN (503) after $(elapsed "$t0" "$(now_ns)") s"
        break
    fi
    if [ $(( ($(now_ns) - t0) / 1000000000 )) -gt 60 ]; then
        die "readiness still ${code} 60 s into the outage"
    fi
    sleep 0.2
done
log "liveness: $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${base}/actuator/health/liveness")"
for target in "/kropyvnytskyi/petitions?page=1" "/kropyvnytskyi/appeals/figures" "/api/v1/kropyvnytskyi/petitions" \
              "/kropyvnytskyi/problems/new"; do
    out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Accept-Language: en' --max-time 30 "${base}${target}" || true)"
    log "GET ${target}: HTTP ${out%% *} in ${out##* } s"
done

log ""
log "## SIGTERM while the database is still frozen"
t1="$(now_ns)"
kill -TERM "$APP_PID"
while kill -0 "$APP_PID" 2>/dev/null; do
    if [ $(( ($(now_ns) - t1) / 1000000000 )) -gt 120 ]; then
        kill -KILL "$APP_PID" 2>/dev/null || true
        die "the process did not stop within 120 s"
    fi
    sleep 0.1
done
log "stopped after $(elapsed "$t1" "$(now_ns)") s"
APP_PID=""
