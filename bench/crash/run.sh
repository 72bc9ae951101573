#!/usr/bin/env bash
# Crash test: are the connection requests the application answered with 201 still there after the process is
# killed (kill -9) mid-load and started again on the same data? On the embedded default (H2 file database, as
# shipped, and once with the URL as it was before WRITE_DELAY=0, the baseline) and on PostgreSQL (the postgres
# profile on a throwaway PostgreSQL 15 cluster of its own). Writes bench/crash/RESULTS.md (keeping the part of
# bench/crash/cluster.sh, two nodes behind nginx) and rebuilds BENCHMARKS.md from every bench/*/RESULTS.md.
#
# Each run: a fresh database; the app; CLIENTS concurrent clients POST valid requests to
# /api/v1/connection-requests (bench/crash/load.py) and record every reference answered 201; after LOAD_SECONDS
# the JVM gets SIGKILL while all of them are submitting; the app is started again on the same data and must
# become healthy; then the stored references are read from the database (H2's Shell, psql) and compared.
#
# Usage: bench/crash/run.sh
#   SKIP_BUILD=1       use the jar in target/ as it is (default: ./mvnw -B -q -DskipTests package)
#   RUNS=3             runs per engine with the shipped settings (the table shows each, the summary the median)
#   BASELINE_RUNS=3    runs on H2 with the URL before the fix (without WRITE_DELAY=0); 0: none
#   CLIENTS=16         concurrent clients
#   LOAD_SECONDS=20    load before the kill
#   POSTGRES=1         0: H2 only
#   APP_PORT=18090 PG_PORT=18091
#
# Everything runs on 127.0.0.1 as throwaway processes and files; nothing global changes (the PostgreSQL cluster is
# created by initdb in a temporary folder, run by the postgres user, and removed). The app and the cluster are
# stopped on exit, also on failure. Logs of the last run: bench/out/crash/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-3}
BASELINE_RUNS=${BASELINE_RUNS:-3}
CLIENTS=${CLIENTS:-16}
LOAD_SECONDS=${LOAD_SECONDS:-20}
POSTGRES=${POSTGRES:-1}
APP_PORT=${APP_PORT:-18090}
PG_PORT=${PG_PORT:-18091}
HEALTH_TIMEOUT=240
APP="http://127.0.0.1:$APP_PORT"
# The public submission limit per client address would turn the load into 429s
APP_ARGS=(--server.port="$APP_PORT" --selvbetjening.connection.submissions-per-minute=100000000
  --selvbetjening.linkcheck.enabled=false --logging.level.root=WARN)

APP_PID=""

# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup crash

stop_app() {  # SIGTERM, then SIGKILL after 20 s
  [[ -z "$APP_PID" ]] || stop_process "$APP_PID" 20
  APP_PID=""
}

stop_all() { stop_app; stop_pg_cluster; }
on_exit stop_all

command -v curl >/dev/null || { log "curl is missing"; exit 1; }
command -v python3 >/dev/null || { log "python3 is missing"; exit 1; }

# --- build ------------------------------------------------------------------------------------------------
build_jar
JAR="$ROOT/$JAR"  # the app runs in other folders
require_free_ports "$APP_PORT" "$PG_PORT"

# The H2 URL exactly as shipped in the jar; the app runs in a fresh folder, so its ./data path lands there. The
# baseline is the same URL without WRITE_DELAY=0 (H2's default then: commits written up to 500 ms later).
SHIPPED_URL=$(unzip -p "$JAR" BOOT-INF/classes/application.properties | sed -n 's/^spring\.datasource\.url=//p' | tail -n 1)
[[ "$SHIPPED_URL" == jdbc:h2:file:* ]] || { log "no H2 file URL in the jar's application.properties: $SHIPPED_URL"; exit 1; }
BASELINE_URL=${SHIPPED_URL//;WRITE_DELAY=0/}
if [[ "$BASELINE_URL" == "$SHIPPED_URL" ]]; then
  log "the shipped URL has no WRITE_DELAY=0: the baseline equals the shipped setting"
fi
unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
H2_JAR=$(ls "$WORK"/h2-*.jar)

# --- one run --------------------------------------------------------------------------------------------------
# start_app NAME DIR [ENV...] -- ARGS... : starts the jar in DIR, its output in $OUT/NAME.log, and waits for health
start_app() {
  local name=$1 dir=$2 env=()
  shift 2
  while [[ $# -gt 0 && "$1" != -- ]]; do env+=("$1"); shift; done
  shift
  (cd "$dir" && exec env "${env[@]}" java -Xmx512m -jar "$JAR" "$@") >"$OUT/$name.log" 2>&1 &
  APP_PID=$!
  wait_healthy "$APP" "$APP_PID" "$HEALTH_TIMEOUT" "$OUT/$name.log"
}

# load_and_kill NAME : load, SIGKILL mid-load (load.py), reap the JVM; sets LOAD_LINE, ACKED_FILE
load_and_kill() {
  local name=$1 status=0
  ACKED_FILE="$OUT/$name-acknowledged.txt"
  LOAD_LINE=$(python3 "$ROOT/bench/crash/load.py" "$APP" "$APP_PID" "$CLIENTS" "$LOAD_SECONDS" "$ACKED_FILE" \
    2>>"$OUT/$name.load.log")
  wait "$APP_PID" 2>/dev/null || status=$?
  APP_PID=""
  [[ $status -eq 137 ]] || { log "$name: the JVM ended with $status, not 137 (SIGKILL)"; exit 1; }
  [[ -s "$ACKED_FILE" ]] || { log "$name: no request was answered 201; see $OUT/$name.load.log and $OUT/$name.log"; exit 1; }
}

# compare NAME ENGINE SETTING : acknowledged vs stored references; appends a row to $WORK/rows
compare() {
  local name=$1 engine=$2 setting=$3 acked present lost extra seconds rate
  sort -u "$ACKED_FILE" >"$WORK/acked"
  grep -E '^TS-[0-9]{4}-[0-9]+$' "$OUT/$name-stored.txt" | sort -u >"$WORK/stored" || true
  acked=$(wc -l <"$WORK/acked")
  [[ $acked -eq $(wc -l <"$ACKED_FILE") ]] || { log "$name: a reference was acknowledged twice"; exit 1; }
  present=$(comm -12 "$WORK/acked" "$WORK/stored" | wc -l)
  lost=$((acked - present))
  extra=$(comm -13 "$WORK/acked" "$WORK/stored" | wc -l)
  comm -23 "$WORK/acked" "$WORK/stored" >"$OUT/$name-lost.txt"
  seconds=$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$LOAD_LINE")
  rate=$(awk -v a="$acked" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? a / s : 0) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$engine" "$setting" "$acked" "$present" "$lost" "$extra" "$rate" \
    >>"$WORK/rows"
  log "$(printf '%-14s acknowledged %5d  present %5d  lost %4d  stored without answer %3d  (%s/s over %ss; %s)' \
    "$name" "$acked" "$present" "$lost" "$extra" "$rate" "$seconds" "$LOAD_LINE")"
}

# h2_run NAME URL : URL empty = as shipped (no override)
h2_run() {
  local name=$1 url=$2 dir="$WORK/$1" args=("${APP_ARGS[@]}") delay
  mkdir -p "$dir"
  [[ -z "$url" ]] || args+=("--spring.datasource.url=$url")
  log "$name: starting on a new H2 file database in $dir"
  start_app "$name" "$dir" -- "${args[@]}"
  load_and_kill "$name"
  log "$name: killed; starting again on the same data"
  start_app "$name-restart" "$dir" -- "${args[@]}"
  stop_app  # H2 allows one process per database file: stop the app before reading the file with H2's Shell
  (cd "$dir" && java -cp "$H2_JAR" org.h2.tools.Shell -url "${url:-$SHIPPED_URL}" -user sa -password "" \
    -sql "SELECT reference FROM connection_request") >"$OUT/$name-stored.txt"
  delay=$(cd "$dir" && java -cp "$H2_JAR" org.h2.tools.Shell -url "${url:-$SHIPPED_URL}" -user sa -password "" \
    -sql "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'" | sed -n 2p)
  compare "$name" H2 "WRITE_DELAY=$delay"
}

# pg_run NAME : a new database on the throwaway cluster, the postgres profile with its required settings
pg_run() {
  local name=$1 db="crash_${1//-/_}" env settings
  psql_admin -c "CREATE DATABASE $db OWNER crash"
  env=(SELVBETJENING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" SELVBETJENING_DB_USER=crash
    SELVBETJENING_DB_PASSWORD="$PG_PASSWORD" SELVBETJENING_CONNECTION_TOKEN_SECRET="$(random_secret)"
    SELVBETJENING_CONNECTION_TOKENSECRET="$(random_secret)" SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=redaktoer@selvbetjening.local
    SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD="$(random_secret)")
  log "$name: starting with the postgres profile on database $db"
  start_app "$name" "$WORK" "${env[@]}" -- --spring.profiles.active=postgres "${APP_ARGS[@]}"
  load_and_kill "$name"
  log "$name: killed; starting again on the same data"
  start_app "$name-restart" "$WORK" "${env[@]}" -- --spring.profiles.active=postgres "${APP_ARGS[@]}"
  PGPASSWORD="$PG_PASSWORD" psql -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U crash -d "$db" \
    -c "SELECT reference FROM connection_request" >"$OUT/$name-stored.txt"
  settings=$(PGPASSWORD="$PG_PASSWORD" psql -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U crash -d "$db" \
    -c "SELECT 'synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync')")
  stop_app
  compare "$name" PostgreSQL "$settings"
}


# --- runs -----------------------------------------------------------------------------------------------------
: >"$WORK/rows"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$BASELINE_RUNS"); do h2_run "h2-baseline-$i" "$BASELINE_URL"; done
for i in $(seq "$RUNS"); do h2_run "h2-$i" ""; done

PG_VERSION=""
if [[ "$POSTGRES" == 1 ]]; then
  start_pg_cluster
  PG_PASSWORD=$(random_secret)
  psql_admin -c "CREATE ROLE crash LOGIN PASSWORD '$PG_PASSWORD'"
  for i in $(seq "$RUNS"); do pg_run "postgres-$i"; done
fi

# --- RESULTS.md -----------------------------------------------------------------------------------------------
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
summary() {  # summary RUN_NAME_REGEX -> runs, median acknowledged, median lost, "lost of acknowledged" in all
  awk -F'\t' -v p="$1" '$1 ~ p' "$WORK/rows" >"$WORK/sel"
  local n ack lost tack tlost
  n=$(wc -l <"$WORK/sel")
  ack=$(cut -f4 "$WORK/sel" | median)
  lost=$(cut -f6 "$WORK/sel" | median)
  tack=$(awk -F'\t' '{ s += $4 } END { print s + 0 }' "$WORK/sel")
  tlost=$(awk -F'\t' '{ s += $6 } END { print s + 0 }' "$WORK/sel")
  printf '%s\t%s\t%s\t%s\n' "$n" "$ack" "$lost" "$tlost of $tack"
}
IFS=$'\t' read -r B_N B_ACK B_LOST B_TOTAL <<<"$(summary '^h2-baseline-')"
IFS=$'\t' read -r H_N H_ACK H_LOST H_TOTAL <<<"$(summary '^h2-[0-9]')"
IFS=$'\t' read -r P_N P_ACK P_LOST P_TOTAL <<<"$(summary '^postgres-')"

MEM=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
JAVA_V=$(java -version 2>&1 | head -n 1)
H2_V=$(basename "$H2_JAR" .jar)
git_revision
printf -v APP_ARGS_LINE '%q ' "${APP_ARGS[@]}"
# The cluster part (bench/crash/cluster.sh), from its marker to the end, stays as it is
CLUSTER_MARKER='<!-- bench/crash/cluster.sh writes from here to the end -->'
awk -v m="$CLUSTER_MARKER" '$0 == m { keep = 1 } keep' "$ROOT/bench/crash/RESULTS.md" >"$WORK/cluster-part" 2>/dev/null || true

{
  cat <<EOF
## Acknowledged connection requests after a crash (bench/crash)

Generated by \`bench/crash/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$GIT_REV\`$GIT_DIRTY; this section is
rewritten on every run.

The goal: a connection request answered **201 Created** is stored durably on every profile. Each run starts the
app on a new database, $CLIENTS concurrent clients submit valid requests to \`POST /api/v1/connection-requests\`
and record every reference answered 201, the JVM is killed with \`kill -9\` after ${LOAD_SECONDS} s while all clients are
submitting, the app is started again on the same data (it must answer \`/actuator/health\` with 200), and the
acknowledged references are looked up in the database. *Lost* = answered 201 but not stored.
EOF
  if (( B_N > 0 )); then
    echo "The baseline is the embedded default's URL as it was before (without \`WRITE_DELAY=0\`), in the same run."
  fi
  cat <<EOF

| setting | runs | acknowledged (median) | lost (median) | lost in all runs |
| --- | ---: | ---: | ---: | ---: |
EOF
  if (( B_N > 0 )); then
    echo "| H2 file, before: \`$BASELINE_URL\` | $B_N | $B_ACK | **$B_LOST** | $B_TOTAL |"
  fi
  echo "| H2 file, as shipped: \`$SHIPPED_URL\` | $H_N | $H_ACK | **$H_LOST** | $H_TOTAL |"
  if (( P_N > 0 )); then
    echo "| PostgreSQL, \`postgres\` profile | $P_N | $P_ACK | **$P_LOST** | $P_TOTAL |"
  fi
  cat <<EOF

Every run:

| run | database | setting in effect | acknowledged (201) | present after restart | lost | stored, no answer | acknowledged/s |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
EOF
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$WORK/rows"
  cat <<EOF

*Stored, no answer*: requests in flight at the kill that were committed but whose 201 never reached the client
(the client does not know its reference; not a loss). *Acknowledged/s* is the submission rate during the load, on
a machine shared with the load generator and other work: a rough figure, not a benchmark of throughput.
What this does not cover: a crash of the machine or of the PostgreSQL server. H2 writes each commit to its file
before answering but does not force it to the disk (fsync), so a power failure can still lose the last commits;
PostgreSQL with \`synchronous_commit=on\` and \`fsync=on\` (its defaults, shown per run above) flushes its WAL
before answering a commit.

### Machine

| | |
| --- | --- |
| CPUs (nproc) | $(nproc) ($CPU_MODEL) |
| memory | $MEM |
| load average (1, 5, 15 min) at the start | $load_before |
| java | $JAVA_V |
| H2 | ${H2_V#h2-} (from the jar) |
| PostgreSQL | ${PG_VERSION:-not run} |
| date | $(date -u '+%Y-%m-%d %H:%M:%S UTC') |

### Commands

\`\`\`sh
bench/crash/run.sh    # SKIP_BUILD=${SKIP_BUILD:-0} RUNS=$RUNS BASELINE_RUNS=$BASELINE_RUNS CLIENTS=$CLIENTS LOAD_SECONDS=$LOAD_SECONDS POSTGRES=$POSTGRES
EOF
  [[ "${SKIP_BUILD:-0}" == 1 ]] || echo "./mvnw -B -q -DskipTests package"
  cat <<EOF
# H2, in a new folder per run (./data/selvbetjening lands there); the baseline adds --spring.datasource.url=<before>
java -Xmx512m -jar $(basename "$JAR") $APP_ARGS_LINE
# PostgreSQL: initdb + pg_ctl on 127.0.0.1:$PG_PORT (a throwaway cluster, default settings), a new database per run
SELVBETJENING_DB_URL=... SELVBETJENING_DB_USER=crash SELVBETJENING_DB_PASSWORD=<random> SELVBETJENING_CONNECTION_TOKEN_SECRET=<random> \\
  java -Xmx512m -jar $(basename "$JAR") --spring.profiles.active=postgres $APP_ARGS_LINE
python3 bench/crash/load.py $APP <app pid> $CLIENTS $LOAD_SECONDS <acknowledged file>   # kill -9 after $LOAD_SECONDS s
# the same java command again, then: H2's Shell (org.h2.tools.Shell, app stopped) or psql
SELECT reference FROM connection_request
\`\`\`

Logs, acknowledged and lost references of the last run are in \`bench/out/crash/\` (not committed).
EOF
  if [[ -s "$WORK/cluster-part" ]]; then echo; cat "$WORK/cluster-part"; fi
} >"$ROOT/bench/crash/RESULTS.md"
"$ROOT/bench/assemble.sh"

log "H2 before: lost $B_TOTAL; H2 as shipped: lost $H_TOTAL; PostgreSQL: lost $P_TOTAL"
