#!/usr/bin/env bash
# Citizen read path benchmark: the app's action page (municipality resolved), the same page asked for gzip as
# browsers do, and its start redirect against nginx serving the same HTML bytes as a static file (the gzip one
# pre-compressed next to it, `gzip_static on`, the app's own gzip bytes) and a `return 303` location, with wrk on
# loopback, in the same run: RUNS rounds of the six measurements, the ratios their medians. Writes
# bench/read-path/RESULTS.md and rebuilds BENCHMARKS.md from every bench/*/RESULTS.md (WRITE_RESULTS=0: neither;
# the raw output stays in bench/out/read-path/). Takes about 8 minutes with the defaults (build 1 min, start 20 s,
# warm-up 60 s, 3 x 6 x 20 s measured, 3 x 25 s of profiles).
#
# Usage: bench/read-path/run.sh
#   SKIP_BUILD=1        use the jar in target/ as it is (default: ./mvnw -B -q -DskipTests package)
#   RUNS=3              rounds of measurements (nginx page, app page, nginx gzip page, app gzip page, nginx start,
#                       app start); medians reported
#   DURATION=20s        measured wrk run per path and server
#   WARMUP=10s          wrk warm-up per path and server, before the measured runs
#   THREADS=2           wrk threads
#   CONNECTIONS=32      wrk connections
#   PROFILE_SECONDS=15  JFR profile of the app under load on each path, taken AFTER the measured runs (0: none)
#   APP_PORT=18080 NGINX_PORT=18081 FLOOR_PORT=18088
#   FLOOR=1             also measure the floor under the start redirect and the gzip page: a bare embedded Tomcat
#                       (the jar's own) answering a constant 303, and the app's gzip bytes, with the app's headers
#                       (bench/read-path/TomcatFloor.java); 0: not
#   HEALTH_TIMEOUT=120  seconds the app may take to start (more on a loaded machine)
#   APP_ARGS="..."      extra arguments for the app, e.g. to try a setting (recorded in BENCHMARKS.md)
#   WRITE_RESULTS=1     write RESULTS.md and rebuild BENCHMARKS.md (0: only the log and bench/out/read-path/)
#
# Everything runs on 127.0.0.1 and stops by itself; the app and nginx are stopped on exit, also on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PROFILE_SECONDS=${PROFILE_SECONDS:-15}
WRITE_RESULTS=${WRITE_RESULTS:-1}
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
FLOOR_PORT=${FLOOR_PORT:-18088}
FLOOR=${FLOOR:-1}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}
GZIP_HEADER='Accept-Encoding: gzip'

SLUG=skriv-dit-barn-op-til-daginstitution
PAGE_PATH="/handlingsside/$SLUG?kommunekode=101"
START_PATH="/handlingsside/$SLUG/start?kommunekode=101"
APP="http://127.0.0.1:$APP_PORT"
NGX="http://127.0.0.1:$NGINX_PORT"
FLR="http://127.0.0.1:$FLOOR_PORT"
DB_URL='jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'

APP_PID=""
NGINX_PID=""
FLOOR_PID=""
# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
bench_setup read-path

stop_servers() {
  if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGINX_PID" 2>/dev/null
    wait "$NGINX_PID" 2>/dev/null
  fi
  [[ -z "$FLOOR_PID" ]] || stop_process "$FLOOR_PID" 5
  [[ -z "$APP_PID" ]] || stop_process "$APP_PID" 10
}
on_exit stop_servers

# --- 1. tools -------------------------------------------------------------------------------------------
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  log "installing nginx, wrk, curl"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y nginx wrk curl >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx wrk curl >/dev/null; }
fi
NGINX_BIN=$(command -v nginx)

# --- 2. build -------------------------------------------------------------------------------------------
build_jar
require_free_ports "$APP_PORT" "$NGINX_PORT"
[[ "$FLOOR" != 1 ]] || require_free_ports "$FLOOR_PORT"

# --- 3. the app -----------------------------------------------------------------------------------------
APP_CMD=(java -Xmx1g -jar "$JAR" --server.port="$APP_PORT" "--spring.datasource.url=$DB_URL" --logging.level.root=WARN)
# shellcheck disable=SC2206 # APP_ARGS is split on blanks on purpose
[[ -z "${APP_ARGS:-}" ]] || APP_CMD+=(${APP_ARGS})
APP_CMD_LINE=$(printf '%q ' "${APP_CMD[@]}")
log "starting the app: $APP_CMD_LINE"
"${APP_CMD[@]}" >"$OUT/app.log" 2>&1 &
APP_PID=$!
started=$SECONDS
wait_healthy "$APP" "$APP_PID" "$HEALTH_TIMEOUT" "$OUT/app.log"
log "app healthy after $((SECONDS - started))s"

# --- 4./5. the same bytes from nginx ----------------------------------------------------------------------
DOCROOT="$WORK/docroot"
mkdir -p "$DOCROOT"
code=$(curl -s -o "$DOCROOT/page.html" -w '%{http_code}' "$APP$PAGE_PATH")
[[ "$code" == 200 ]] || { log "the app answered $code for $PAGE_PATH"; exit 1; }
start_code=$(curl -s -o /dev/null -w '%{http_code}' "$APP$START_PATH")
[[ "$start_code" == 303 ]] || { log "the app answered $start_code for $START_PATH (expected 303)"; exit 1; }
START_LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' "$APP$START_PATH")
PAGE_BYTES=$(wc -c <"$DOCROOT/page.html")
# the app's own gzip bytes, as a browser gets them, become nginx's pre-compressed file next to the page
curl -s -H "$GZIP_HEADER" -D "$WORK/gzip-headers" -o "$DOCROOT/page.html.gz" "$APP$PAGE_PATH"
grep -qi '^content-encoding: gzip' "$WORK/gzip-headers" || { log "the app sent no gzip for $PAGE_PATH"; exit 1; }
gzip -dc "$DOCROOT/page.html.gz" | cmp -s - "$DOCROOT/page.html" \
  || { log "the app's gzip bytes do not decompress to its plain page"; exit 1; }
GZIP_BYTES=$(wc -c <"$DOCROOT/page.html.gz")
# nginx workers run as nobody: the docroot must be readable by them
chmod 755 "$WORK" "$DOCROOT"
chmod 644 "$DOCROOT/page.html" "$DOCROOT/page.html.gz"

mkdir -p "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /handlingsside/$SLUG {
      default_type "text/html; charset=UTF-8";
      gzip_static on;
      gzip_vary on;
      alias $DOCROOT/page.html;
    }
    location = /handlingsside/$SLUG/start {
      return 303 "$START_LOCATION";
    }
  }
}
EOF
"$NGINX_BIN" -t -q -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf"
"$NGINX_BIN" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do
  [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$NGX$PAGE_PATH" || true)" == 200 ]] && break
  kill -0 "$NGINX_PID" 2>/dev/null || { log "nginx exited: $(cat "$WORK/nginx/error.log")"; exit 1; }
  sleep 0.1
done
curl -s -o "$WORK/nginx-page.html" "$NGX$PAGE_PATH"
curl -s -o "$WORK/app-page-again.html" "$APP$PAGE_PATH"
cmp -s "$DOCROOT/page.html" "$WORK/nginx-page.html" || { log "nginx does not return the app's bytes"; exit 1; }
cmp -s "$DOCROOT/page.html" "$WORK/app-page-again.html" || { log "the app's page differs between two requests: not comparable with a static file"; exit 1; }
curl -s -H "$GZIP_HEADER" -D "$WORK/nginx-gzip-headers" -o "$WORK/nginx-page.html.gz" "$NGX$PAGE_PATH"
curl -s -H "$GZIP_HEADER" -o "$WORK/app-page-again.html.gz" "$APP$PAGE_PATH"
grep -qi '^content-encoding: gzip' "$WORK/nginx-gzip-headers" || { log "nginx sent no gzip (gzip_static)"; exit 1; }
cmp -s "$DOCROOT/page.html.gz" "$WORK/nginx-page.html.gz" || { log "nginx does not return the app's gzip bytes"; exit 1; }
cmp -s "$DOCROOT/page.html.gz" "$WORK/app-page-again.html.gz" || { log "the app's gzip bytes differ between two requests"; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$NGX$PAGE_PATH")" == 200 ]] || { log "nginx: no 200 for the page"; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$NGX$START_PATH")" == "303 $START_LOCATION" ]] \
  || { log "nginx: no 303 to $START_LOCATION"; exit 1; }
APP_HEADER_BYTES=$(curl -s -o /dev/null -w '%{size_header}' "$APP$PAGE_PATH")
NGINX_HEADER_BYTES=$(curl -s -o /dev/null -w '%{size_header}' "$NGX$PAGE_PATH")
curl -s -D "$OUT/headers-app-page.txt" -o /dev/null "$APP$PAGE_PATH"
curl -s -D "$OUT/headers-nginx-page.txt" -o /dev/null "$NGX$PAGE_PATH"
APP_GZIP_HEADER_BYTES=$(curl -s -H "$GZIP_HEADER" -o /dev/null -w '%{size_header}' "$APP$PAGE_PATH")
NGINX_GZIP_HEADER_BYTES=$(curl -s -H "$GZIP_HEADER" -o /dev/null -w '%{size_header}' "$NGX$PAGE_PATH")
curl -s -H "$GZIP_HEADER" -D "$OUT/headers-app-gzip-page.txt" -o /dev/null "$APP$PAGE_PATH"
curl -s -H "$GZIP_HEADER" -D "$OUT/headers-nginx-gzip-page.txt" -o /dev/null "$NGX$PAGE_PATH"
log "nginx serves the same $PAGE_BYTES bytes and the same $GZIP_BYTES gzip bytes (cmp ok); start redirect 303 -> $START_LOCATION"

# --- 5b. the floor: a bare Tomcat with the app's start redirect headers --------------------------------------
if [[ "$FLOOR" == 1 ]]; then
  TOMCAT_CORE=$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/tomcat-embed-core-[0-9.]+\.jar$')
  unzip -q -j -o "$JAR" "$TOMCAT_CORE" -d "$WORK/floor"
  # the app's keep-alive setting (application.properties: server.tomcat.max-keep-alive-requests)
  # and the app's gzip page: its bytes, and its headers as the app sends them
  java -Xmx256m -cp "$WORK/floor/${TOMCAT_CORE##*/}" "$ROOT/bench/read-path/TomcatFloor.java" "$FLOOR_PORT" \
    "$START_LOCATION" 10000 "$DOCROOT/page.html.gz" "$OUT/headers-app-gzip-page.txt" >"$OUT/floor.log" 2>&1 &
  FLOOR_PID=$!
  for _ in $(seq 100); do
    [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$FLR$START_PATH" || true)" == 303 ]] && break
    kill -0 "$FLOOR_PID" 2>/dev/null || { log "the Tomcat floor exited: see $OUT/floor.log"; exit 1; }
    sleep 0.2
  done
  [[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$FLR$START_PATH")" == "303 $START_LOCATION" ]] \
    || { log "the Tomcat floor: no 303 to $START_LOCATION"; exit 1; }
  curl -s -D "$OUT/headers-app-start.txt" -o /dev/null "$APP$START_PATH"
  curl -s -D "$OUT/headers-floor-start.txt" -o /dev/null "$FLR$START_PATH"
  # the same header lines but Date (the app counted one more start: harmless) and the request id's value (random per
  # request in the app, a constant of the same length in the floor)
  same_headers() { grep -vi '^date:' "$1" | sed 's/^X-Request-Id: [0-9a-f]*/X-Request-Id: <16 hex digits>/'; }
  diff <(same_headers "$OUT/headers-app-start.txt") <(same_headers "$OUT/headers-floor-start.txt") >/dev/null \
    || { log "the Tomcat floor's headers differ from the app's start redirect: see $OUT/headers-*-start.txt"; exit 1; }
  curl -s -H "$GZIP_HEADER" -D "$OUT/headers-app-gzip-page-again.txt" -o /dev/null "$APP$PAGE_PATH"
  curl -s -H "$GZIP_HEADER" -D "$OUT/headers-floor-gzip-page.txt" -o "$WORK/floor-page.html.gz" "$FLR$PAGE_PATH"
  cmp -s "$DOCROOT/page.html.gz" "$WORK/floor-page.html.gz" || { log "the Tomcat floor does not return the app's gzip bytes"; exit 1; }
  diff <(same_headers "$OUT/headers-app-gzip-page-again.txt") <(same_headers "$OUT/headers-floor-gzip-page.txt") >/dev/null \
    || { log "the Tomcat floor's headers differ from the app's gzip page: see $OUT/headers-*-gzip-page*.txt"; exit 1; }
  log "the Tomcat floor answers the same 303 and the same gzip page with the same headers"
fi

# --- 6. load ---------------------------------------------------------------------------------------------
# to milliseconds from wrk's units (us, ms, s, m)
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
    if (f < 0) { print "?" } else { printf "%.2f", n * f } }'
}

# CPU time (user + system, in clock ticks) of process $1 and its direct children (nginx's workers)
cpu_ticks() {
  local stats
  stats=$(cat /proc/[0-9]*/stat 2>/dev/null || true)
  awk -v p="$1" '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " ")
                   if ($1 == p || f[2] == p) t += f[12] + f[13] } END { print t + 0 }' <<<"$stats"
}
CLK_TCK=$(getconf CLK_TCK)

# CPU ticks of the whole machine: "busy total" from /proc/stat
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat; }
# CPU ticks of this shell's finished children (wrk), from the `times` builtin; it must run in this shell, not
# in a $(...) subshell, which starts with zero times
children_ticks() {
  times >"$WORK/times"
  awk -v hz="$CLK_TCK" 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
                                  printf "%.0f\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * hz }' "$WORK/times" >"$WORK/children"
}

# run_wrk NAME URL DURATION SERVER_PID [HEADER] -> $OUT/wrk-NAME.txt; sets RPS AVG P99 ERRS, CPU (server CPU us per
# request) and OTHER (% of the machine's CPU used by neither the server nor wrk during the run: other load); HEADER,
# when given, is sent with every request (wrk -H)
run_wrk() {
  local name=$1 url=$2 dur=$3 pid=$4 file="$OUT/wrk-$1.txt" t0 t1 n m0 m1 c0 c1
  local -a extra=()
  [[ -z "${5:-}" ]] || extra=(-H "$5")
  t0=$(cpu_ticks "$pid"); children_ticks; c0=$(<"$WORK/children"); m0=$(machine_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$dur" --timeout 10s --latency "${extra[@]}" "$url" >"$file"
  t1=$(cpu_ticks "$pid"); children_ticks; c1=$(<"$WORK/children"); m1=$(machine_ticks)
  OTHER=$(awk -v m0="$m0" -v m1="$m1" -v s="$((t1 - t0))" -v w="$((c1 - c0))" 'BEGIN {
    split(m0, a, " "); split(m1, b, " "); busy = b[1] - a[1]; all = b[2] - a[2]
    o = all > 0 ? 100 * (busy - s - w) / all : 0; printf "%.0f", o < 0 ? 0 : o }')
  n=$(awk '/ requests in / { print $1 }' "$file")
  RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")
  AVG=$(to_ms "$(awk '$1 == "Latency" { print $2; exit }' "$file")")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$file")")
  ERRS=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$file")
  CPU=$(awk -v d="$((t1 - t0))" -v n="${n:-0}" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.0f", d * 1e6 / hz / n; else print "n/a" }')
  log "$(printf '%-20s %8s req/s  avg %8s ms  p99 %8s ms  server CPU %5s us/req  other load %3s %%  errors %s' \
    "$name" "$RPS" "$AVG" "$P99" "$CPU" "$OTHER" "$ERRS")"
}

log "warm-up: $WARMUP per path and server"
run_wrk warmup-nginx-page "$NGX$PAGE_PATH" "$WARMUP" "$NGINX_PID"
run_wrk warmup-app-page "$APP$PAGE_PATH" "$WARMUP" "$APP_PID"
run_wrk warmup-nginx-gzip-page "$NGX$PAGE_PATH" "$WARMUP" "$NGINX_PID" "$GZIP_HEADER"
run_wrk warmup-app-gzip-page "$APP$PAGE_PATH" "$WARMUP" "$APP_PID" "$GZIP_HEADER"
run_wrk warmup-nginx-start "$NGX$START_PATH" "$WARMUP" "$NGINX_PID"
run_wrk warmup-app-start "$APP$START_PATH" "$WARMUP" "$APP_PID"
[[ "$FLOOR" != 1 ]] || run_wrk warmup-floor-start "$FLR$START_PATH" "$WARMUP" "$FLOOR_PID"
[[ "$FLOOR" != 1 ]] || run_wrk warmup-floor-gzip-page "$FLR$PAGE_PATH" "$WARMUP" "$FLOOR_PID" "$GZIP_HEADER"

log "measuring: $RUNS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
# per round, in this order: nginx page, app page, nginx gzip page, app gzip page, nginx start, app start; each
# array holds one value per round
declare -a NP_RPS NP_P99 NP_CPU NP_OTHER AP_RPS AP_AVG AP_P99 AP_CPU AP_OTHER
declare -a NG_RPS NG_P99 NG_CPU NG_OTHER AG_RPS AG_AVG AG_P99 AG_CPU AG_OTHER R_GZIPS
declare -a NS_RPS NS_P99 NS_CPU NS_OTHER AS_RPS AS_AVG AS_P99 AS_CPU AS_OTHER R_PAGES R_STARTS
declare -a FS_RPS FS_AVG FS_P99 FS_CPU FS_OTHER R_FLOORS FG_RPS FG_AVG FG_P99 FG_CPU FG_OTHER R_GZIP_FLOORS
ERRORS=0
ratio() { awk -v a="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.3f", a / n; else print "n/a" }'; }
for round in $(seq "$RUNS"); do
  run_wrk "nginx-page-$round" "$NGX$PAGE_PATH" "$DURATION" "$NGINX_PID"
  NP_RPS+=("$RPS"); NP_P99+=("$P99"); NP_CPU+=("$CPU"); NP_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
  run_wrk "app-page-$round" "$APP$PAGE_PATH" "$DURATION" "$APP_PID"
  AP_RPS+=("$RPS"); AP_AVG+=("$AVG"); AP_P99+=("$P99"); AP_CPU+=("$CPU"); AP_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
  run_wrk "nginx-gzip-page-$round" "$NGX$PAGE_PATH" "$DURATION" "$NGINX_PID" "$GZIP_HEADER"
  NG_RPS+=("$RPS"); NG_P99+=("$P99"); NG_CPU+=("$CPU"); NG_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
  run_wrk "app-gzip-page-$round" "$APP$PAGE_PATH" "$DURATION" "$APP_PID" "$GZIP_HEADER"
  AG_RPS+=("$RPS"); AG_AVG+=("$AVG"); AG_P99+=("$P99"); AG_CPU+=("$CPU"); AG_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
  run_wrk "nginx-start-$round" "$NGX$START_PATH" "$DURATION" "$NGINX_PID"
  NS_RPS+=("$RPS"); NS_P99+=("$P99"); NS_CPU+=("$CPU"); NS_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
  run_wrk "app-start-$round" "$APP$START_PATH" "$DURATION" "$APP_PID"
  AS_RPS+=("$RPS"); AS_AVG+=("$AVG"); AS_P99+=("$P99"); AS_CPU+=("$CPU"); AS_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
  R_PAGES+=("$(ratio "${AP_RPS[-1]}" "${NP_RPS[-1]}")")
  R_GZIPS+=("$(ratio "${AG_RPS[-1]}" "${NG_RPS[-1]}")")
  R_STARTS+=("$(ratio "${AS_RPS[-1]}" "${NS_RPS[-1]}")")
  FLOOR_NOTE=""
  if [[ "$FLOOR" == 1 ]]; then
    run_wrk "floor-start-$round" "$FLR$START_PATH" "$DURATION" "$FLOOR_PID"
    FS_RPS+=("$RPS"); FS_AVG+=("$AVG"); FS_P99+=("$P99"); FS_CPU+=("$CPU"); FS_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
    R_FLOORS+=("$(ratio "${FS_RPS[-1]}" "${NS_RPS[-1]}")")
    run_wrk "floor-gzip-page-$round" "$FLR$PAGE_PATH" "$DURATION" "$FLOOR_PID" "$GZIP_HEADER"
    FG_RPS+=("$RPS"); FG_AVG+=("$AVG"); FG_P99+=("$P99"); FG_CPU+=("$CPU"); FG_OTHER+=("$OTHER"); ERRORS=$((ERRORS + ERRS))
    R_GZIP_FLOORS+=("$(ratio "${FG_RPS[-1]}" "${NG_RPS[-1]}")")
    FLOOR_NOTE=", Tomcat floor: start ${R_FLOORS[-1]}, gzip ${R_GZIP_FLOORS[-1]}"
  fi
  log "round $round: action page ratio ${R_PAGES[-1]}, gzip ${R_GZIPS[-1]}, start redirect ratio ${R_STARTS[-1]}$FLOOR_NOTE"
done

# median VALUE...: the middle value (the mean of the two middle ones for an even count); n/a when any is n/a
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } /n\/a/ { na = 1 }
  END { if (na || NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# largest VALUE...
largest() { printf '%s\n' "$@" | sort -g | tail -n 1; }
# joined VALUE...: "a, b, c"
joined() { local IFS=','; printf '%s' "$*" | sed 's/,/, /g'; }
R_PAGE=$(median "${R_PAGES[@]}")
R_GZIP=$(median "${R_GZIPS[@]}")
R_START=$(median "${R_STARTS[@]}")
R_FLOOR=n/a
R_GZIP_FLOOR=n/a
[[ "$FLOOR" != 1 ]] || R_FLOOR=$(median "${R_FLOORS[@]}")
[[ "$FLOOR" != 1 ]] || R_GZIP_FLOOR=$(median "${R_GZIP_FLOORS[@]}")

# --- optional: where the app's time goes (after the measured runs, so it does not disturb them) -----------
# A JFR recording of the app under the same load on the action page: thread stacks sampled every 10 ms,
# without jstack's bias to safepoints.
# profile NAME URL [HEADER]: a JFR recording of the app for PROFILE_SECONDS under wrk load on URL, HEADER sent with
# every request when given (after a warm-up of its
# own) -> $OUT/app-NAME.jfr and $OUT/jfr-NAME.txt; sets PROFILE_RPS. Non-zero when a step fails.
profile() {
  local name=$1 url=$2
  local -a extra=()
  [[ -z "${3:-}" ]] || extra=(-H "$3")
  rm -f "$OUT/app-$name.jfr"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${extra[@]}" "$url" >"$OUT/wrk-profile-warmup-$name.txt" \
    && jcmd "$APP_PID" JFR.start name="$name" settings="$WORK/sampling.jfc" filename="$OUT/app-$name.jfr" >>"$OUT/jcmd.txt" 2>&1 \
    && wrk -t"$THREADS" -c"$CONNECTIONS" -d"${PROFILE_SECONDS}s" "${extra[@]}" "$url" >"$OUT/wrk-profile-$name.txt" \
    && jcmd "$APP_PID" JFR.stop name="$name" >>"$OUT/jcmd.txt" 2>&1 \
    && jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 96 "$OUT/app-$name.jfr" \
      >"$OUT/jfr-$name.txt" || return 1
  PROFILE_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$OUT/wrk-profile-$name.txt")
}

# summary NAME: per sample of a request thread (http-nio-PORT-exec-N) in $OUT/jfr-NAME.txt, its first frame outside
# the JDK ("where the work is", e.g. a Tomcat or Spring method calling HashMap.get) and that frame's library
summary() {
  awk -v port="$APP_PORT" '
    function lib(f,   n, p) {
      n = split(f, p, ".")
      if (f ~ /^dk\.selvbetjening\./) return "dk.selvbetjening (the app)"
      if (f ~ /^org\.springframework\.security\./) return "org.springframework.security"
      if (f ~ /^org\.springframework\.web\.servlet\./) return "org.springframework.web.servlet"
      if (f ~ /^org\.apache\.(catalina|coyote|tomcat)\./) return "Tomcat"
      if (f ~ /^io\.micrometer\./) return "io.micrometer (metrics, observations)"
      if (f ~ /^jakarta\.servlet\./) return "jakarta.servlet (request wrappers)"
      if (n >= 3) return p[1] "." p[2] "." p[3]
      return f
    }
    function flush(   i, f) {
      if (ev != "" && req && nf > 0) {
        if (ev == "jdk.NativeMethodSample") { native++; ntop[frames[1]]++ }
        else {
          java++
          f = frames[1]
          for (i = 1; i <= nf; i++) if (frames[i] !~ /^(java|javax|jdk|sun)\./) { f = frames[i]; break }
          first[f]++; libs[lib(f)]++
        }
      } else if (ev == "jdk.ExecutionSample" && nf > 0) other++
      ev = ""; req = 0; nf = 0; instack = 0
    }
    /^jdk\.(ExecutionSample|NativeMethodSample) \{/ { flush(); ev = $1; next }
    /sampledThread = / { req = index($0, "\"http-nio-" port "-exec-") > 0; next }
    /stackTrace = \[/ { instack = 1; next }
    instack && /^ *\]/ { instack = 0; next }
    instack && $1 != "..." { f = $1; sub(/\(.*/, "", f); sub(/\/0x[0-9a-f]+/, "", f); frames[++nf] = f; next }
    END {
      flush()
      printf "HEAD\t%d\t%d\t%d\n", java, native, other
      for (l in libs) printf "LIB\t%d\t%.1f\t%s\n", libs[l], 100 * libs[l] / java, l
      for (f in first) printf "FIRST\t%d\t%.1f\t%s\n", first[f], 100 * first[f] / java, f
      for (f in ntop) printf "NATIVE\t%d\t%.1f\t%s\n", ntop[f], 100 * ntop[f] / native, f
    }' "$OUT/jfr-$1.txt"
}

# section SUMMARY KIND N -> "  pct %  samples  name" lines, biggest first
section() {
  printf '%s\n' "$1" | awk -F'\t' -v k="$2" '$1 == k { printf "%5.1f %%  %5d  %s\n", $3, $2, $4 }' \
    | sort -k1,1nr | awk -v n="$3" 'NR <= n'
}

# profile_markdown TITLE NAME SUMMARY RPS: a profile's part of RESULTS.md
profile_markdown() {
  local title=$1 name=$2 summary=$3 rps=$4 java native other
  read -r _ java native other <<<"$(printf '%s\n' "$summary" | awk -F'\t' '$1 == "HEAD"')"
  cat <<MD

### Where the app's time goes ($title)

A JFR recording (execution and native method samples only, every 10 ms) of the app for ${PROFILE_SECONDS} s under
the same wrk load, taken *after* the measured runs and a warm-up of its own ($rps req/s while recording; the sampling
costs some throughput). Request threads: $java samples running Java code, $native in native code (socket I/O);
$other Java samples on other threads. Each Java sample is charged to its first frame outside the JDK (so
\`HashMap.get\` called by Tomcat counts as Tomcat's). Raw data: \`bench/out/read-path/app-$name.jfr\` (open it in JDK
Mission Control, or \`jfr print\`).

By library (share of the request threads' Java samples):

\`\`\`
$(section "$summary" LIB 12)
\`\`\`

By method:

\`\`\`
$(section "$summary" FIRST 20)
\`\`\`

Native samples of the request threads, by top frame:

\`\`\`
$(section "$summary" NATIVE 5)
\`\`\`
MD
}

PROFILE_PAGE=""
PROFILE_GZIP=""
PROFILE_START=""
if (( PROFILE_SECONDS > 0 )) && command -v jcmd >/dev/null && command -v jfr >/dev/null; then
  log "profiling: JFR recordings of the app for ${PROFILE_SECONDS}s under load, on the action page and on the start redirect"
  rm -f "$OUT/jcmd.txt"
  # Only the two samplers, to keep the recording's own cost low (the stock "profile" settings also record socket
  # I/O, allocations, locks and more).
  cat >"$WORK/sampling.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="bench sampling">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
  <event name="jdk.NativeMethodSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
</configuration>
JFC
  # JFR's first start in a running JVM was seen to cost this app most of its throughput for a while (it loads
  # and instruments JDK classes): start and stop it once, warm up again (in profile), and only then record. A
  # failure here only leaves the profile out of BENCHMARKS.md.
  if jcmd "$APP_PID" JFR.start name=init settings="$WORK/sampling.jfc" >>"$OUT/jcmd.txt" 2>&1 \
      && jcmd "$APP_PID" JFR.stop name=init >>"$OUT/jcmd.txt" 2>&1; then
    if profile page "$APP$PAGE_PATH"; then PROFILE_PAGE=$(summary page); PROFILE_PAGE_RPS=$PROFILE_RPS; fi
    if profile gzip-page "$APP$PAGE_PATH" "$GZIP_HEADER"; then
      PROFILE_GZIP=$(summary gzip-page); PROFILE_GZIP_RPS=$PROFILE_RPS
    fi
    if profile start "$APP$START_PATH"; then PROFILE_START=$(summary start); PROFILE_START_RPS=$PROFILE_RPS; fi
  fi
  [[ -n "$PROFILE_PAGE" && -n "$PROFILE_START" ]] || log "profiling failed (see $OUT/jcmd.txt); BENCHMARKS.md goes without it"
fi

# --- 7. BENCHMARKS.md ------------------------------------------------------------------------------------
SUMMARY="action page ratio $R_PAGE, gzip $R_GZIP, start redirect ratio $R_START (Tomcat floor: gzip $R_GZIP_FLOOR, start $R_FLOOR)"
if [[ "$WRITE_RESULTS" != 1 ]]; then
  log "WRITE_RESULTS=$WRITE_RESULTS: RESULTS.md and BENCHMARKS.md left as they are; raw output in $OUT; $SUMMARY"
  exit 0
fi
# verdict RATIO GOAL
verdict() { awk -v r="$1" -v g="$2" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= g) print "meets"; else print "misses" }'; }
PAGE_GOAL=0.5
GZIP_GOAL=0.8
START_GOAL=0.6
V_PAGE=$(verdict "$R_PAGE" "$PAGE_GOAL")
V_GZIP=$(verdict "$R_GZIP" "$GZIP_GOAL")
V_START=$(verdict "$R_START" "$START_GOAL")
MEM=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
JAVA_V=$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')
NGINX_V=$("$NGINX_BIN" -v 2>&1)
WRK_V=$( (wrk -v 2>&1 || true) | awk 'NR == 1 { sub(/ *Usage:.*/, ""); print }')
git_revision

{
  cat <<EOF
## Citizen read path against nginx (bench/read-path)

Generated by \`bench/read-path/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$GIT_REV\`$GIT_DIRTY; this section is
rewritten on every run.


The goals: the citizen read path served from memory at **at least half of nginx's throughput** for the same bytes
on the action page, **at least 0.8 of it** on the same page asked for gzip as browsers ask, and **at least 0.6 of
it** on the start redirect; each the median of $RUNS rounds, every round measuring nginx and the app one after the
other.

- **Action page**: \`GET $PAGE_PATH\` from the app (Thymeleaf, demo content in an in-memory H2 database)
  against nginx serving the **same $PAGE_BYTES bytes** as a static file at the same path (checked with \`cmp\`
  before the load; both answer 200, uncompressed since wrk sends no \`Accept-Encoding\`).
- **Action page, gzip**: the same request with \`$GZIP_HEADER\` (wrk \`-H\`): the app answers with the gzip bytes
  it keeps next to the plain ones (ADR 0024), nginx with the **same $GZIP_BYTES bytes** pre-compressed next to the
  page (\`gzip_static on\`; the app's own gzip bytes, checked with \`cmp\`, and that they decompress to the page).
- **Start redirect**: \`GET $START_PATH\` (303 to \`$START_LOCATION\`) against an nginx
  \`return 303\` location with the same \`Location\`.

Medians of the $RUNS rounds (the ratio is the median of the rounds' ratios, each round's in brackets):

| path | nginx req/s | app req/s | ratio app/nginx | app p99 | app avg | nginx p99 | nginx CPU/req | app CPU/req | most other load (nginx, app) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| action page | $(median "${NP_RPS[@]}") | $(median "${AP_RPS[@]}") | **$R_PAGE** ($(joined "${R_PAGES[@]}")) | $(median "${AP_P99[@]}") ms | $(median "${AP_AVG[@]}") ms | $(median "${NP_P99[@]}") ms | $(median "${NP_CPU[@]}") µs | $(median "${AP_CPU[@]}") µs | $(largest "${NP_OTHER[@]}") %, $(largest "${AP_OTHER[@]}") % |
| action page, gzip | $(median "${NG_RPS[@]}") | $(median "${AG_RPS[@]}") | **$R_GZIP** ($(joined "${R_GZIPS[@]}")) | $(median "${AG_P99[@]}") ms | $(median "${AG_AVG[@]}") ms | $(median "${NG_P99[@]}") ms | $(median "${NG_CPU[@]}") µs | $(median "${AG_CPU[@]}") µs | $(largest "${NG_OTHER[@]}") %, $(largest "${AG_OTHER[@]}") % |
| start redirect (303) | $(median "${NS_RPS[@]}") | $(median "${AS_RPS[@]}") | **$R_START** ($(joined "${R_STARTS[@]}")) | $(median "${AS_P99[@]}") ms | $(median "${AS_AVG[@]}") ms | $(median "${NS_P99[@]}") ms | $(median "${NS_CPU[@]}") µs | $(median "${AS_CPU[@]}") µs | $(largest "${NS_OTHER[@]}") %, $(largest "${AS_OTHER[@]}") % |
EOF
  if [[ "$FLOOR" == 1 ]]; then
    cat <<EOF
| action page, gzip, Tomcat floor | $(median "${NG_RPS[@]}") | $(median "${FG_RPS[@]}") | **$R_GZIP_FLOOR** ($(joined "${R_GZIP_FLOORS[@]}")) | $(median "${FG_P99[@]}") ms | $(median "${FG_AVG[@]}") ms | $(median "${NG_P99[@]}") ms | $(median "${NG_CPU[@]}") µs | $(median "${FG_CPU[@]}") µs | $(largest "${NG_OTHER[@]}") %, $(largest "${FG_OTHER[@]}") % |
| start redirect, Tomcat floor | $(median "${NS_RPS[@]}") | $(median "${FS_RPS[@]}") | **$R_FLOOR** ($(joined "${R_FLOORS[@]}")) | $(median "${FS_P99[@]}") ms | $(median "${FS_AVG[@]}") ms | $(median "${NS_P99[@]}") ms | $(median "${NS_CPU[@]}") µs | $(median "${FS_CPU[@]}") µs | $(largest "${NS_OTHER[@]}") %, $(largest "${FS_OTHER[@]}") % |
EOF
  fi
  cat <<EOF

**Verdict**: action page **$V_PAGE** its goal (>= $PAGE_GOAL) at $R_PAGE; gzip **$V_GZIP** its goal (>= $GZIP_GOAL) at $R_GZIP (Tomcat floor $R_GZIP_FLOOR); start redirect **$V_START** its goal (>= $START_GOAL) at $R_START (Tomcat floor $R_FLOOR).
EOF
  if [[ "$FLOOR" == 1 ]]; then
    cat <<EOF

*Tomcat floor*: the same embedded Tomcat as the app's (the jar's own \`tomcat-embed-core\`, the app's keep-alive
and compression settings), started by \`bench/read-path/TomcatFloor.java\` with no application: a valve of its
engine answers every start request with a constant 303 and the app's start redirect headers (\`Set-Cookie\`,
\`X-Request-Id\`, \`Cache-Control\`, \`Location\`), and every page request with the app's own gzip bytes and the
headers the app sends with them (all but \`Date\` and \`Content-Length\`, which Tomcat writes, read from the
app's response), both checked equal with \`diff\` (and the bytes with \`cmp\`) before the load; the headers go to
Tomcat as bytes encoded once, as the app's valves hand them. It is what each answer would cost if the application
did nothing at all: whatever the app does (finding the self-service and the municipality, the page in memory,
counting the start), its ratio is not to be expected above the floor's, measured in the same rounds (after the app's
own, against the same nginx figure). The difference in *CPU/req* is what the application itself costs.
EOF
  fi
  if [[ "$FLOOR" == 1 ]]; then
    cat <<EOF

*What the app's Tomcat does per request that the floor's does not* (ADR 0024): the two fast paths answer in valves
placed first in Tomcat's engine, ahead of Spring Boot's \`RemoteIpValve\` (\`server.forward-headers-strategy=native\`),
which on every request read the client's address, scheme, host and ports, parsed \`X-Forwarded-For\`, compared the
address with the trusted proxies and set six request attributes for an access log; the valves take from it only what
their answers use (https from \`X-Forwarded-Proto\` and the trust that lets a proxy's \`X-Request-Id\` through,
\`portal.web.TrustedProxies\`, tested against the valve itself), and only when such a header is there. Every header
of the two answers goes to Tomcat as bytes encoded once (a header set as a string costs Tomcat a new charset encoder
per response, and \`setHeader\` a search of the headers already set), the \`Date\` too, once per second. What is
left is in both: Tomcat's request cycle, and the compression check (\`server.compression.enabled\`, which production
needs for the pages rendered per request: Tomcat parses the \`Content-Encoding\` of every gzip answer to decide not to
compress it again), so the floor runs with the app's compression settings. The app's MBean registry is off (Spring
Boot's default) and the floor's on; it is touched once per connection, not per request. What remains between the
app's *CPU/req* and the floor's is the application's own work: the URL, the query string and the cookies parsed, the
municipality and the page looked up, \`Accept-Encoding\` and \`If-None-Match\` read, the start counted.
EOF
  fi
  if [[ "$ERRORS" != 0 ]]; then
    echo
    echo "Errors (non-2xx/3xx responses or socket errors) in the measured runs: $ERRORS."
  fi
  cat <<EOF

The numbers are relative, not absolute: wrk, nginx and the JVM share the same machine and its cores on loopback,
so each server is measured while wrk takes part of the CPU. Compare the ratio, not the req/s, across machines.
The app's responses also carry a \`Set-Cookie\` header (the remembered municipality), nginx's do not: the
action page's response headers are $APP_HEADER_BYTES bytes from the app and $NGINX_HEADER_BYTES bytes from nginx
($APP_GZIP_HEADER_BYTES and $NGINX_GZIP_HEADER_BYTES with gzip).
*CPU/req* is the server's own CPU time (user + system, all its threads or worker processes, from \`/proc\`)
during the measured run divided by the requests wrk completed: unlike req/s it does not depend on how the cores
were shared with wrk. *Other load* is the share of the machine's CPU that neither the server nor wrk used during
the run (other processes, and kernel work not charged to either): a few % is normal, more means a disturbed run.
EOF
  MAX_OTHER=$(largest "${NP_OTHER[@]}" "${AP_OTHER[@]}" "${NG_OTHER[@]}" "${AG_OTHER[@]}" "${NS_OTHER[@]}" "${AS_OTHER[@]}" "${FS_OTHER[@]}" "${FG_OTHER[@]}")
  if (( MAX_OTHER > 10 )); then
    echo
    echo "**Caution:** other processes took up to $MAX_OTHER % of the machine's CPU during a measured run (column *other"
    echo "load*): this run's req/s and ratios are disturbed; CPU/req is the more robust number then. Run it again on a"
    echo "quiet machine."
  fi
  cat <<EOF

### Machine

| | |
| --- | --- |
| CPUs (nproc) | $(nproc) ($CPU) |
| memory | $MEM |
| java | $JAVA_V |
| nginx | ${NGINX_V#nginx version: } |
| wrk | $WRK_V |
| date | $(date -u '+%Y-%m-%d %H:%M:%S UTC') |

### Commands

\`\`\`sh
bench/read-path/run.sh    # SKIP_BUILD=${SKIP_BUILD:-0} RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS CONNECTIONS=$CONNECTIONS PROFILE_SECONDS=$PROFILE_SECONDS
EOF
  [[ "${SKIP_BUILD:-0}" == 1 ]] || echo "./mvnw -B -q -DskipTests package"
  cat <<EOF
$APP_CMD_LINE
nginx -c <tmp>/nginx.conf   # worker_processes auto; access_log off; listen 127.0.0.1:$NGINX_PORT; alias <tmp>/page.html; gzip_static on (<tmp>/page.html.gz)
# warm-up, per server and path:
wrk -t$THREADS -c$CONNECTIONS -d$WARMUP --timeout 10s --latency <url>
# measured, $RUNS rounds of, in this order: nginx page, app page, nginx gzip page, app gzip page, nginx start, app start
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency $NGX$PAGE_PATH
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency $APP$PAGE_PATH
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency -H '$GZIP_HEADER' $NGX$PAGE_PATH
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency -H '$GZIP_HEADER' $APP$PAGE_PATH
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency $NGX$START_PATH
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency $APP$START_PATH
EOF
  if [[ "$FLOOR" == 1 ]]; then
    cat <<EOF
# then, the Tomcat floor (java -cp <tmp>/tomcat-embed-core.jar bench/read-path/TomcatFloor.java $FLOOR_PORT <location> 10000 <tmp>/page.html.gz <app's gzip headers>)
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency $FLR$START_PATH
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency -H '$GZIP_HEADER' $FLR$PAGE_PATH
EOF
  fi
  cat <<EOF
\`\`\`

The raw wrk output of the last run is in \`bench/out/read-path/\` (not committed).
EOF
  [[ -z "$PROFILE_PAGE" ]] || profile_markdown "action page" page "$PROFILE_PAGE" "$PROFILE_PAGE_RPS"
  [[ -z "$PROFILE_GZIP" ]] || profile_markdown "action page, gzip" gzip-page "$PROFILE_GZIP" "$PROFILE_GZIP_RPS"
  [[ -z "$PROFILE_START" ]] || profile_markdown "start redirect" start "$PROFILE_START" "$PROFILE_START_RPS"
} >"$ROOT/bench/read-path/RESULTS.md"
"$ROOT/bench/assemble.sh"

log "wrote $ROOT/BENCHMARKS.md: action page ratio $R_PAGE ($V_PAGE), gzip $R_GZIP ($V_GZIP), start redirect ratio $R_START ($V_START)"
