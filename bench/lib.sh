#!/usr/bin/env bash
# Shared helpers for the Viche benchmark scripts (sourced, not run).
# Needs only bash, curl and coreutils.
#
# Settings (environment):
#   BENCH_PORT           HTTP port of the app under test (default 18080)
#   BENCH_READY_TIMEOUT  seconds to wait for readiness (default 180)
#   BENCH_STOP_TIMEOUT   seconds to wait for the process to exit after SIGTERM (default 60)
#   JAVA_OPTS            JVM options (default: the deployment settings of README.md)
#   BENCH_QUIET_TIMEOUT  seconds to wait for the machine to be quiet before a measurement
#                        (default 900, 0 = do not wait); see wait_quiet
#   BENCH_ATTEMPTS       measured wrk runs per page until one is undisturbed (default 3)
#   BENCH_KEEP=1         keep the working directory (logs, data) even on success
#   BENCH_WRK_WAIT       seconds to wait for wrk to appear (default 0: stop at once if it is missing)
#
# Set by scripts that run more than one process (cluster.sh, search.sh with OpenSearch):
#   APP_PIDS             the application's processes when there are several (default: APP_PID)
#   PG_DIR               the PostgreSQL data directory whose processes count as PostgreSQL (default: DATA_DIR)
#   SERVER_PIDS          further servers of the run (nginx's master, OpenSearch): each with its child
#                        processes is counted as SERVER_LABEL in the CPU shares, not as other processes
#   cleanup_extra        a function the cleanup trap calls to stop them

BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_READY_TIMEOUT="${BENCH_READY_TIMEOUT:-180}"
BENCH_STOP_TIMEOUT="${BENCH_STOP_TIMEOUT:-60}"
# the deployment settings of README.md (decision 0022); JAVA_OPTS=" " runs with JVM defaults
JAVA_OPTS="${JAVA_OPTS:--Xmx320m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MaxMetaspaceSize=200m}"

APP_PID=""
APP_LOG=""
DATA_DIR=""
WORK_DIR=""

log() { printf '%s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

now_ns() { date +%s%N; }

# seconds (3 decimals) between two nanosecond timestamps
elapsed() {
    local ms=$(( ($2 - $1) / 1000000 ))
    printf '%d.%03d' $(( ms / 1000 )) $(( ms % 1000 ))
}

# kB -> "N MiB"
kb_to_mib() { printf '%d MiB' $(( ($1 + 512) / 1024 )); }

# VmRSS of a pid in kB (empty if the process is gone)
rss_kb() {
    local key value unit
    [ -r "/proc/$1/status" ] || return 0
    while read -r key value unit; do
        if [ "$key" = "VmRSS:" ]; then printf '%s' "$value"; return 0; fi
    done 2>/dev/null < "/proc/$1/status" || true
}

# Pss of a pid in kB from smaps_rollup (shared memory divided among sharers)
pss_kb() {
    local key value unit
    [ -r "/proc/$1/smaps_rollup" ] || { printf '0'; return 0; }
    while read -r key value unit; do
        if [ "$key" = "Pss:" ]; then printf '%s' "$value"; return 0; fi
    done 2>/dev/null < "/proc/$1/smaps_rollup" || true
    printf '0'
}

# CPU seconds (user+system, including waited-for children such as initdb) used by a pid
cpu_seconds() {
    local stat rest
    [ -r "/proc/$1/stat" ] || { printf '?'; return 0; }
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { printf '?'; return 0; }
    rest="${stat##*) }"
    local -a f
    read -r -a f <<< "$rest"
    # f[11..14] = utime stime cutime cstime in clock ticks (USER_HZ = 100 on Linux)
    local ticks=$(( f[11] + f[12] + f[13] + f[14] ))
    printf '%d.%02d' $(( ticks / 100 )) $(( ticks % 100 ))
}

# parent pid of a pid
ppid_of() {
    local key value
    [ -r "/proc/$1/status" ] || return 0
    while read -r key value; do
        if [ "$key" = "PPid:" ]; then printf '%s' "$value"; return 0; fi
    done 2>/dev/null < "/proc/$1/status" || true
}

# command line of a pid with NULs turned into spaces
cmdline_of() {
    [ -r "/proc/$1/cmdline" ] || return 0
    tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline" || true
}

# the application's pids (APP_PIDS, else APP_PID)
app_pids() { printf '%s' "${APP_PIDS:-${APP_PID:-}}"; }

# pids of postgres processes whose command line contains the given directory
postgres_pids_for() {
    local dir="$1" p cmd
    [ -n "$dir" ] || return 0
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        cmd="$(cmdline_of "$p")"
        case "$cmd" in
            */postgres\ *"$dir"*|postgres\ *"$dir"*) printf '%s\n' "$p" ;;
        esac
    done
}

# Pss sum (kB) of the postmaster(s) for DATA_DIR and their child processes
postgres_pss_kb() {
    local total=0 pm p
    local -a pms
    mapfile -t pms < <(postgres_pids_for "${PG_DIR:-$DATA_DIR}")
    [ "${#pms[@]}" -gt 0 ] || { printf '0'; return 0; }
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        for pm in "${pms[@]}"; do
            if [ "$p" = "$pm" ] || [ "$(ppid_of "$p")" = "$pm" ]; then
                total=$(( total + $(pss_kb "$p") ))
                break
            fi
        done
    done
    printf '%s' "$total"
}

# prints "label: java VmRSS = N MiB; embedded PostgreSQL Pss = M MiB"
report_memory() {
    local label="$1" rss pgpss
    rss="$(rss_kb "$APP_PID")"
    pgpss="$(postgres_pss_kb)"
    if [ -z "$rss" ]; then
        log "RSS ${label}: process gone"
        return 0
    fi
    log "RSS ${label}: java VmRSS = $(kb_to_mib "$rss") (${rss} kB); embedded PostgreSQL Pss (postmaster + backends) = $(kb_to_mib "$pgpss")"
}

machine_info() {
    local mem_total="" key value unit
    while read -r key value unit; do
        if [ "$key" = "MemTotal:" ]; then mem_total="$value"; fi
    done < /proc/meminfo
    log "date:      $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    log "cpus:      $(nproc)"
    log "memory:    $(kb_to_mib "$mem_total") total"
    log "kernel:    $(uname -sr)"
    log "java:      $(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
    log "loadavg:   $(cat /proc/loadavg)"
    log "other java processes on the machine: $(other_java_count)"
}

port_in_use() {
    # any answer at all (even a connection reset after connect) means something listens
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null
    local rc=$?
    [ "$rc" -ne 7 ]
}

# make the working directory (logs) and a fresh data directory
# java_bench MAIN ARGS...: compiles bench/MAIN.java with the shared bench/BenchClient.java (JDK only)
# into the work directory and runs it.
java_bench() {
    local main="$1"
    shift
    local classes="${WORK_DIR:-${TMPDIR:-/tmp}}/bench-classes"
    mkdir -p "$classes"
    javac -nowarn -d "$classes" "${BENCH_DIR}/BenchClient.java" "${BENCH_DIR}/${main}.java" || die "javac failed for ${main}"
    BENCH_APP_PID="$(app_pids)" java -cp "$classes" "$main" "$@"
}

prepare_dirs() {
    WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/viche-bench.XXXXXX")"
    DATA_DIR="${WORK_DIR}/data"
    mkdir -p "$DATA_DIR"
}

show_log_tail() {
    if [ -n "$APP_LOG" ] && [ -f "$APP_LOG" ]; then
        printf '\n----- last 60 lines of %s -----\n' "$APP_LOG" >&2
        tail -n 60 "$APP_LOG" >&2
        printf -- '----- end of log -----\n' >&2
    fi
}

# start_app JAR LOGNAME: starts the jar in the background, sets APP_PID, APP_LOG, START_NS
start_app() {
    local jar="$1" name="$2"
    APP_LOG="${WORK_DIR}/${name}.log"
    if port_in_use "$BENCH_PORT"; then
        die "port ${BENCH_PORT} is already in use (set BENCH_PORT)"
    fi
    START_NS="$(now_ns)"
    if [ -n "${BENCH_JAVA_COMMAND:-}" ]; then
        # the command bin/viche --prepare printed (the extracted jar with its class data sharing archive)
        # shellcheck disable=SC2086
        $BENCH_JAVA_COMMAND --viche.data-dir="$DATA_DIR" --server.port="$BENCH_PORT" --viche.demo.enabled=true \
            > "$APP_LOG" 2>&1 &
    else
        # shellcheck disable=SC2086
        java $JAVA_OPTS -jar "$jar" --viche.data-dir="$DATA_DIR" --server.port="$BENCH_PORT" --viche.demo.enabled=true \
            > "$APP_LOG" 2>&1 &
    fi
    APP_PID=$!
}

# wait_ready: polls the readiness probe until HTTP 200; sets READY_SECONDS
wait_ready() {
    local url="http://127.0.0.1:${BENCH_PORT}/actuator/health/readiness" code deadline
    deadline=$(( $(now_ns) + BENCH_READY_TIMEOUT * 1000000000 ))
    while :; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "The application exited before it became ready." >&2
            show_log_tail
            APP_PID=""
            return 1
        fi
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null || true)"
        if [ "$code" = "200" ]; then
            READY_SECONDS="$(elapsed "$START_NS" "$(now_ns)")"
            return 0
        fi
        if [ "$(now_ns)" -gt "$deadline" ]; then
            log "The application was not ready within ${BENCH_READY_TIMEOUT} s (last HTTP status: ${code:-none})." >&2
            show_log_tail
            return 1
        fi
        sleep 0.1
    done
}

# stop_app: SIGTERM, wait, then check the exit status and that the embedded PostgreSQL is gone.
# Returns 0 when the shutdown was clean.
stop_app() {
    local pid="$APP_PID" rc=0 waited=0 clean=0 left t0 t1
    [ -n "$pid" ] || return 0
    local log_lines_before
    log_lines_before="$(wc -l < "$APP_LOG")"
    t0="$(now_ns)"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$waited" -ge $(( BENCH_STOP_TIMEOUT * 10 )) ]; then
            log "Process ${pid} still alive ${BENCH_STOP_TIMEOUT} s after SIGTERM: killing it (NOT clean)."
            show_log_tail
            kill -KILL "$pid" 2>/dev/null || true
            clean=1
            break
        fi
        sleep 0.1
        waited=$(( waited + 1 ))
    done
    wait "$pid" 2>/dev/null || rc=$?
    t1="$(now_ns)"
    APP_PID=""
    # 143 = 128 + SIGTERM: the JVM's normal status after running its shutdown hooks on SIGTERM
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 143 ]; then
        log "Shutdown: exited with status ${rc} after $(elapsed "$t0" "$t1") s (0/143 = normal exit on SIGTERM)"
    else
        log "Shutdown: exited with status ${rc} after $(elapsed "$t0" "$t1") s (NOT clean)"
        show_log_tail
        clean=1
    fi
    STOP_SECONDS="$(elapsed "$t0" "$t1")"
    # warnings and errors logged during the shutdown
    local nwarn=0 nerr=0 line shown=0
    while IFS= read -r line; do
        case "$line" in
            *" WARN "*|*" ERROR "*)
                case "$line" in *" ERROR "*) nerr=$(( nerr + 1 )) ;; *) nwarn=$(( nwarn + 1 )) ;; esac
                case "$line" in
                    *"Failed to validate connection"*) ;;  # one per pooled connection, summarised below
                    *)
                        if [ "$shown" -lt 6 ]; then
                            log "  shutdown log: ${line:0:400}"
                            shown=$(( shown + 1 ))
                        fi ;;
                esac ;;
        esac
    done < <(tail -n +"$(( log_lines_before + 1 ))" "$APP_LOG")
    if [ $(( nwarn + nerr )) -gt 0 ]; then
        log "Shutdown: ${nwarn} WARN and ${nerr} ERROR lines logged during the shutdown (NOT clean)"
        clean=1
    else
        log "Shutdown: no WARN/ERROR lines logged during the shutdown"
    fi
    # the postmaster may need a moment after the JVM is gone
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        left="$(postgres_pids_for "$DATA_DIR")"
        [ -z "$left" ] && break
        sleep 0.5
    done
    if [ -n "$left" ]; then
        log "Shutdown: postgres still running on ${DATA_DIR}: pids $(printf '%s ' $left)(NOT clean)"
        clean=1
    else
        log "Shutdown: no postgres process left with ${DATA_DIR} in its command line"
    fi
    if [ -e "${DATA_DIR}/postgres/postmaster.pid" ]; then
        log "Shutdown: ${DATA_DIR}/postgres/postmaster.pid still present (NOT clean)"
        clean=1
    fi
    return "$clean"
}

# Cleanup trap: kill the app (and its embedded PostgreSQL) if still running.
cleanup() {
    local rc=$? left p
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 300); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    if [ -n "$DATA_DIR" ]; then
        left="$(postgres_pids_for "$DATA_DIR")"
        for p in $left; do kill -TERM "$p" 2>/dev/null || true; done
    fi
    if declare -F cleanup_extra > /dev/null; then cleanup_extra || true; fi
    if [ -n "$WORK_DIR" ] && [ "${BENCH_KEEP:-0}" != "1" ] && [ "$rc" -eq 0 ]; then
        rm -rf "$WORK_DIR"
    elif [ -n "$WORK_DIR" ]; then
        log "Kept ${WORK_DIR} (logs and data)." >&2
    fi
    exit "$rc"
}

# ---------------------------------------------------------------------------
# Page load with wrk
#   BENCH_PAGES      space-separated paths (default: / /kropyvnytskyi /api/v1/communities /api/v1/kropyvnytskyi)
#   WRK_THREADS      default 2
#   WRK_CONNECTIONS  default 64
#   WRK_DURATION     measured run, default 30s
#   WRK_WARMUP       warm-up run before each measured run, default 10s
BENCH_PAGES="${BENCH_PAGES:-/ /kropyvnytskyi /api/v1/communities /api/v1/kropyvnytskyi}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-64}"
WRK_DURATION="${WRK_DURATION:-30s}"
WRK_WARMUP="${WRK_WARMUP:-10s}"
BUDGET_RPS=1500
BUDGET_P99_MS=50

# wrk duration ("4.90ms", "812.00us", "1.02s", "1.10m") -> microseconds (integer)
wrk_to_us() {
    local v="$1" num unit int frac
    case "$v" in
        *us) num="${v%us}"; unit=1 ;;
        *ms) num="${v%ms}"; unit=1000 ;;
        *m)  num="${v%m}";  unit=60000000 ;;
        *s)  num="${v%s}";  unit=1000000 ;;
        *)   printf '%s' "-1"; return 0 ;;
    esac
    int="${num%%.*}"
    frac="0"
    if [ "$num" != "$int" ]; then frac="${num#*.}"; fi
    frac="${frac}000000"; frac="${frac:0:6}"
    # value = int.frac * unit
    printf '%s' $(( int * unit + 10#$frac * unit / 1000000 ))
}

us_to_ms() { printf '%d.%02d' $(( $1 / 1000 )) $(( ($1 % 1000) / 10 )); }

wait_for_wrk() {
    local waited=0 limit="${BENCH_WRK_WAIT:-0}"
    while [ ! -x /usr/bin/wrk ] && ! command -v wrk > /dev/null 2>&1; do
        if [ "$waited" -ge "$limit" ]; then die "wrk not found; install it with: apt-get install wrk (BENCH_WRK_WAIT=600 waits for an install under way)"; fi
        if [ "$waited" -eq 0 ]; then log "Waiting up to ${limit} s for wrk to be installed ..."; fi
        sleep 5
        waited=$(( waited + 5 ))
    done
}

# run_pages: per page a warm-up and a measured wrk run (repeated, up to BENCH_ATTEMPTS times, when
# other processes took >= 10 % of the CPU during the measured run); prints the raw wrk output and
# a summary table
run_pages() {
    local base="http://127.0.0.1:${BENCH_PORT}" path url out line a b c d attempt attempts
    local rps p50 p99 p75 p90 avg errors non2xx total p99us rpsint verdict cpu
    local -a rows=()
    attempts="${BENCH_ATTEMPTS:-3}"
    for path in $BENCH_PAGES; do
        url="${base}${path}"
        log ""
        log "=== ${path} ==="
        log "check: $(curl -s -o /dev/null --max-time 10 -w 'HTTP %{http_code}, %{size_download} bytes, %{content_type}, %{time_total} s' "$url" || true)"
        attempt=1
        while :; do
            wait_quiet
            log "warm-up: wrk -t${WRK_THREADS} -c${WRK_CONNECTIONS} -d${WRK_WARMUP} ${url}"
            wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" "$url" > /dev/null
            log "measure (attempt ${attempt}): wrk -t${WRK_THREADS} -c${WRK_CONNECTIONS} -d${WRK_DURATION} --latency ${url}"
            cpu_mark
            out="$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "$url")"
            printf '%s\n' "$out"
            cpu_report "during the measured run"
            if [ "$CPU_OTHER_PCT" -lt 10 ] || [ "$attempt" -ge "$attempts" ]; then break; fi
            log "other processes took ${CPU_OTHER_PCT}% of the CPU during the run: discarding it and measuring again"
            attempt=$(( attempt + 1 ))
        done
        cpu="app ${CPU_APP_PCT}%, pg ${CPU_PG_PCT}%, wrk ${CPU_GEN_PCT}%, other ${CPU_OTHER_PCT}%"
        [ -z "${SERVER_PIDS:-}" ] || cpu="app ${CPU_APP_PCT}%, pg ${CPU_PG_PCT}%, ${SERVER_LABEL:-servers} ${CPU_SRV_PCT}%, wrk ${CPU_GEN_PCT}%, other ${CPU_OTHER_PCT}%"
        rps="?"; p50="?"; p75="?"; p90="?"; p99="?"; avg="?"; errors="none"; non2xx="0"; total="?"
        while read -r a b c d _; do
            case "$a" in
                Latency) [ "$avg" = "?" ] && avg="$b" ;;
                50%) p50="$b" ;;
                75%) p75="$b" ;;
                90%) p90="$b" ;;
                99%) p99="$b" ;;
                Requests/sec:) rps="$b" ;;
                Non-2xx) non2xx="$d" ;;
            esac
            case "$b $c" in
                "requests in") total="$a" ;;
            esac
        done <<< "$out"
        while IFS= read -r line; do
            case "$line" in *"Socket errors:"*) errors="${line#*Socket errors: }" ;; esac
        done <<< "$out"
        p99us="$(wrk_to_us "$p99")"
        rpsint="${rps%%.*}"
        verdict="meets budget"
        if [ "$rpsint" = "?" ] || [ "$p99us" -lt 0 ]; then
            verdict="no result"
        elif [ "$rpsint" -lt "$BUDGET_RPS" ] && [ "$p99us" -gt $(( BUDGET_P99_MS * 1000 )) ]; then
            verdict="MISSES budget (req/s and p99)"
        elif [ "$rpsint" -lt "$BUDGET_RPS" ]; then
            verdict="MISSES budget (req/s)"
        elif [ "$p99us" -gt $(( BUDGET_P99_MS * 1000 )) ]; then
            verdict="MISSES budget (p99)"
        fi
        if [ "$non2xx" != "0" ] || [ "$errors" != "none" ]; then
            verdict="${verdict}; non-2xx/3xx=${non2xx}; socket errors: ${errors}"
        fi
        if [ "$CPU_OTHER_PCT" -ge 10 ]; then
            verdict="${verdict}; DISTORTED: other processes took ${CPU_OTHER_PCT}% CPU"
        fi
        rows+=("$(printf '%-24s %9s %9s %9s %9s %9s %8s  %-40s %s' "$path" "$rps" "$p50" "$p90" "$p99" "$avg" "$total" "$cpu" "$verdict")")
    done
    log ""
    log "=== Summary (wrk -t${WRK_THREADS} -c${WRK_CONNECTIONS} -d${WRK_DURATION} --latency after a ${WRK_WARMUP} warm-up; budget >= ${BUDGET_RPS} req/s and p99 <= ${BUDGET_P99_MS} ms) ==="
    log "$(printf '%-24s %9s %9s %9s %9s %9s %8s  %-40s %s' page 'req/s' p50 p90 p99 avg requests "CPU share (of $(nproc) cores)" verdict)"
    for line in "${rows[@]}"; do log "$line"; done
}

# "Started VicheApplication in X seconds (process running for Y)" from the app log
spring_started_line() {
    local line
    while IFS= read -r line; do
        case "$line" in *"Started "*" in "*" seconds"*) printf '%s' "${line#*: }"; return 0 ;; esac
    done < "$APP_LOG"
}

# prints the readiness line with CPU time and Spring's own figure
report_ready() {
    log "ready after ${READY_SECONDS} s (wall clock from launch to HTTP 200 on the readiness probe)"
    log "  java CPU time to ready (user+sys incl. initdb): $(cpu_seconds "$APP_PID") s; loadavg now: $(cut -d' ' -f1-3 /proc/loadavg)"
    log "  spring: $(spring_started_line)"
}

# Number of java processes on the machine other than the app under test
other_java_count() {
    local n=0 p cmd
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        case " $(app_pids) ${SERVER_PIDS:-} " in *" $p "*) continue ;; esac
        cmd="$(cmdline_of "$p")"
        case "$cmd" in java\ *|*/java\ *) n=$(( n + 1 )) ;; esac
    done
    printf '%s' "$n"
}

# Wait (up to BENCH_QUIET_TIMEOUT seconds, default 900; 0 = do not wait) until processes other
# than the app under test, its PostgreSQL and this script used less than 10 % of the machine's CPU
# in two 5-second windows in a row, so that a build or test run on the same machine does not
# distort the figures. Proceeds with a warning when the machine stays busy.
wait_quiet() {
    local limit="${BENCH_QUIET_TIMEOUT:-900}" waited=0 quiet=0 t0
    [ "$limit" -gt 0 ] || return 0
    t0="$(now_ns)"
    while [ "$waited" -lt "$limit" ]; do
        cpu_mark
        sleep 5
        cpu_measure
        if [ "$CPU_OTHER_PCT" -lt 10 ]; then
            quiet=$(( quiet + 1 ))
            if [ "$quiet" -ge 2 ]; then
                if [ "$waited" -gt 10 ]; then log "machine quiet after waiting ${waited} s"; fi
                return 0
            fi
        else
            if [ "$waited" -eq 0 ] || [ $(( waited % 60 )) -lt 6 ]; then
                log "waiting for the machine to be quiet: other processes use ${CPU_OTHER_PCT}% of the CPU (other java processes: $(other_java_count)) ..."
            fi
            quiet=0
        fi
        waited=$(( ($(now_ns) - t0) / 1000000000 ))
    done
    log "WARNING: machine still busy after ${limit} s (other processes ${CPU_OTHER_PCT}% CPU); figures may be distorted"
}

# ---------------------------------------------------------------------------
# CPU accounting over an interval (clock ticks, USER_HZ = 100)

# busy ticks of the whole machine (all CPUs) from /proc/stat
machine_busy_ticks() {
    local cpu user nice system idle iowait irq softirq steal rest
    read -r cpu user nice system idle iowait irq softirq steal rest < /proc/stat
    printf '%s' $(( user + nice + system + irq + softirq + steal ))
}

# utime+stime (+ cutime+cstime when $2 = all) of a pid in ticks, 0 if gone
proc_ticks() {
    local stat rest
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { printf '0'; return 0; }
    rest="${stat##*) }"
    local -a f
    read -r -a f <<< "$rest"
    if [ "${2:-}" = "all" ]; then
        printf '%s' $(( f[11] + f[12] + f[13] + f[14] ))
    else
        printf '%s' $(( f[11] + f[12] ))
    fi
}

# ticks of the embedded PostgreSQL: postmaster (incl. exited children) + live children
postgres_ticks() {
    local total=0 pm p
    local -a pms
    mapfile -t pms < <(postgres_pids_for "${PG_DIR:-$DATA_DIR}")
    [ "${#pms[@]}" -gt 0 ] || { printf '0'; return 0; }
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        for pm in "${pms[@]}"; do
            if [ "$p" = "$pm" ]; then
                total=$(( total + $(proc_ticks "$p" all) )); break
            elif [ "$(ppid_of "$p")" = "$pm" ]; then
                total=$(( total + $(proc_ticks "$p") )); break
            fi
        done
    done
    printf '%s' "$total"
}

# ticks of the application's processes (APP_PIDS or APP_PID)
app_ticks() {
    local total=0 p
    for p in $(app_pids); do total=$(( total + $(proc_ticks "$p") )); done
    printf '%s' "$total"
}

# ticks of SERVER_PIDS and their live child processes (nginx's workers), 0 when none
server_ticks() {
    local total=0 p s
    [ -n "${SERVER_PIDS:-}" ] || { printf '0'; return 0; }
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        for s in $SERVER_PIDS; do
            if [ "$p" = "$s" ]; then
                total=$(( total + $(proc_ticks "$p" all) )); break
            elif [ "$(ppid_of "$p")" = "$s" ]; then
                total=$(( total + $(proc_ticks "$p") )); break
            fi
        done
    done
    printf '%s' "$total"
}

# cpu_mark: remember the counters; cpu_report LABEL: print the shares since cpu_mark
# The load generator (wrk, curl) is a child of this shell: its time shows in our cutime.
cpu_mark() {
    CPU_T0="$(now_ns)"
    CPU_M0="$(machine_busy_ticks)"
    CPU_J0="$(app_ticks)"
    CPU_P0="$(postgres_ticks)"
    CPU_S0="$(server_ticks)"
    CPU_W0="$(proc_ticks "$$" all)"
}

# cpu_measure: shares (percent of all cores) since cpu_mark in CPU_*_PCT variables
cpu_measure() {
    local t1 m j p w s cap other
    t1="$(now_ns)"
    m=$(( $(machine_busy_ticks) - CPU_M0 ))
    j=$(( $(app_ticks) - CPU_J0 ))
    p=$(( $(postgres_ticks) - CPU_P0 ))
    s=$(( $(server_ticks) - CPU_S0 ))
    w=$(( $(proc_ticks "$$" all) - CPU_W0 ))
    # capacity in ticks = cores * seconds * 100
    cap=$(( $(nproc) * (t1 - CPU_T0) / 10000000 ))
    [ "$cap" -gt 0 ] || cap=1
    other=$(( m - j - p - w - s ))
    [ "$other" -ge 0 ] || other=0
    CPU_MACHINE_PCT=$(( m * 100 / cap ))
    CPU_APP_PCT=$(( j * 100 / cap ))
    CPU_PG_PCT=$(( p * 100 / cap ))
    CPU_GEN_PCT=$(( w * 100 / cap ))
    CPU_SRV_PCT=$(( s * 100 / cap ))
    CPU_OTHER_PCT=$(( other * 100 / cap ))
}

# cpu_report LABEL: measure and print the shares since cpu_mark
cpu_report() {
    cpu_measure
    local servers=""
    [ -z "${SERVER_PIDS:-}" ] || servers="; ${SERVER_LABEL:-servers} ${CPU_SRV_PCT}%"
    log "CPU ${1} (share of $(nproc) cores): machine busy ${CPU_MACHINE_PCT}%; java app ${CPU_APP_PCT}%; embedded PostgreSQL ${CPU_PG_PCT}%${servers}; load generator and this script ${CPU_GEN_PCT}%; other processes ${CPU_OTHER_PCT}%"
}
