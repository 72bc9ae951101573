#!/usr/bin/env bash
# Search benchmark (issue 14): our search API (Hibernate Search/Lucene, ADR 0021) against PostgreSQL's Danish
# full-text search over the same rows, at the same concurrency. Writes bench/search/RESULTS.md.
#
# A throwaway PostgreSQL 15 cluster; the app on it (postgres profile) loads the demo content (34 self-services);
# GENERATED more search documents, built from the demo content's words (bench/search/generate.py), are copied into
# search_document and the app is started again without its start-up repair (selvbetjening.search.sync-at-startup=
# false), so it rebuilds its index from the table (the rebuild time is reported). PostgreSQL gets the same rows in
# bench_fts with to_tsvector('danish', …) and a GIN index, queried with websearch_to_tsquery and ts_rank.
# Load: the mixed query set (bench/search/queries.py: the relevance set's queries and everyday ones), CONNECTIONS
# concurrent connections each: wrk against GET /api/v1/search?q=…&size=10 twice, with the result cache as shipped
# (the set's 121 queries repeat, so after the warm-up nearly every request is a cache hit: the web stack's own cost)
# and after a restart with selvbetjening.search.cache-size=0 (every request searches the Lucene index: the engine's
# throughput); pgbench (prepared statements, no HTTP) against PostgreSQL; and the same wrk command against
# GET /actuator/health/liveness, our app without search work (the HTTP floor on this machine). The searches the app
# counted (search_query) are compared with the requests wrk made to the cached app: the cache must not skip counting.
# Recall@3 and MRR of both on src/test/resources/search/relevance.csv (bench/search/recall.py).
#
# Usage: bench/search/run.sh
#   SKIP_BUILD=1 GENERATED=9966 CONNECTIONS=32 THREADS=2 DURATION=20s WARMUP=10s APP_PORT=18092 PG_PORT=18093
#   JAVA_OPTS: extra JVM options of the app, e.g. -XX:StartFlightRecording=filename=/tmp/search.jfr,settings=profile
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GENERATED=${GENERATED:-9966}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
APP_PORT=${APP_PORT:-18092}
PG_PORT=${PG_PORT:-18093}
APP="http://127.0.0.1:$APP_PORT"
APP_PID=""
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup search

stop_all() {
  [[ -z "$APP_PID" ]] || stop_process "$APP_PID" 20
  APP_PID=""
  stop_pg_cluster
}
on_exit stop_all

if ! command -v wrk >/dev/null || ! command -v curl >/dev/null || [[ ! -x "$PG_BIN/pgbench" ]]; then
  log "installing wrk, curl, postgresql"
  apt-get install -y wrk curl postgresql >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk curl postgresql >/dev/null; }
fi
require_free_ports "$APP_PORT" "$PG_PORT"
build_jar

log "starting a throwaway PostgreSQL cluster"
start_pg_cluster max_connections=200
PG_PASSWORD=$(random_secret)
psql_admin -c "CREATE ROLE bench LOGIN PASSWORD '$PG_PASSWORD'"
psql_admin -c "CREATE DATABASE search OWNER bench"
export PGPASSWORD="$PG_PASSWORD"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U bench -d search)

start_app() {  # start_app NAME ARGS...
  local name=$1
  shift
  env SELVBETJENING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/search" SELVBETJENING_DB_USER=bench \
    SELVBETJENING_DB_PASSWORD="$PG_PASSWORD" SELVBETJENING_CONNECTION_TOKEN_SECRET="$(random_secret)" \
    SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL=bench@selvbetjening.local SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD="$(random_secret)" \
    SELVBETJENING_SEARCH_INDEX_DIRECTORY="$WORK/index" \
    java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres --server.port="$APP_PORT" --selvbetjening.demo.enabled=true \
    --selvbetjening.linkcheck.enabled=false --logging.level.root=WARN \
    --logging.level.dk.selvbetjening.search=INFO "$@" >"$OUT/app-$name.log" 2>&1 &
  APP_PID=$!
  wait_healthy "$APP" "$APP_PID" 300 "$OUT/app-$name.log"
}

log "first start: migrations and the demo content"
start_app demo
for _ in $(seq 120); do
  [[ "$(curl -s "$APP/api/v1/search?q=k%C3%B8rekort" | grep -c forny-dit-koerekort || true)" -ge 1 ]] && break
  sleep 1
done
stop_process "$APP_PID" 20
APP_PID=""

log "generating $GENERATED search documents"
python3 "$ROOT/bench/search/generate.py" "$GENERATED" "$ROOT/src/main/resources/demo/demo-content.json" >"$WORK/docs.tsv"
"${PSQL[@]}" -c "\\copy search_document (self_service_id, slug, title, short_description, keywords, topics, authority_name, page_text, municipal, starts, indexed_at) FROM '$WORK/docs.tsv'"
TOTAL=$("${PSQL[@]}" -At -c "SELECT COUNT(*) FROM search_document")
"${PSQL[@]}" <<'SQL'
CREATE TABLE bench_fts AS SELECT slug, to_tsvector('danish', title || ' ' || short_description || ' ' || keywords
    || ' ' || authority_name || ' ' || page_text) AS tsv FROM search_document;
CREATE INDEX bench_fts_tsv ON bench_fts USING GIN (tsv);
ANALYZE bench_fts;
SQL

python3 "$ROOT/bench/search/queries.py" "$ROOT/src/test/resources/search/relevance.csv" >"$WORK/queries.txt"
QUERIES=$(wc -l <"$WORK/queries.txt")
"${PSQL[@]}" -c "CREATE TABLE bench_query (id INTEGER PRIMARY KEY, q TEXT NOT NULL)"
awk '{ printf "%d\t%s\n", NR, $0 }' "$WORK/queries.txt" >"$WORK/queries.tsv"
"${PSQL[@]}" -c "\\copy bench_query FROM '$WORK/queries.tsv'"

log "second start: rebuilding the index from $TOTAL documents"
start_app bench --selvbetjening.search.sync-at-startup=false
REBUILD=$(grep -o 'Search index rebuilt in [0-9]* ms' "$OUT/app-bench.log" | grep -o '[0-9]*' | tail -1 || true)

cat >"$WORK/queries.lua" <<LUA
local queries = {}
for line in io.lines("$WORK/queries.txt") do
  queries[#queries + 1] = line:gsub("([^%w])", function(c) return string.format("%%%02X", string.byte(c)) end)
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/search?size=10&q=" .. queries[(n % #queries) + 1])
end
LUA
cat >"$WORK/pgbench.sql" <<SQL
\\set i random(1, $QUERIES)
SELECT slug FROM bench_fts, websearch_to_tsquery('danish', (SELECT q FROM bench_query WHERE id = :i)) query
WHERE tsv @@ query ORDER BY ts_rank(tsv, query) DESC LIMIT 10;
SQL

to_ms() {  # wrk's 1.23ms / 456.00us / 1.2s -> ms
  awk -v v="$1" 'BEGIN { u = v; gsub(/[0-9.]/, "", u); n = v + 0;
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}
wrk_search() {  # wrk_search NAME: warm-up and measured run against the search API; sets RPS, P99, ERRS, REQUESTS
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/queries.lua" "$APP" >"$OUT/wrk-$1-warmup.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$WORK/queries.lua" "$APP" >"$OUT/wrk-$1.txt"
  RPS=$(awk '/Requests\/sec/ { print $2 }' "$OUT/wrk-$1.txt")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-$1.txt")")
  ERRS=$(grep -c 'Non-2xx\|Socket errors' "$OUT/wrk-$1.txt" || true)
  REQUESTS=$(cat "$OUT/wrk-$1-warmup.txt" "$OUT/wrk-$1.txt" | awk '/requests in/ { n += $1 } END { print n + 0 }')
}
counted() { "${PSQL[@]}" -At -c "SELECT COUNT(*) FROM search_query"; }

log "wrk: our API with its result cache (as shipped), $CONNECTIONS connections"
COUNTED_BEFORE=$(counted)
wrk_search cached
CACHED_RPS=$RPS CACHED_P99=$P99 CACHED_ERRS=$ERRS CACHED_REQUESTS=$REQUESTS

log "wrk: the HTTP floor (GET /actuator/health/liveness, no search work), $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$APP/actuator/health/liveness" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$APP/actuator/health/liveness" >"$OUT/wrk-floor.txt"
FLOOR_RPS=$(awk '/Requests\/sec/ { print $2 }' "$OUT/wrk-floor.txt")
FLOOR_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-floor.txt")")
sleep 7  # the search log is written every 5 s
COUNTED=$(( $(counted) - COUNTED_BEFORE ))

log "third start: the result cache off (selvbetjening.search.cache-size=0)"
stop_process "$APP_PID" 20
APP_PID=""
start_app uncached --selvbetjening.search.sync-at-startup=false --selvbetjening.search.cache-size=0
log "wrk: our API without the result cache, $CONNECTIONS connections"
wrk_search uncached
OUR_RPS=$RPS OUR_P99=$P99 OUR_ERRS=$ERRS

log "pgbench: PostgreSQL full-text search, $CONNECTIONS connections"
SECS=${DURATION%s}
"$PG_BIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${WARMUP%s}" -f "$WORK/pgbench.sql" \
  -h 127.0.0.1 -p "$PG_PORT" -U bench search >/dev/null 2>&1
(cd "$WORK" && "$PG_BIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$SECS" -l --log-prefix=pglat \
  -f "$WORK/pgbench.sql" -h 127.0.0.1 -p "$PG_PORT" -U bench search >"$OUT/pgbench.txt" 2>&1)
PG_TPS=$(awk '/^tps/ { print $3; exit }' "$OUT/pgbench.txt")
PG_P99=$(cat "$WORK"/pglat* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int(NR * 0.99)] / 1000 }')

log "recall@3 on the relevance set"
# (read's status is not the script's: the two lines are joined without a final new line)
read -r _ OUR_RECALL OUR_MRR _ PG_RECALL PG_MRR < <(python3 "$ROOT/bench/search/recall.py" \
  "$ROOT/src/test/resources/search/relevance.csv" "$APP" "${PSQL[@]}" 2>"$OUT/recall.log" | tr '\n' ' ') || true
[[ -n "${PG_MRR:-}" ]] || log "recall.py failed; see $OUT/recall.log"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
RATIO=$(ratio "$OUR_RPS" "$PG_TPS")
CACHED_RATIO=$(ratio "$CACHED_RPS" "$PG_TPS")
FLOOR_RATIO=$(ratio "$OUR_RPS" "$FLOOR_RPS")
CACHED_FLOOR_RATIO=$(ratio "$CACHED_RPS" "$FLOOR_RPS")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CPUS=$(nproc)

cat >"$ROOT/bench/search/RESULTS.md" <<MD
## Search (issue 14)

\`bench/search/run.sh\`: $TOTAL search documents (the 34 self-services of the demo content and $GENERATED
generated from its words), a mixed set of $QUERIES queries, $CONNECTIONS connections each; our
\`GET /api/v1/search\` (HTTP, wrk) against PostgreSQL's \`to_tsvector('danish', …)\` with a GIN index,
\`websearch_to_tsquery\` and \`ts_rank\` over the same rows (pgbench, prepared statements, no HTTP). $CPUS cores
shared by the load generators and the servers; $PG_VERSION.

| | throughput (req/s) | p99 (ms) | recall@3 | MRR |
|---|---|---|---|---|
| our search API, result cache on (as shipped; the queries repeat, so nearly all cache hits) | $CACHED_RPS | $CACHED_P99 | $OUR_RECALL | $OUR_MRR |
| our search API, result cache off (\`selvbetjening.search.cache-size=0\`: the search engine itself) | $OUR_RPS | $OUR_P99 | $OUR_RECALL | $OUR_MRR |
| PostgreSQL full-text search | $PG_TPS | $PG_P99 | $PG_RECALL | $PG_MRR |
| HTTP floor: our app's \`GET /actuator/health/liveness\` (no search work) | $FLOOR_RPS | $FLOOR_P99 | | |

Throughput ratio (ours / PostgreSQL): **$CACHED_RATIO** with the result cache, **$RATIO** without (goal: at least 3).
p99 goal: under 20 ms at 32 connections. Ours / the HTTP floor of the same app with the same wrk command:
$CACHED_FLOOR_RATIO with the cache, $FLOOR_RATIO without. Searches counted by the cached app: $COUNTED of the
$CACHED_REQUESTS requests wrk made to it (the log is written every 5 s). Load average at the end: $LOAD.
Index rebuild from the table at start-up: ${REBUILD:-?} ms. wrk error lines: $CACHED_ERRS cached, $OUR_ERRS uncached.
Raw output: bench/out/search/.
MD
log "wrote bench/search/RESULTS.md"
cat "$ROOT/bench/search/RESULTS.md"
