#!/usr/bin/env bash
# Two nodes on one PostgreSQL behind nginx, on this machine (issue 17, ADR 0018): a throwaway Debian PostgreSQL 15
# cluster, two nodes of the application (java -jar, postgres profile, each with its own search index directory) and
# nginx as a round-robin load balancer on loopback. Shows that both nodes serve one catalogue (each answer names the
# node that gave it, from nginx's X-Served-By header), and that an editor's login through the load balancer holds on
# whichever node answers (sessions in the database, Spring Session JDBC).
#
# Usage: bench/cluster/run.sh            (KEEP=1 leaves everything running until Ctrl-C)
#   SKIP_BUILD=1 LB_PORT=18082 REQUESTS=12
# The nodes and PostgreSQL listen on free loopback ports the script picks; nginx on LB_PORT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LB_PORT=${LB_PORT:-18082}
REQUESTS=${REQUESTS:-12}
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup cluster
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

on_exit stop_cluster

if ! command -v nginx >/dev/null || ! command -v curl >/dev/null; then
  log "installing nginx, curl"
  apt-get install -y nginx-light curl >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx-light curl >/dev/null; }
fi
require_free_ports "$LB_PORT"
build_jar

PG_PORT=$(free_port)
start_cluster_database

# The editor logs in with a password below; the postgres profile would require a passkey (ADR 0027) and send the
# login to the passkey registration instead
PASSWORD_LOGIN=--selvbetjening.account.editor-passkey-required=false
A_PORT=$(free_port)
log "node a: migrations and the demo content"
start_node a "$A_PORT" --selvbetjening.demo.enabled=true "$PASSWORD_LOGIN"
B_PORT=$(free_port)
log "node b: the same database"
start_node b "$B_PORT" "$PASSWORD_LOGIN"

log "nginx on 127.0.0.1:$LB_PORT, round robin over both nodes"
start_nginx "$LB_PORT" "$A_PORT" "$B_PORT"

LB="http://127.0.0.1:$LB_PORT"
node_of() { case "$1" in *":$A_PORT") echo a ;; *":$B_PORT") echo b ;; *) echo "?" ;; esac; }

log "$REQUESTS citizen requests through nginx"
SLUG=$(curl -s "$LB/api/v1/services" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
declare -A SEEN=()
{
  printf '# Two nodes behind nginx (bench/cluster/run.sh)\n\n'
  printf '%s on 127.0.0.1:%s; node a on :%s, node b on :%s; nginx on :%s.\n\n' "$PG_VERSION" "$PG_PORT" "$A_PORT" "$B_PORT" "$LB_PORT"
  printf '| request | status | node | page title |\n|---|---|---|---|\n'
} >"$OUT/RESULTS.md"
for i in $(seq "$REQUESTS"); do
  # the same page twice in a row: round robin sends the two requests to different nodes
  path=/handlingsside/$SLUG
  (( i > REQUESTS / 2 )) && path=/
  response=$(curl -s -D "$WORK/headers" "$LB$path")
  status=$(head -1 "$WORK/headers" | awk '{print $2}')
  node=$(node_of "$(tr -d '\r' <"$WORK/headers" | awk -F': ' 'tolower($1) == "x-served-by" {print $2}')")
  title=$(printf '%s' "$response" | python3 -c 'import re,sys,html; m=re.search(r"<title>(.*?)</title>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)).strip() if m else "")')
  SEEN[$node]=1
  printf '| GET %s | %s | %s | %s |\n' "$path" "$status" "$node" "$title" | tee -a "$OUT/RESULTS.md"
done
[[ -n "${SEEN[a]:-}" && -n "${SEEN[b]:-}" ]] || { log "nginx did not reach both nodes"; exit 1; }

log "an editor logs in through nginx; the backoffice opens on both nodes"
JAR_COOKIES="$WORK/cookies"
login_page=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$LB/redaktion/log-ind")
csrf=$(printf '%s' "$login_page" | python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
login_status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
  --data-urlencode "email=$EDITOR" --data-urlencode "password=$EDITOR_PASSWORD" --data-urlencode "_csrf=$csrf" \
  "$LB/redaktion/log-ind")
[[ "$login_status" == 302 ]] || { log "login answered $login_status"; exit 1; }
printf '\n| backoffice request with the session | status | node |\n|---|---|---|\n' >>"$OUT/RESULTS.md"
declare -A OK=()
for _ in 1 2 3 4; do
  status=$(curl -s -D "$WORK/headers" -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "$LB/redaktion")
  node=$(node_of "$(tr -d '\r' <"$WORK/headers" | awk -F': ' 'tolower($1) == "x-served-by" {print $2}')")
  [[ "$status" == 200 ]] && OK[$node]=1
  printf '| GET /redaktion | %s | %s |\n' "$status" "$node" | tee -a "$OUT/RESULTS.md"
done
[[ -n "${OK[a]:-}" && -n "${OK[b]:-}" ]] || { log "the session did not hold on both nodes"; exit 1; }
log "both nodes serve one catalogue and one login; results in $OUT/RESULTS.md"

if [[ "${KEEP:-0}" == 1 ]]; then
  log "KEEP=1: running until Ctrl-C ($LB)"
  wait "$NGINX_PID"
fi
