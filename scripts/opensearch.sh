#!/usr/bin/env bash
# Starts OpenSearch 2.19 for Viche's search (decision 0058) on 127.0.0.1:9200, with the project's
# Ukrainian analysis plugin (search-plugin/), from the integ-test-zip on Maven Central.
#   scripts/opensearch.sh start   unpack (once), install the plugin, start, wait for yellow/green
#   scripts/opensearch.sh stop    stop it
# Settings (environment): VICHE_OPENSEARCH_DIR (where it is unpacked and keeps its data; default
# /tmp/viche-opensearch; not OPENSEARCH_HOME, which OpenSearch's own scripts read), OPENSEARCH_PORT (9200),
# OPENSEARCH_HEAP (512m), OPENSEARCH_USER (the account it runs as when started by root: opensearch).
# OpenSearch refuses to run as root: as root the script creates that account and runs it with runuser.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.19.6
HOME_DIR=${VICHE_OPENSEARCH_DIR:-/tmp/viche-opensearch}
unset OPENSEARCH_HOME # OpenSearch's scripts take it for the distribution's own directory
PORT=${OPENSEARCH_PORT:-9200}
HEAP=${OPENSEARCH_HEAP:-512m}
RUN_AS=${OPENSEARCH_USER:-opensearch}
M2=${MAVEN_REPO:-$HOME/.m2/repository}
ZIP="$M2/org/opensearch/distribution/integ-test-zip/opensearch/$VERSION/opensearch-$VERSION.zip"
PLUGIN=search-plugin/target/viche-analysis-ukrainian-1.0.0.zip
DIST="$HOME_DIR/opensearch-$VERSION"
# the integ-test-zip has no bundled JDK: it runs on ours (Java 17)
export OPENSEARCH_JAVA_HOME=${OPENSEARCH_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}

start() {
  if curl -fsS "http://127.0.0.1:$PORT" >/dev/null 2>&1; then
    echo "OpenSearch already answers on port $PORT"; return 0
  fi
  [ -f "$ZIP" ] || ./mvnw -B -ntp -q dependency:copy \
      -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip -DoutputDirectory="$HOME_DIR/download"
  [ -f "$ZIP" ] || ZIP="$HOME_DIR/download/opensearch-$VERSION.zip"
  [ -f "$PLUGIN" ] || ./mvnw -B -ntp -q -f search-plugin/pom.xml package
  if [ "$(id -u)" = 0 ] && ! id "$RUN_AS" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  fi
  mkdir -p "$HOME_DIR"
  if [ ! -d "$DIST" ]; then
    unzip -q "$ZIP" -d "$HOME_DIR"
    cp "$PLUGIN" "$HOME_DIR/viche-analysis-ukrainian.zip"
    "$DIST/bin/opensearch-plugin" install --batch "file://$HOME_DIR/viche-analysis-ukrainian.zip"
  fi
  if [ ! -d "$DIST/modules/reindex" ]; then
    # the integ-test-zip has no reindex module; Hibernate Search purges one community with its
    # delete-by-query: the module's jars from Maven Central, less those OpenSearch has in lib/
    ./mvnw -B -ntp -q -f search-plugin/test-modules/pom.xml dependency:copy-dependencies \
        -DoutputDirectory="$HOME_DIR/reindex" -DincludeScope=runtime
    mkdir -p "$DIST/modules/reindex"
    for jar in "$HOME_DIR"/reindex/*.jar; do
      base=$(basename "$jar")
      ls "$DIST/lib/${base%-*.jar}"-*.jar >/dev/null 2>&1 || cp "$jar" "$DIST/modules/reindex/"
    done
    printf '%s\n' "description=Reindex, update-by-query and delete-by-query" "version=$VERSION" "name=reindex" \
        "classname=org.opensearch.index.reindex.ReindexPlugin" "java.version=11" "opensearch.version=$VERSION" \
        "extended.plugins=" "has.native.controller=false" > "$DIST/modules/reindex/plugin-descriptor.properties"
  fi
  if [ "$(id -u)" = 0 ]; then chown -R "$RUN_AS" "$HOME_DIR"; fi
  chmod 755 "$HOME_DIR"
  as_owner env OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" OPENSEARCH_JAVA_HOME="$OPENSEARCH_JAVA_HOME" \
    "$DIST/bin/opensearch" -d -p "$HOME_DIR/opensearch.pid" \
    -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="$PORT" \
    -Epath.data="$HOME_DIR/data" -Epath.logs="$HOME_DIR/logs" -Ecluster.routing.allocation.disk.threshold_enabled=false
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      echo "OpenSearch $VERSION ready on http://127.0.0.1:$PORT"; return 0
    fi
    sleep 1
  done
  echo "OpenSearch did not start; see $HOME_DIR/logs" >&2
  return 1
}

stop() {
  if [ -f "$HOME_DIR/opensearch.pid" ]; then
    kill "$(cat "$HOME_DIR/opensearch.pid")" 2>/dev/null || true
    rm -f "$HOME_DIR/opensearch.pid"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
