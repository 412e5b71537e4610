#!/usr/bin/env bash
# Petition and vote benchmark: signing throughput by distinct people over HTTP, the same people
# voting in the participatory budget, then page throughput of public pages with wrk.
#
#   bench/petitions.sh [JAR]
#
# Environment: SIGN_PERSONS (1600), SIGN_THREADS (64), SIGN_ROUNDS (25: every person signs that many
# petitions: 40,000 signatures, over a minute at 600/s), VOTE_ROUNDS (14: each person casts and
# takes back a vote that many times, then casts it: 29 actions each), and those of bench/lib.sh.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
SIGN_PERSONS="${SIGN_PERSONS:-1600}"
SIGN_THREADS="${SIGN_THREADS:-64}"
SIGN_ROUNDS="${SIGN_ROUNDS:-25}"
VOTE_ROUNDS="${VOTE_ROUNDS:-14}"
[ -f "$JAR" ] || die "jar not found: ${JAR}"
wait_for_wrk

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

prepare_dirs
log "# Viche petition and vote benchmark"
machine_info
start_app "$JAR" petitions
wait_ready || exit 1
report_ready
report_memory "after readiness"

log ""
log "## Signing (${SIGN_PERSONS} distinct people × ${SIGN_ROUNDS} petitions, ${SIGN_THREADS} client threads)"
out="$(java_bench SignBench "http://127.0.0.1:${BENCH_PORT}" "$SIGN_PERSONS" "$SIGN_THREADS" "$SIGN_ROUNDS")"
printf '%s\n' "$out" | grep -v '^PETITION_PATH='
path="$(printf '%s\n' "$out" | sed -n 's/^PETITION_PATH=//p')"

log ""
log "## Voting in the participatory budget (the same ${SIGN_PERSONS} people, one project: vote, take back, … vote; ${VOTE_ROUNDS} rounds)"
java_bench SignBench "http://127.0.0.1:${BENCH_PORT}" "$SIGN_PERSONS" "$SIGN_THREADS" vote "$VOTE_ROUNDS"

log ""
log "## Public pages: petition, lists, budget project, problem reports"
# the newest cycle (listed first) is the one in its voting phase
cycle="$(curl -s "http://127.0.0.1:${BENCH_PORT}/api/v1/kropyvnytskyi/budget/cycles" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
project="$(curl -s "http://127.0.0.1:${BENCH_PORT}/api/v1/kropyvnytskyi/budget/cycles/${cycle}/projects" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
BENCH_PAGES="$path /kropyvnytskyi/petitions /api/v1/kropyvnytskyi/petitions /kropyvnytskyi/budget/projects/${project} /kropyvnytskyi/problems" run_pages
log ""
report_memory "after the load"
stop_app
