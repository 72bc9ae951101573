#!/usr/bin/env bash
# Crash test of a cluster (issue 17): two nodes on one PostgreSQL behind nginx, one node killed with kill -9 in the
# middle of a stream of connection requests through the load balancer. Is every request answered 201 stored
# afterwards, and none twice? Writes the cluster part of bench/crash/RESULTS.md (the single-node part, written by
# bench/crash/run.sh, stays) and rebuilds BENCHMARKS.md with bench/assemble.sh.
#
# The run: a throwaway PostgreSQL 15 cluster, nodes a and b (java -jar, postgres profile) and nginx round robin over
# both (bench/common.sh: start_pg_cluster, start_node, start_nginx). CLIENTS concurrent clients POST valid requests
# to /api/v1/connection-requests through nginx (bench/crash/load.py), each with its own Idempotency-Key; after
# LOAD_SECONDS node b gets SIGKILL and the clients go on for AFTER_SECONDS through the survivor, then stop. A request
# that got no answer or a 502/503/504 is sent again with the same key and body (up to 5 times). nginx passes a
# request to the other node only when the first refused the connection or timed out before anything was sent
# (proxy_next_upstream error timeout, its default); it never resends a POST that reached a node (no
# "non_idempotent"), so a request in flight on the killed node gets 502 and only the client resends it. Then the
# acknowledged references and keys are compared with the rows of connection_request.
#
# Usage: bench/crash/cluster.sh
#   SKIP_BUILD=1        use the jar in target/ as it is (default: ./mvnw -B -q -DskipTests package)
#   CLIENTS=16 LOAD_SECONDS=20 AFTER_SECONDS=15   (more than nginx's fail_timeout, 10 s: after it nginx tries node b
#                                                  again, is refused and passes the request on to node a)
#   LB_PORT=18180 PG_PORT=18181 A_PORT=18182 B_PORT=18183
# Everything runs on 127.0.0.1 as throwaway processes and files and is stopped on exit, also on failure. Logs and
# the acknowledged/stored lists of the last run: bench/out/crash-cluster/. Exits 1 when a request was lost or
# stored twice.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLIENTS=${CLIENTS:-16}
LOAD_SECONDS=${LOAD_SECONDS:-20}
AFTER_SECONDS=${AFTER_SECONDS:-15}
LB_PORT=${LB_PORT:-18180}
PG_PORT=${PG_PORT:-18181}
A_PORT=${A_PORT:-18182}
B_PORT=${B_PORT:-18183}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
# The public submission limit per client address would turn the load into 429s (all of it comes from nginx)
NODE_ARGS=(--selvbetjening.connection.submissions-per-minute=100000000 --logging.level.root=WARN)
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup crash-cluster

on_exit stop_cluster

command -v nginx >/dev/null || { log "nginx is missing (apt-get install nginx-light)"; exit 1; }
command -v curl >/dev/null || { log "curl is missing"; exit 1; }
build_jar
require_free_ports "$LB_PORT" "$PG_PORT" "$A_PORT" "$B_PORT"

start_cluster_database

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
start_node a "$A_PORT" "${NODE_ARGS[@]}"
start_node b "$B_PORT" "${NODE_ARGS[@]}"
B_PID=${PIDS[1]}
start_nginx "$LB_PORT" "$A_PORT" "$B_PORT"

log "$CLIENTS clients through nginx; node b gets SIGKILL after ${LOAD_SECONDS}s, the load goes on for ${AFTER_SECONDS}s"
LOAD_LINE=$(python3 "$ROOT/bench/crash/load.py" "http://127.0.0.1:$LB_PORT" "$B_PID" "$CLIENTS" "$LOAD_SECONDS" \
  "$OUT/requests.tsv" "$AFTER_SECONDS" 2>>"$OUT/load.log")
status=0
wait "$B_PID" 2>/dev/null || status=$?
[[ $status -eq 137 ]] || { log "node b ended with $status, not 137 (SIGKILL)"; exit 1; }
kill -0 "${PIDS[0]}" 2>/dev/null || { log "node a is not running; see $OUT/node-a.log"; exit 1; }
log "$LOAD_LINE"

PGPASSWORD="$PG_PASSWORD" psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U selvbetjening \
  -d selvbetjening -c "SELECT reference, coalesce(idempotency_key, '') FROM connection_request" >"$OUT/stored.tsv"

# Acknowledged (201) requests against the stored rows, by reference and by idempotency key
python3 - "$OUT" >"$WORK/counts" <<'PY'
import collections, sys
out = sys.argv[1]
requests = [line.rstrip("\n").split("\t") for line in open(f"{out}/requests.tsv", encoding="utf-8") if line.strip()]
rows = [line.rstrip("\n").split("\t") for line in open(f"{out}/stored.tsv", encoding="utf-8") if line.strip()]
acked = collections.defaultdict(set)      # key -> references answered 201 for it
keys_of = collections.defaultdict(set)    # reference -> keys it was answered for
unanswered = set()
for reference, key in requests:
    if reference == "-":
        unanswered.add(key)
    else:
        acked[key].add(reference)
        keys_of[reference].add(key)
rows_by_key = collections.Counter(key for _, key in rows)
rows_by_reference = collections.Counter(reference for reference, _ in rows)
stored = {(reference, key) for reference, key in rows}
present = sum(1 for key, refs in acked.items() if len(refs) == 1 and (next(iter(refs)), key) in stored)
lost = [key for key, refs in acked.items() if not any((reference, key) in stored for reference in refs)]
duplicates = (sum(1 for refs in acked.values() if len(refs) > 1)            # one key, two references answered
              + sum(1 for keys in keys_of.values() if len(keys) > 1)        # one reference, two keys
              + sum(n - 1 for key, n in rows_by_key.items() if key and n > 1)  # more rows than one per key
              + sum(n - 1 for n in rows_by_reference.values() if n > 1))       # one reference stored twice
with open(f"{out}/lost.txt", "w", encoding="utf-8") as file:
    file.writelines(key + "\n" for key in lost)
unanswered_stored = sum(1 for key in unanswered if rows_by_key[key])
other_rows = sum(n for key, n in rows_by_key.items() if key not in acked and key not in unanswered)
print(len(acked) + len(unanswered), len(acked), present, len(lost), duplicates, len(unanswered), unanswered_stored,
      other_rows)
PY
read -r SENT ACKED PRESENT LOST DUPLICATES UNANSWERED UNANSWERED_STORED OTHER_ROWS <"$WORK/counts"
log "acknowledged $ACKED, present $PRESENT, lost $LOST, duplicates $DUPLICATES; unanswered $UNANSWERED" \
  "(stored $UNANSWERED_STORED); rows of no request $OTHER_ROWS"

# attempts nginx passed on to node a after node b refused the connection
REFUSED=$(grep -c 'connect() failed' "$OUT/nginx-error.log" || true)

# --- bench/crash/RESULTS.md: the part from the marker on is this script's ------------------------------------------
MARKER='<!-- bench/crash/cluster.sh writes from here to the end -->'
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $LOAD_LINE"; }
git_revision
RESULTS="$ROOT/bench/crash/RESULTS.md"
touch "$RESULTS"
# everything before the marker, without the blank lines at its end
awk -v m="$MARKER" '$0 == m { exit } /^$/ { blank++; next } { while (blank) { print ""; blank-- } print }' \
  "$RESULTS" >"$WORK/results"
{
  if [[ -s "$WORK/results" ]]; then cat "$WORK/results"; echo; fi
  cat <<EOF
$MARKER

### Two nodes behind nginx, one killed (bench/crash/cluster.sh)

Generated by \`bench/crash/cluster.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$GIT_REV\`$GIT_DIRTY; this part is
rewritten on every run of that script.

Two nodes (postgres profile) on one PostgreSQL, nginx round robin in front. $CLIENTS clients POST valid requests
through nginx, each with its own \`Idempotency-Key\`; after ${LOAD_SECONDS} s node b is killed with \`kill -9\` and the
clients go on for ${AFTER_SECONDS} s through node a. A request that got no answer or 502/503/504 is sent again with
the same key and body, up to 5 times. nginx has \`proxy_next_upstream error timeout\` (its default): it tries the
other node only when nothing had been sent to the first; a POST that reached the killed node is not resent by nginx
(no \`non_idempotent\`), its client gets 502.

| | requests |
| --- | ---: |
| sent (distinct idempotency keys) | $SENT |
| acknowledged (201) | $ACKED |
| acknowledged and stored once, under the reference answered | $PRESENT |
| **lost** (acknowledged, not stored) | **$LOST** |
| **duplicates** (one reference twice, one key with two references or more than one row) | **$DUPLICATES** |
| answered 201 only on a resend (same key) | $(field answered_on_retry) |
| no answer or 502/503/504 after the kill (attempts, each resent) | $(field failures_after_kill) |
| passed on by nginx to node a after node b refused the connection (nginx's error log) | $REFUSED |
| given up after 5 resends (not acknowledged; may or may not be stored) | $UNANSWERED |
| of these, stored | $UNANSWERED_STORED |
| rows of no request sent | $OTHER_ROWS |
| statuses other than 201, 502-504 | $(field other_status) |
| load | $(field seconds) s, load average $load_before at the start |

#### Commands

\`\`\`sh
bench/crash/cluster.sh    # SKIP_BUILD=${SKIP_BUILD:-0} CLIENTS=$CLIENTS LOAD_SECONDS=$LOAD_SECONDS AFTER_SECONDS=$AFTER_SECONDS LB_PORT=$LB_PORT PG_PORT=$PG_PORT A_PORT=$A_PORT B_PORT=$B_PORT
# $PG_VERSION, nodes a and b (bench/common.sh start_node, $JAVA_OPTS) with ${NODE_ARGS[*]}, nginx on :$LB_PORT
python3 bench/crash/load.py http://127.0.0.1:$LB_PORT <pid of node b> $CLIENTS $LOAD_SECONDS <requests file> $AFTER_SECONDS
SELECT reference, idempotency_key FROM connection_request
\`\`\`

Logs, the requests (reference and key) and the stored rows of the last run are in \`bench/out/crash-cluster/\` (not committed).
EOF
} >"$RESULTS"
"$ROOT/bench/assemble.sh"

if (( LOST > 0 || DUPLICATES > 0 )); then
  log "FAILED: $LOST acknowledged requests lost, $DUPLICATES duplicates (see $OUT/lost.txt)"; exit 1
fi
log "no acknowledged request lost, none stored twice"
