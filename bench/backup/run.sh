#!/usr/bin/env bash
# Backup and restore check (docs/operations.md): the demo content on the postgres profile is dumped with pg_dump,
# restored with pg_restore into a new database, and the application started on the copy must serve the same
# catalogue and keep every row.
#
# Steps: a throwaway PostgreSQL 15 cluster; the app on database "original" with the demo content; one connection
# request through the public API (a write after the demo load); the app stopped; `pg_dump -Fc`; `pg_restore` into
# database "restored"; the app started on "restored". Compared: the row count of every table, the public
# catalogue (/api/v1/services, /api/v1/services.csv, /sitemap.xml), the bootstrap editor's login, and the
# connection request found by its status link.
#
# Usage: bench/backup/run.sh
#   SKIP_BUILD=1   use the jar in target/ as it is (default: ./mvnw -B -q -DskipTests package)
#   APP_PORT=18095 PG_PORT=18096
# Everything runs on 127.0.0.1 as throwaway processes and files, stopped and removed on exit. Output and logs:
# bench/out/backup/. Exit status 0 only when everything compared equal.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_PORT=${APP_PORT:-18095}
PG_PORT=${PG_PORT:-18096}
HEALTH_TIMEOUT=240
APP="http://127.0.0.1:$APP_PORT"
APP_PID=""
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup backup

stop_app() { [[ -z "$APP_PID" ]] || stop_process "$APP_PID" 30; APP_PID=""; }
stop_all() { stop_app; stop_pg_cluster; }
on_exit stop_all

command -v curl >/dev/null || { log "curl is missing"; exit 1; }
build_jar
JAR="$ROOT/$JAR"
require_free_ports "$APP_PORT" "$PG_PORT"
start_pg_cluster
DB_PASSWORD=$(random_secret)
EDITOR_EMAIL=redaktoer@backup-check.dk
EDITOR_PASSWORD=$(random_secret)
TOKEN_SECRET=$(random_secret)$(random_secret)
psql_admin -c "CREATE ROLE selvbetjening LOGIN PASSWORD '$DB_PASSWORD'"
psql_admin -c "CREATE DATABASE original OWNER selvbetjening"
psql_admin -c "CREATE DATABASE restored OWNER selvbetjening"

# start DB NAME [ARGS...]: the jar on database DB with the production profile, its log in $OUT/NAME.log
start() {
  local db=$1 name=$2
  shift 2
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec env SELVBETJENING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    SELVBETJENING_DB_USER=selvbetjening SELVBETJENING_DB_PASSWORD="$DB_PASSWORD" \
    SELVBETJENING_CONNECTION_TOKEN_SECRET="$TOKEN_SECRET" \
    SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL="$EDITOR_EMAIL" SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD="$EDITOR_PASSWORD" \
    java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres --server.port="$APP_PORT" \
    --selvbetjening.linkcheck.enabled=false --server.servlet.session.cookie.secure=false "$@") >"$OUT/$name.log" 2>&1 &
  APP_PID=$!
  wait_healthy "$APP" "$APP_PID" "$HEALTH_TIMEOUT" "$OUT/$name.log"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/actuator/health/readiness")" == 200 ]]; do sleep 1; done
}

# row_counts DB: "table count" for every table of the public schema, sorted
row_counts() {
  psql_admin -d "$1" -At -F ' ' -c "SELECT table_name,
      (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text
    FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
}

# snapshot NAME: the public catalogue as a harvester and a search engine see it
snapshot() {
  curl -sf "$APP/api/v1/services" >"$OUT/$1-services.json"
  curl -sf "$APP/api/v1/services.csv" >"$OUT/$1-services.csv"
  curl -sf "$APP/sitemap.xml" >"$OUT/$1-sitemap.xml"
}

# login: form login with the CSRF token; prints the status and where it leads
login() {
  local jar="$WORK/cookies-$1" csrf
  csrf=$(curl -s -c "$jar" "$APP/redaktion/log-ind" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "email=$EDITOR_EMAIL" --data-urlencode "password=$EDITOR_PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$APP/redaktion/log-ind"
}

log "starting on database original with the demo content"
start original original-1 --selvbetjening.demo.enabled=true
RESPONSE=$(curl -s -i -H 'Content-Type: application/json' -H 'Accept: application/json' "$APP/api/v1/connection-requests" \
  --data-binary '{"kind":"NEW","title":"Søg om tilskud til backup","url":"https://www.backup-check.dk/ansoegning",
    "shortDescription":"Søg om tilskud.","supplierName":"Leverandør A/S","supplierEmail":"support@leverandoer.dk",
    "topics":["familie-og-boern"],"plannedGoLive":"2099-01-01",
    "actionPage":{"title":"Søg om tilskud","intro":"Her kan du søge.","beforeYouStart":["MitID."]}}')
STATUS_URL=$(grep -o '"statusUrl" *: *"[^"]*"' <<<"$RESPONSE" | sed 's/.*"\([^"]*\)"$/\1/')
[[ "$RESPONSE" == "HTTP/1.1 201"* && -n "$STATUS_URL" ]] || { log "the connection request was not answered 201 with a status link: $RESPONSE"; exit 1; }
curl -sf "$STATUS_URL" >"$OUT/original-status.html"
snapshot original
LOGIN_ORIGINAL=$(login original)
stop_app

row_counts original >"$OUT/original-rows.txt"
started=$(date +%s.%N)
pg pg_dump -Fc -h "$WORK/pgsock" -p "$PG_PORT" -d original -f "$WORK/pgsock/original.dump"
dumped=$(date +%s.%N)
pg pg_restore --no-owner --role=selvbetjening -h "$WORK/pgsock" -p "$PG_PORT" -d restored "$WORK/pgsock/original.dump"
restored=$(date +%s.%N)
row_counts restored >"$OUT/restored-rows.txt"

log "starting on database restored"
start restored restored-1
snapshot restored
curl -sf "$STATUS_URL" >"$OUT/restored-status.html"
LOGIN_RESTORED=$(login restored)
stop_app

failures=0
check() {  # check WHAT FILE_A FILE_B
  if cmp -s "$2" "$3"; then log "same: $1"; else log "DIFFERENT: $1 ($2, $3)"; failures=$((failures + 1)); fi
}
check "row counts of every table" "$OUT/original-rows.txt" "$OUT/restored-rows.txt"
check "/api/v1/services" "$OUT/original-services.json" "$OUT/restored-services.json"
check "/api/v1/services.csv" "$OUT/original-services.csv" "$OUT/restored-services.csv"
check "/sitemap.xml" "$OUT/original-sitemap.xml" "$OUT/restored-sitemap.xml"
if grep -q "backup" "$OUT/restored-status.html"; then log "same: the status link shows the connection request"
else log "DIFFERENT: the status link after restore"; failures=$((failures + 1)); fi
if [[ "$LOGIN_ORIGINAL" == "302 $APP/redaktion"* && "$LOGIN_RESTORED" == "$LOGIN_ORIGINAL" ]]; then
  log "same: the editor's login ($LOGIN_RESTORED)"
else log "DIFFERENT: the editor's login (before: $LOGIN_ORIGINAL, after: $LOGIN_RESTORED)"; failures=$((failures + 1)); fi

tables=$(wc -l <"$OUT/original-rows.txt")
rows=$(awk '{ s += $2 } END { print s + 0 }' "$OUT/original-rows.txt")
services=$(grep -o '"slug"' "$OUT/restored-services.json" | wc -l)
{
  echo "pg_dump -Fc and pg_restore, $PG_VERSION, $(date -u +%Y-%m-%d)"
  echo "tables: $tables, rows: $rows, published self-services: $services, dump: $(du -k "$WORK/pgsock/original.dump" | cut -f1) KiB"
  printf 'pg_dump: %.1f s, pg_restore: %.1f s\n' "$(echo "$dumped - $started" | bc)" "$(echo "$restored - $dumped" | bc)"
  echo "differences: $failures"
} | tee "$OUT/summary.txt"
[[ $failures -eq 0 ]]
