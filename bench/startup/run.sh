#!/usr/bin/env bash
# Start-up time: from process start to /actuator/health/readiness answering 200, on the embedded default (H2, demo
# content). Five ways to start the same jar (built with Spring AOT: ./mvnw -Paot package), RUNS times each, alternating:
#   jar      java -jar selvbetjening.jar (the baseline; the AOT code in the jar is not used)
#   cds      the jar extracted (java -Djarmode=tools extract) and started with a class data sharing archive made by a
#            training run (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh); the JVM maps the archived
#            classes instead of loading, verifying and parsing them
#   cds+tier the same with -XX:TieredStopAtLevel=1 (C1 only: less compiling during start-up, slower peak; shown
#            to make the trade visible, not recommended for the citizen read path)
#   aot      java -Dspring.aot.enabled=true -jar selvbetjening.jar: the bean graph Spring AOT fixed at build time
#            (no configuration class parsing, condition evaluation or classpath scanning at start-up)
#   aot+cds  AOT and a CDS archive trained with AOT on, C2 kept (the production command, docs/operations.md)
# Each run starts on a copy of one database that already holds the demo content (a restart, as in production);
# the first start on an empty folder (migrations + demo content + search index) is measured once per way as well.
# Writes bench/startup/RESULTS.md (median of RUNS).
#
# Usage: bench/startup/run.sh
#   SKIP_BUILD=1   use the jar in target/ as it is
#   RUNS=3 APP_PORT=18097
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-3}
APP_PORT=${APP_PORT:-18097}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-240}
APP="http://127.0.0.1:$APP_PORT"
APP_PID=""
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup startup
stop_app() { [[ -z "$APP_PID" ]] || stop_process "$APP_PID" 30; APP_PID=""; }
on_exit stop_app

# The jar with Spring AOT's code for the embedded default (no profile), as the ways aot and aot+cds need
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building the jar with Spring AOT (./mvnw -Paot package)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Paot package)
fi
SKIP_BUILD=1 build_jar
JAR="$ROOT/$JAR"
require_free_ports "$APP_PORT"
ARGS=(--server.port="$APP_PORT" --selvbetjening.linkcheck.enabled=false)
JVM=(-Xmx512m)
WAYS="jar cds cds+tier aot aot+cds"

log "extracting the jar and training the class data sharing archive"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >"$OUT/extract.log" 2>&1
EXTRACTED=$(ls "$WORK"/extracted/*.jar)
mkdir -p "$WORK/training"
(cd "$WORK/training" && java "${JVM[@]}" -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$EXTRACTED" "${ARGS[@]}") >"$OUT/training.log" 2>&1
[[ -s "$WORK/app.jsa" ]] || { log "no CDS archive was written; see $OUT/training.log"; exit 1; }
(cd "$WORK/training" && java "${JVM[@]}" -Dspring.aot.enabled=true -XX:ArchiveClassesAtExit="$WORK/app-aot.jsa" \
  -Dspring.context.exit=onRefresh -jar "$EXTRACTED" "${ARGS[@]}") >"$OUT/training-aot.log" 2>&1
[[ -s "$WORK/app-aot.jsa" ]] || { log "no CDS archive was written with AOT; see $OUT/training-aot.log"; exit 1; }

# command WAY -> the java command line for it
command_for() {
  case $1 in
    jar) echo java "${JVM[@]}" -jar "$JAR" "${ARGS[@]}" ;;
    cds) echo java "${JVM[@]}" -XX:SharedArchiveFile="$WORK/app.jsa" -jar "$EXTRACTED" "${ARGS[@]}" ;;
    cds+tier) echo java "${JVM[@]}" -XX:SharedArchiveFile="$WORK/app.jsa" -XX:TieredStopAtLevel=1 -jar "$EXTRACTED" "${ARGS[@]}" ;;
    aot) echo java "${JVM[@]}" -Dspring.aot.enabled=true -jar "$JAR" "${ARGS[@]}" ;;
    aot+cds) echo java "${JVM[@]}" -Dspring.aot.enabled=true -XX:SharedArchiveFile="$WORK/app-aot.jsa" -jar "$EXTRACTED" "${ARGS[@]}" ;;
  esac
}

# measure NAME DIR WAY -> seconds from the fork to readiness 200
measure() {
  local name=$1 dir=$2 way=$3 started ended cmd
  read -r -a cmd <<<"$(command_for "$way")"
  started=$(date +%s.%N)
  (cd "$dir" && exec "${cmd[@]}") >"$OUT/$name.log" 2>&1 &
  APP_PID=$!
  until [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$APP/actuator/health/readiness" || true)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { log "$name exited during start-up; see $OUT/$name.log"; exit 1; }
    (( $(date +%s) - ${started%.*} < HEALTH_TIMEOUT )) || { log "$name: not ready in ${HEALTH_TIMEOUT}s"; exit 1; }
    sleep 0.05
  done
  ended=$(date +%s.%N)
  stop_app
  echo "$ended - $started" | bc
}

# One database with the demo content, copied for every restart run
log "preparing a database with the demo content"
mkdir -p "$WORK/seeded"
measure seed "$WORK/seeded" jar >/dev/null

: >"$WORK/rows"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for way in $WAYS; do
  mkdir -p "$WORK/first-$way"
  s=$(measure "first-$way" "$WORK/first-$way" "$way")
  log "$way, first start on an empty folder: ${s}s"
  printf 'first\t%s\t%s\n' "$way" "$s" >>"$WORK/rows"
done
for i in $(seq "$RUNS"); do
  for way in $WAYS; do
    rm -rf "$WORK/run" && cp -r "$WORK/seeded" "$WORK/run"
    s=$(measure "restart-$way-$i" "$WORK/run" "$way")
    log "$way, restart $i: ${s}s"
    printf 'restart\t%s\t%s\n' "$way" "$s" >>"$WORK/rows"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
cp "$WORK/rows" "$OUT/rows.tsv"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
value() { awk -F'\t' -v k="$1" -v w="$2" '$1 == k && $2 == w { print $3 }' "$WORK/rows" | median; }
base=$(value restart jar)
{
  echo "## Start-up (bench/startup)"
  echo
  echo "\`bench/startup/run.sh\`: seconds from the JVM's fork to \`/actuator/health/readiness\` answering 200 (migrations"
  echo "checked, content loaded, citizen snapshot built) on the embedded default, \`-Xmx512m\`. Restart: on a copy of a"
  echo "database that already holds the demo content (median of $RUNS). First start: an empty folder (migrations, demo"
  echo "content, search index; one run). Ratio: the baseline \`java -jar\` restart divided by the way's restart. Ways"
  echo "(the script's header): jar = \`java -jar\`; cds = extracted jar + CDS archive; +tier = C1 only (not for production);"
  echo "aot = Spring AOT (\`-Dspring.aot.enabled=true\`, jar built with \`-Paot\`); aot+cds = both, C2 kept (production, ADR 0030)."
  echo
  echo "| way | restart (s) | ratio | first start (s) |"
  echo "|---|---|---|---|"
  for way in $WAYS; do
    r=$(value restart "$way")
    printf '| %s | %.2f | %.2f | %.2f |\n' "$way" "$r" "$(echo "$base / $r" | bc -l)" "$(value first "$way")"
  done
  echo
  echo "Goal: ready in at most 8 s. Load average before/after: $load_before / $load_after ($(nproc) cores). The"
  echo "production command is in docs/operations.md (\"Start-up\")."
} >"$ROOT/bench/startup/RESULTS.md"
cat "$ROOT/bench/startup/RESULTS.md"
