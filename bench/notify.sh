#!/usr/bin/env bash
# Civil-protection alert broadcast to NOTIFY_SUBSCRIBERS (100,000) subscribers through fake Telegram
# and Viber providers (issue #30): messages per second, time to the last delivery, the alert's
# per-channel figures against what the fakes received (none lost, none doubled, each in its
# recipient's language), the application's RSS sampled during the broadcast, and CPU shares.
#
#   bench/notify.sh [JAR]
#
# 1. The platform starts as the other scripts start it (fresh data directory, demo data, the
#    deployment JVM settings of bench/lib.sh).
# 2. NotifyFakes.java (JDK only) answers Telegram's sendMessage and Viber's send_message on
#    NOTIFY_FAKE_PORT and counts every message per recipient.
# 3. Set-up, not measured: NOTIFY_SUBSCRIBERS subscribers of Kropyvnytskyi are written straight into
#    the notifications module's tables (notify_subscriber, notify_link) with one SQL bulk insert through
#    psql against the embedded PostgreSQL (there is no admin API to create subscribers; linking a
#    messenger goes through a one-time code in a chat). Subscriber g (1..N): person id 2,000,000,000 + g
#    (bench-only numbers, no person record: a broadcast reads only the module's own tables), topics
#    ALERTS and NEWS, the whole community, English when g % 4 = 0 (else Ukrainian), quiet hours
#    00:00-23:59 when g % 5 = 0 (alerts ignore them); Telegram chat 8,000,000,000 + g when g % 3 != 2,
#    Viber user bench<g>== when g % 3 != 0: a third on each channel alone, a third on both, so
#    100,000 subscribers make 133,334 messages. Then ANALYZE of the two tables. The demo's own
#    subscribers of Kropyvnytskyi (7 follow alerts) get the alert as well, some by e-mail (the outbox).
# 4. Measured (NotifyBench.java, with BenchClient.java): the community admin points the community's
#    Telegram and Viber at the fakes, each at NOTIFY_RATE messages per second (10,000, the settings'
#    maximum, so that the platform and not the pacing sets the pace; the providers' real limits are
#    about 30/s), through the settings page; the demo official composes an alert for the whole
#    community, the demo admin confirms it (four eyes); then the alert's API and the fakes' counts
#    are read every second until nothing is queued. Meanwhile the java process's VmRSS is sampled
#    every 0.5 s (and the embedded PostgreSQL's Pss every 5 s).
#    With NOTIFY_KILL_AT > 0 the application is killed (SIGKILL) once the fakes have that many
#    messages, and started again on the same data; the broadcast must resume (issue #30: still
#    exactly once). A message in flight at the kill may have reached the fake while its row was not
#    yet marked sent: two minutes later such a row becomes uncertain and is never sent again
#    (decision 0050), so the time to the last delivery then includes the restart and that wait.
# 5. Checked after: the (provider, recipient, language) of every sent delivery row of the alert, read
#    with psql, equal what the fakes received (each recipient exactly once, in the recipient's
#    language, nobody else but, after a kill, an uncertain row's recipient), and every bench
#    subscriber's linked messenger has a delivery row.
#
# Writes bench/results/<date>-notify.txt (NOTIFY_RESULTS to change it).
# Environment: NOTIFY_SUBSCRIBERS (100000), NOTIFY_RATE (10000 messages/s per provider),
# NOTIFY_TIMEOUT (3600 s from the confirmation to the last delivery), NOTIFY_FAKE_PORT (BENCH_PORT + 20),
# NOTIFY_ANSWER_MS (0: a pause in the fakes before each answer, to play a provider's latency),
# NOTIFY_KILL_AT (0: no kill; else the messages at the fakes when the application is killed),
# NOTIFY_RESULTS, and those of bench/lib.sh (BENCH_PORT, BENCH_READY_TIMEOUT, BENCH_QUIET_TIMEOUT,
# BENCH_KEEP, JAVA_OPTS). Needs psql (Debian: postgresql-client).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-target/viche-0.1.0-SNAPSHOT.jar}"
NOTIFY_SUBSCRIBERS="${NOTIFY_SUBSCRIBERS:-100000}"
NOTIFY_RATE="${NOTIFY_RATE:-10000}"
NOTIFY_TIMEOUT="${NOTIFY_TIMEOUT:-3600}"
NOTIFY_FAKE_PORT="${NOTIFY_FAKE_PORT:-$(( BENCH_PORT + 20 ))}"
NOTIFY_ANSWER_MS="${NOTIFY_ANSWER_MS:-0}"
NOTIFY_KILL_AT="${NOTIFY_KILL_AT:-0}"
RESULTS="${NOTIFY_RESULTS:-${BENCH_DIR}/results/$(date -u +%F)-notify.txt}"
PERSON_BASE=2000000000
[ -f "$JAR" ] || die "jar not found: ${JAR} (build it: ./mvnw -B -ntp -q -DskipTests package)"
command -v psql > /dev/null || die "psql not found (Debian: apt-get install postgresql-client)"

FAKE_PID=""
SAMPLER_PID=""
FAKES="http://127.0.0.1:${NOTIFY_FAKE_PORT}"

# the cleanup trap (bench/lib.sh) calls this: the memory sampler and the fakes
cleanup_extra() {
    [ -z "$SAMPLER_PID" ] || { touch "${WORK_DIR}/stop-sampling"; wait "$SAMPLER_PID" 2>/dev/null || true; }
    [ -z "$FAKE_PID" ] || { kill -TERM "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; }
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$(dirname "$RESULTS")"
exec > >(tee "$RESULTS") 2>&1

wait_quiet
prepare_dirs
log "# Viche alert broadcast benchmark"
machine_info
log "subscribers: ${NOTIFY_SUBSCRIBERS}; rate per provider: ${NOTIFY_RATE} messages/s; fakes answer after ${NOTIFY_ANSWER_MS} ms$( [ "$NOTIFY_KILL_AT" -eq 0 ] || printf '; the application killed at %s messages' "$NOTIFY_KILL_AT")"
log "JAVA_OPTS:  ${JAVA_OPTS}"
start_app "$JAR" notify
wait_ready || exit 1
report_ready
report_memory "after readiness"

# ---------------------------------------------------------------------------- the fake providers
CLASSES="${WORK_DIR}/bench-classes"
mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" "${BENCH_DIR}/NotifyFakes.java" "${BENCH_DIR}/NotifyBench.java" "${BENCH_DIR}/BenchClient.java" \
    || die "javac failed for NotifyFakes, NotifyBench"
if port_in_use "$NOTIFY_FAKE_PORT"; then die "port ${NOTIFY_FAKE_PORT} is already in use (set NOTIFY_FAKE_PORT)"; fi
java -Xmx256m -XX:+UseSerialGC -cp "$CLASSES" NotifyFakes "$NOTIFY_FAKE_PORT" tg-bench vb-bench "$NOTIFY_ANSWER_MS" \
    > "${WORK_DIR}/fakes.log" 2>&1 &
FAKE_PID=$!
SERVER_PIDS="$FAKE_PID"
SERVER_LABEL="fake providers"
for _ in $(seq 1 100); do
    curl -sf -o /dev/null "${FAKES}/stats" && break
    kill -0 "$FAKE_PID" 2>/dev/null || { cat "${WORK_DIR}/fakes.log"; die "the fakes did not start"; }
    sleep 0.1
done
curl -sf -o /dev/null "${FAKES}/stats" || die "the fakes do not answer on ${FAKES}"
log "fake Telegram and Viber: ${FAKES} (pid ${FAKE_PID})"

# ---------------------------------------------------------------------------- subscribers (set-up)
# the embedded PostgreSQL's port, from its pid file (a restarted application starts it on a new port)
psql_viche() {
    psql -h 127.0.0.1 -p "$(sed -n 4p "${DATA_DIR}/postgres/postmaster.pid")" -U postgres -d viche -v ON_ERROR_STOP=1 -qAtX "$@"
}
COMMUNITY_ID="$(psql_viche -c "select id from community where slug = 'kropyvnytskyi'")"
[ -n "$COMMUNITY_ID" ] || die "no community kropyvnytskyi"
log ""
log "## Set-up: ${NOTIFY_SUBSCRIBERS} subscribers by SQL (not measured)"
t0="$(now_ns)"
psql_viche <<SQL
begin;
insert into notify_subscriber (community_id, person_id, topics, districts, quiet_from, quiet_to, language, created_at)
select ${COMMUNITY_ID}, ${PERSON_BASE} + g, 'ALERTS,NEWS', '',
       case when g % 5 = 0 then time '00:00' end, case when g % 5 = 0 then time '23:59' end,
       case when g % 4 = 0 then 'en' else 'uk' end, now()
  from generate_series(1, ${NOTIFY_SUBSCRIBERS}) g;
insert into notify_link (community_id, subscriber_id, channel, address)
select community_id, id, 'TELEGRAM', (8000000000 + person_id - ${PERSON_BASE})::text
  from notify_subscriber where community_id = ${COMMUNITY_ID} and person_id > ${PERSON_BASE} and (person_id - ${PERSON_BASE}) % 3 <> 2;
insert into notify_link (community_id, subscriber_id, channel, address)
select community_id, id, 'VIBER', 'bench' || (person_id - ${PERSON_BASE}) || '=='
  from notify_subscriber where community_id = ${COMMUNITY_ID} and person_id > ${PERSON_BASE} and (person_id - ${PERSON_BASE}) % 3 <> 0;
commit;
analyze notify_subscriber;
analyze notify_link;
SQL
log "inserted in $(elapsed "$t0" "$(now_ns)") s: $(psql_viche -c "select count(*) || ' subscribers follow alerts in Kropyvnytskyi ('
    || count(*) filter (where person_id > ${PERSON_BASE}) || ' of the benchmark, '
    || count(*) filter (where person_id <= ${PERSON_BASE}) || ' of the demo)' from notify_subscriber
    where community_id = ${COMMUNITY_ID} and topics like '%ALERTS%'")"
log "linked messengers: $(psql_viche -c "select string_agg(channel || ' ' || n, ', ' order by channel) from (select l.channel, count(*) n
    from notify_link l join notify_subscriber s on s.id = l.subscriber_id where l.community_id = ${COMMUNITY_ID}
    and s.topics like '%ALERTS%' group by l.channel) x")"
report_memory "after the set-up"

# ---------------------------------------------------------------------------- the broadcast (measured)
log ""
log "## Broadcast"
wait_quiet
log "loadavg before: $(cat /proc/loadavg)"
printf '%s\n' "$APP_PID" > "${WORK_DIR}/app-pid"
# the java process's VmRSS every 0.5 s, the embedded PostgreSQL's Pss every 5 s (the pid file follows a restart)
(
    i=0
    while [ ! -e "${WORK_DIR}/stop-sampling" ]; do
        pid="$(cat "${WORK_DIR}/app-pid")"
        pg="-"
        if [ $(( i % 10 )) -eq 0 ]; then pg="$(postgres_pss_kb)"; fi
        rss="$(rss_kb "$pid")"
        printf '%s %s %s %s\n' "$(date +%s%3N)" "${rss:-0}" "$pg" "$pid"
        i=$(( i + 1 ))
        sleep 0.5
    done
) > "${WORK_DIR}/memory.txt" &
SAMPLER_PID=$!
LOG_LINES="$(wc -l < "$APP_LOG")"
notify_bench() {
    java -cp "$CLASSES" NotifyBench "http://127.0.0.1:${BENCH_PORT}" "$FAKES" "$NOTIFY_RATE" "$NOTIFY_TIMEOUT" "$WORK_DIR" "$@"
}
cpu_mark
rc=0
killed=""
notify_bench start || rc=$?
if [ "$rc" -eq 0 ] && [ "$NOTIFY_KILL_AT" -gt 0 ]; then
    # the application killed (SIGKILL) once the fakes have NOTIFY_KILL_AT messages, then started again on its data
    kill_deadline=$(( SECONDS + NOTIFY_TIMEOUT ))
    until [ "$(curl -sf "${FAKES}/stats" | awk '$1 ~ /\.messages$/ { n += $2 } END { print n + 0 }')" -ge "$NOTIFY_KILL_AT" ]; do
        kill -0 "$APP_PID" 2>/dev/null || die "the application exited before ${NOTIFY_KILL_AT} messages"
        [ "$SECONDS" -lt "$kill_deadline" ] || die "the fakes did not get ${NOTIFY_KILL_AT} messages within ${NOTIFY_TIMEOUT} s"
        sleep 0.05
    done
    cpu_report "from the settings to the kill"
    kill -KILL "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    log "killed the application (SIGKILL) with $(curl -sf "${FAKES}/stats" | awk '$1 ~ /\.messages$/ { n += $2 } END { print n + 0 }') messages at the fakes; states then: $(psql_viche -c "select string_agg(channel || ' ' || status || ' ' || n, ', ' order by channel, status)
        from (select channel, status, count(*) n from notify_delivery where alert_id = $(tr -d '[:space:]' < "${WORK_DIR}/alert-id") group by channel, status) x")"
    killed="killed"
    start_app "$JAR" notify-restarted
    printf '%s\n' "$APP_PID" > "${WORK_DIR}/app-pid"
    LOG_LINES=0
    wait_ready || exit 1
    report_ready
    cpu_mark
fi
[ "$rc" -ne 0 ] || notify_bench follow $killed || rc=$?
cpu_report "from the $( [ -n "$killed" ] && printf restart || printf settings ) to the last delivery"
log "loadavg after:  $(cat /proc/loadavg)"
touch "${WORK_DIR}/stop-sampling"
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
log "$(awk '$2 > 0 { n++; if ($2 > max) max = $2; if ($3 != "-" && $3 > pg) pg = $3; if (n == 1) first = $2 }
    END { printf "java VmRSS during the broadcast (%d samples every 0.5 s): at the start %d MiB, max %d MiB; embedded PostgreSQL Pss max %d MiB",
          n, (first + 512) / 1024, (max + 512) / 1024, (pg + 512) / 1024 }' "${WORK_DIR}/memory.txt")"
log "application log during the broadcast: $(tail -n +"$(( LOG_LINES + 1 ))" "$APP_LOG" | grep -c ' WARN ' || true) WARN and $(tail -n +"$(( LOG_LINES + 1 ))" "$APP_LOG" | grep -c ' ERROR ' || true) ERROR lines, $(grep -c 'OutOfMemoryError' "$APP_LOG" || true) OutOfMemoryError"
tail -n +"$(( LOG_LINES + 1 ))" "$APP_LOG" | grep -E ' (WARN|ERROR) ' | head -n 5 | cut -c1-300 | sed 's/^/  log: /' || true

# ---------------------------------------------------------------------------- every recipient exactly once
log ""
log "## Recipients: the alert's delivery rows (psql) against what the fakes received"
if [ -s "${WORK_DIR}/alert-id" ]; then
    ALERT_ID="$(tr -d '[:space:]' < "${WORK_DIR}/alert-id")"
    # provider, recipient, 1, language of each row sent, and of each row uncertain (in flight at a kill)
    rows() {
        psql_viche -F $'\t' -c "select lower(d.channel), d.address, 1, s.language from notify_delivery d
            join notify_subscriber s on s.id = d.subscriber_id where d.alert_id = ${ALERT_ID} and d.channel in ('TELEGRAM', 'VIBER')
            and d.status = '$1'" | LC_ALL=C sort
    }
    rows SENT > "${WORK_DIR}/sent.tsv"
    rows UNCERTAIN > "${WORK_DIR}/uncertain.tsv"
    curl -sf "${FAKES}/recipients" | LC_ALL=C sort > "${WORK_DIR}/received.tsv"
    missing="$(psql_viche -c "select count(*) from notify_link l join notify_subscriber s on s.id = l.subscriber_id
        where s.community_id = ${COMMUNITY_ID} and s.person_id > ${PERSON_BASE} and not exists (select 1 from notify_delivery d
        where d.alert_id = ${ALERT_ID} and d.subscriber_id = s.id and d.channel = l.channel)")"
    # sent but not received once in the recipient's language (or received more than once)
    lost="$(LC_ALL=C comm -23 "${WORK_DIR}/sent.tsv" "${WORK_DIR}/received.tsv" | wc -l)"
    # received but not a sent row: allowed only for an uncertain row
    LC_ALL=C comm -13 "${WORK_DIR}/sent.tsv" "${WORK_DIR}/received.tsv" > "${WORK_DIR}/extra.tsv"
    extra="$(wc -l < "${WORK_DIR}/extra.tsv")"
    unexplained="$(LC_ALL=C comm -23 "${WORK_DIR}/extra.tsv" "${WORK_DIR}/uncertain.tsv" | wc -l)"
    log "delivery rows on Telegram and Viber: $(wc -l < "${WORK_DIR}/sent.tsv") sent, $(wc -l < "${WORK_DIR}/uncertain.tsv") uncertain; recipients at the fakes: $(wc -l < "${WORK_DIR}/received.tsv")"
    log "  sent rows not received exactly once in the recipient's language: ${lost}; received but not sent: ${extra} (of them not an uncertain row: ${unexplained});"
    log "  linked messengers of the benchmark's subscribers without a delivery row: ${missing}"
    if [ "$lost" -ne 0 ] || [ "$unexplained" -ne 0 ] || [ "$missing" -ne 0 ]; then
        { LC_ALL=C comm -23 "${WORK_DIR}/sent.tsv" "${WORK_DIR}/received.tsv"; LC_ALL=C comm -23 "${WORK_DIR}/extra.tsv" "${WORK_DIR}/uncertain.tsv"; } \
            | head -n 10 | sed 's/^/  differs: /'
        log "check: FAILED"
        [ "$rc" -ne 0 ] || rc=3
    else
        log "check: every recipient whose message is sent got it exactly once, in their language, and nobody else got it${killed:+ (but the uncertain ones in flight at the kill, at most once)}"
    fi
else
    log "no alert was composed"
fi

log ""
report_memory "after the broadcast"
kill -TERM "$FAKE_PID" 2>/dev/null || true
wait "$FAKE_PID" 2>/dev/null || true
FAKE_PID=""
stop_app || { [ "$rc" -ne 0 ] || rc=1; }
exit "$rc"
