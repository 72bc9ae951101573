#!/usr/bin/env bash
# National size (issue 17 part 5): the app on the postgres profile in a 256 MB heap (-Xmx256m, G1, -Xlog:gc) at
# growing catalogue sizes, the demo content's 34 self-services first, then generated ones (bench/scale/generate.sql:
# copies of the demo's services with their action pages, every municipal copy with a link in each of the 98
# municipalities) up to 2,500 self-services and 200,000 municipal links. Per size:
#   start-up   from the JVM's fork to /actuator/health/readiness answering 200 (migrations checked, content loaded,
#              citizen snapshot built), on a restart; the first start after the catalogue grew (search documents
#              synced and the index rebuilt for the new services) is reported beside it
#   heap       live heap after start-up (after a full GC asked for with jcmd GC.run), the most used before any
#              collection in the whole run, and live after the loads; all from the GC log
#   rebuild    an editor saves and publishes an action page through the real web form (bench/scale/editor.py):
#              the time from the save's answer (the commit) to the new text on the citizen page, and the snapshot
#              build's own time from the app's log ("Citizen catalogue built ... in N ms"); once on an idle app, then
#              every second during the editing load
#   pages      wrk on action pages with ?kommunekode=: the same number of distinct pages (PAGES, municipal
#              self-services and municipalities drawn at random) at every size, without and with the editor saving
#              every second; req/s and p99
#   GC pauses  the longest, and how many took longer than LONG_PAUSE_MS, during each load
# Writes bench/scale/RESULTS.md and rebuilds BENCHMARKS.md (bench/assemble.sh). Takes about 8 minutes.
#
# Usage: bench/scale/run.sh
#   SKIP_BUILD=1                     use the jar in target/ as it is
#   SIZES="34:0 500:40000 2500:200000"   self-services:municipal links per step (0: the demo content as it is)
#   HEAP=256m DURATION=20s WARMUP=10s THREADS=2 CONNECTIONS=16 PAGES=500 LONG_PAUSE_MS=50
#   APP_PORT=18195 PG_PORT=18196 HEALTH_TIMEOUT=300
#   BEFORE=bench/scale/before.tsv    an earlier run's page figures, set beside this run's (left out when absent)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SIZES=${SIZES:-34:0 500:40000 2500:200000}
HEAP=${HEAP:-256m}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
PAGES=${PAGES:-500}
LONG_PAUSE_MS=${LONG_PAUSE_MS:-50}
APP_PORT=${APP_PORT:-18195}
PG_PORT=${PG_PORT:-18196}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-300}
APP="http://127.0.0.1:$APP_PORT"
# figures of an earlier run to set beside this one's (size, req/s and p99 without and with the editor; "#" comments,
# the first naming what was measured)
BEFORE=${BEFORE:-$ROOT/bench/scale/before.tsv}
EDITED=skriv-dit-barn-op-til-daginstitution
APP_PID=""
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup scale
stop_all() {
  [[ -z "$APP_PID" ]] || stop_process "$APP_PID" 30
  APP_PID=""
  stop_pg_cluster
}
on_exit stop_all

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
require_free_ports "$APP_PORT" "$PG_PORT"
build_jar
started_all=$SECONDS
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

start_cluster_database
db() { PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U selvbetjening -d selvbetjening "$@"; }

now_ms() { date +%s%3N; }

# start_app NAME ARGS...: the app with a 256 MB heap and a GC log ($OUT/gc-NAME.log, wall-clock milliseconds), the
# editor passkey requirement off (the editor logs in with a password); sets APP_PID and STARTUP_S (fork to readiness)
start_app() {
  local name=$1 started
  shift
  started=$(now_ms)
  node_command "$WORK/search-index" "-Xmx$HEAP" "-Xlog:gc:file=$OUT/gc-$name.log:timemillis" \
    -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$WORK"
  "${NODE_CMD[@]}" --server.port="$APP_PORT" --selvbetjening.account.editor-passkey-required=false \
    --logging.level.root=WARN --logging.level.dk.selvbetjening.portal=INFO "$@" >"$OUT/app-$name.log" 2>&1 &
  APP_PID=$!
  until [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$APP/actuator/health/readiness" || true)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { log "$name: the app exited during start-up; see $OUT/app-$name.log"; exit 1; }
    (( $(now_ms) - started < HEALTH_TIMEOUT * 1000 )) || { log "$name: not ready in ${HEALTH_TIMEOUT}s"; exit 1; }
    sleep 0.1
  done
  STARTUP_S=$(awk -v a="$started" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
}
stop_app() { stop_process "$APP_PID" 30; APP_PID=""; }

# full_gc NAME: a full collection (jcmd GC.run); prints the live heap after it in MB, from the GC log
full_gc() {
  jcmd "$APP_PID" GC.run >/dev/null
  sleep 0.5
  grep 'Pause Full (Diagnostic Command)' "$OUT/gc-$1.log" | tail -1 | sed -E 's/.*->([0-9]+)M\(.*/\1/'
}

# gc_window NAME FROM_MS TO_MS: "longest-pause-ms pauses-longer-than-LONG_PAUSE_MS pauses" of the collections between
# the two wall-clock times (the jcmd GC.run ones excluded: those are the bench's own)
gc_window() {
  awk -v from="$2" -v to="$3" -v long="$LONG_PAUSE_MS" '
    /Pause/ && !/Diagnostic Command/ { t = substr($1, 2) + 0; if (t < from || t > to) next;
      ms = $NF; sub(/ms$/, "", ms); ms += 0; n++; if (ms > max) max = ms; if (ms > long) l++ }
    END { printf "%.1f %d %d\n", max, l, n }' "$OUT/gc-$1.log"
}

# heap_peak NAME: of the run's collections (the bench's own jcmd ones left out): the most heap in use before one, the
# heap's size then, the most still in use after one (MB), and how many were full collections for want of space
heap_peak() {
  awk '/Pause/ && !/Diagnostic Command/ { if (match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/)) { s = substr($0, RSTART, RLENGTH);
      split(s, p, /M->|M\(|M\)/); if (p[1] + 0 > max) { max = p[1] + 0; cap = p[3] + 0 } if (p[2] + 0 > after) after = p[2] + 0 } }
    /Pause Full/ && !/Diagnostic Command/ { full++ }
    END { printf "%d %d %d %d\n", max, cap, after, full }' "$OUT/gc-$1.log"
}

to_ms() {  # wrk's 1.23ms / 456.00us / 1.2s -> ms
  awk -v v="$1" 'BEGIN { u = v; gsub(/[0-9.]/, "", u); n = v + 0;
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.1f", n }'
}

# builds NAME FROM_LINE: the snapshot build times (ms) the app logged after line FROM_LINE of its log
builds() { tail -n +"$(($2 + 1))" "$OUT/app-$1.log" | grep -o 'Citizen catalogue built: [0-9]* published self-services in [0-9]* ms' | awk '{ print $(NF - 1) }'; }
stats() {  # numbers on stdin -> "median max count"
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - 0"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f %.0f %d\n", m, v[NR], NR }'
}

log "first start on the empty database: migrations and the demo content"
start_app seed --selvbetjening.demo.enabled=true
log "seeded in ${STARTUP_S}s"
stop_app

ROWS=()
ERRORS=""
for size in $SIZES; do
  services=${size%%:*}
  links=${size##*:}
  first_s="-"
  if [[ "$links" != 0 ]]; then
    log "growing the catalogue to $services self-services and $links municipal links"
    db -v services="$services" -v links="$links" -f "$ROOT/bench/scale/generate.sql" >"$OUT/generate-$services.log"
    start_app "first-$services"
    first_s=$STARTUP_S
    log "first start after growing: ${first_s}s"
    stop_app
  fi
  read -r have_services have_links < <(db -At -F ' ' -c "SELECT (SELECT count(*) FROM self_service WHERE status = 'PUBLISHED'), (SELECT count(*) FROM municipal_link)")
  db -At -F ' ' -c "SELECT s.slug, m.code FROM self_service s CROSS JOIN municipality m WHERE s.scope = 'MUNICIPAL'
      AND s.status = 'PUBLISHED' ORDER BY md5(s.slug || m.code) LIMIT $PAGES" >"$WORK/pages.txt"
  cat >"$WORK/pages.lua" <<LUA
local paths = {}
for line in io.lines("$WORK/pages.txt") do
  local slug, code = line:match("(%S+) (%S+)")
  paths[#paths + 1] = "/handlingsside/" .. slug .. "?kommunekode=" .. code
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
LUA

  name="size-$services"
  log "$name: restart ($have_services published self-services, $have_links links)"
  start_app "$name"
  restart_s=$STARTUP_S
  live_start=$(full_gc "$name")
  log "$name: ready in ${restart_s}s, live heap ${live_start} MB"

  mark=$(wc -l <"$OUT/app-$name.log")
  python3 "$ROOT/bench/scale/editor.py" "$APP" "$EDITOR" "$EDITOR_PASSWORD" "$EDITED" 101 1 1 >"$OUT/edit-idle-$services.tsv"
  idle_visible=$(cut -f2 "$OUT/edit-idle-$services.tsv" | tail -1)
  idle_build=$(builds "$name" "$mark" | tail -1)
  log "$name: one edit on the idle app visible after ${idle_visible} ms (build ${idle_build} ms)"

  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/pages.lua" "$APP" >/dev/null
  from=$(now_ms)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$WORK/pages.lua" "$APP" >"$OUT/wrk-read-$services.txt"
  read -r read_gc_max read_gc_long read_gc_n < <(gc_window "$name" "$from" "$(now_ms)")
  read_rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$OUT/wrk-read-$services.txt")
  read_p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-read-$services.txt")")
  log "$name: pages $read_rps req/s, p99 $read_p99 ms; GC longest $read_gc_max ms"

  secs=${DURATION%s}
  mark=$(wc -l <"$OUT/app-$name.log")
  from=$(now_ms)
  python3 "$ROOT/bench/scale/editor.py" "$APP" "$EDITOR" "$EDITOR_PASSWORD" "$EDITED" 101 "$secs" 1 >"$OUT/edit-load-$services.tsv" &
  editor_pid=$!
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$WORK/pages.lua" "$APP" >"$OUT/wrk-edit-$services.txt"
  wait "$editor_pid" || { log "the editor failed; see $OUT/edit-load-$services.tsv"; exit 1; }
  read -r edit_gc_max edit_gc_long edit_gc_n < <(gc_window "$name" "$from" "$(now_ms)")
  edit_rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$OUT/wrk-edit-$services.txt")
  edit_p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-edit-$services.txt")")
  ERRORS+=$(grep -H 'Non-2xx\|Socket errors' "$OUT/wrk-read-$services.txt" "$OUT/wrk-edit-$services.txt" | sed 's|.*/||' | tr '\n' ' ' || true)
  read -r vis_med vis_max saves < <(cut -f2 "$OUT/edit-load-$services.tsv" | stats)
  read -r build_med build_max build_n < <(builds "$name" "$mark" | stats)
  log "$name: with an editor: $edit_rps req/s, p99 $edit_p99 ms; $saves saves visible after median $vis_med ms, max $vis_max ms; builds median $build_med ms, max $build_max ms"

  live_end=$(full_gc "$name")
  read -r peak cap after_peak fulls < <(heap_peak "$name")
  oom=$(grep -c 'OutOfMemoryError' "$OUT/app-$name.log" || true)
  stop_app
  ROWS+=("$have_services|$have_links|$restart_s|$first_s|$live_start|$peak/$after_peak/$fulls|$cap|$live_end|$oom|$idle_visible|$idle_build|$vis_med|$vis_max|$build_med|$build_max|$read_rps|$read_p99|$read_gc_max|$read_gc_long|$edit_rps|$edit_p99|$edit_gc_max|$edit_gc_long|$saves")
done
stop_pg_cluster
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "## National size in a 256 MB heap (bench/scale)"
  echo
  echo "\`bench/scale/run.sh\`: the app on the postgres profile ($PG_VERSION, a throwaway cluster on loopback) with"
  echo "\`-Xmx$HEAP\` (G1, \`-Xlog:gc\`), at growing catalogue sizes: the demo content's 34 self-services, then copies"
  echo "of them with their action pages (\`bench/scale/generate.sql\`), every municipal copy linked in each of the 98"
  echo "municipalities. Start-up: fork to \`/actuator/health/readiness\` 200 on a restart (in brackets: the first start"
  echo "after the catalogue grew, which also builds the new services' search documents). Heap: live after start-up"
  echo "(after a full GC asked for with jcmd), over the whole run the most in use before a collection (G1 lets it fill"
  echo "the heap by design) / the most still in use after one / full collections for want of space, live after the loads. Rebuild: an editor saves and publishes an action page through the web form"
  echo "(\`bench/scale/editor.py\`); time from the save's answer (the commit) to the new text on the citizen page, and the"
  echo "snapshot build's own time from the app's log. Pages: wrk, $CONNECTIONS connections, $DURATION, on $PAGES distinct"
  echo "action pages with \`?kommunekode=\` at every size, without and with the editor saving every second (its saves"
  echo "and its polls are not in wrk's figures). GC pauses: the longest during the load, and how many were over"
  echo "$LONG_PAUSE_MS ms (what counts as long here)."
  echo
  echo "| self-services | links | start-up (s) | live heap after start (MB) | heap before / after a collection (MB), full GCs | live after loads (MB) | one edit visible, idle (ms) | build (ms) |"
  echo "|---|---|---|---|---|---|---|---|"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r s l rs fs ls pk cp le oom iv ib _ <<<"$row"
    IFS=/ read -r pk_before pk_after pk_full <<<"$pk"
    first=""
    [[ "$fs" == "-" ]] || first=" ($fs)"
    oom_note=""
    [[ "$oom" == 0 ]] || oom_note=" **OutOfMemoryError**"
    echo "| $s | $l | $rs$first | $ls | $pk_before of $cp / $pk_after, $pk_full$oom_note | $le | $iv | $ib |"
  done
  echo
  echo "| self-services | pages req/s | p99 (ms) | longest GC pause (ms) | pauses > $LONG_PAUSE_MS ms | with editor: req/s | p99 (ms) | longest GC pause (ms) | pauses > $LONG_PAUSE_MS ms | saves | visible after save, median / max (ms) | build, median / max (ms) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r s _ _ _ _ _ _ _ _ _ _ vm vx bm bx rr rp rgm rgl er ep egm egl sv <<<"$row"
    echo "| $s | $rr | $rp | $rgm | $rgl | $er | $ep | $egm | $egl | $sv | $vm / $vx | $bm / $bx |"
  done
  if [[ -f "$BEFORE" ]]; then
    echo
    echo "Pages while the editor saves, before and now: before, $(sed -n 's/^# //p' "$BEFORE" | head -1)."
    echo
    echo "| self-services | before: pages req/s | p99 (ms) | with editor: req/s | p99 (ms) | now: pages req/s | p99 (ms) | with editor: req/s | p99 (ms) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for row in "${ROWS[@]}"; do
      IFS='|' read -r s _ _ _ _ _ _ _ _ _ _ _ _ _ _ rr rp _ _ er ep _ <<<"$row"
      read -r _ br bp ber bep < <(awk -F'\t' -v s="$s" '!/^#/ && $1 == s' "$BEFORE") || br="-"
      echo "| $s | ${br:--} | ${bp:--} | ${ber:--} | ${bep:--} | $rr | $rp | $er | $ep |"
    done
  fi
  echo
  IFS='|' read -r s l _ _ _ pk cp _ oom iv ib _ vx _ bx _ _ rgm rgl _ _ egm egl _ <<<"${ROWS[-1]}"
  verdict() { if [[ "$1" == 1 ]]; then echo "met"; else echo "**missed**"; fi; }
  num() { if [[ "$1" =~ ^[0-9]+$ ]]; then echo "$1"; else echo 999999; fi; }
  long_total=0
  for row in "${ROWS[@]}"; do
    IFS='|' read -r _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ a _ _ _ b _ <<<"$row"
    long_total=$((long_total + $(num "$a") + $(num "$b")))
  done
  echo "Goals at $s self-services and $l links: the snapshot rebuilt after one edit in under 1 s (build at most"
  IFS=/ read -r _ pk_after pk_full <<<"$pk"
  echo "$bx ms while pages were served, $ib ms idle; the new text on the citizen page at most $vx ms after the save's"
  echo "answer): $(verdict "$(( $(num "$bx") < 1000 && $(num "$ib") < 1000 ))"); the heap within 256 MB (at most $pk_after MB in use after a"
  echo "collection, $pk_full full collections for want of space, $oom OutOfMemoryError):"
  echo "$(verdict "$(( $(num "$oom") == 0 && $(num "$pk_full") == 0 ))"); no GC pause over $LONG_PAUSE_MS ms during"
  echo "the loads ($long_total at all sizes; longest $rgm ms reading, $egm ms with the editor at this size):"
  echo "$(verdict "$(( long_total == 0 ))"). wrk error lines: ${ERRORS:-none}. Load average before/after: $load_before /"
  echo "$load_after ($(nproc) cores shared by wrk, the editor, PostgreSQL, the app and whatever else ran). The script took"
  echo "$((SECONDS - started_all)) s. Raw output: bench/out/scale/."
} >"$ROOT/bench/scale/RESULTS.md"
cat "$ROOT/bench/scale/RESULTS.md"
"$ROOT/bench/assemble.sh"
