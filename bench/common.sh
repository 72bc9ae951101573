# Shared by the bench scripts (sourced, not run): the jar, free ports, the app's start and stop.
# The sourcing script sets ROOT (the project folder) and defines log() or calls bench_setup.

# bench_setup NAME: WORK = a fresh folder in /tmp (readable by the postgres user, who may run a cluster in it),
# OUT = bench/out/NAME (emptied), log() prefixed with [NAME], and no proxy: every request stays on loopback
bench_setup() {
  BENCH_NAME=$1
  WORK=$(mktemp -d "/tmp/selvbetjening-$1.XXXXXX")
  chmod 755 "$WORK"
  OUT="$ROOT/bench/out/$1"
  rm -rf "$OUT"
  mkdir -p "$OUT"
  unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
  export NO_PROXY='*' no_proxy='*'
  log() { printf '[%s] %s\n' "$BENCH_NAME" "$*" >&2; }
}

# build_jar: ./mvnw package unless SKIP_BUILD=1, then JAR = the one target/selvbetjening-*.jar (relative to ROOT,
# which becomes the working folder)
build_jar() {
  cd "$ROOT"
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building the jar"
    ./mvnw -B -q -DskipTests package
  fi
  local jars
  shopt -s nullglob
  jars=(target/selvbetjening-*.jar)
  shopt -u nullglob
  [[ ${#jars[@]} -eq 1 ]] || { log "expected exactly one target/selvbetjening-*.jar, found ${#jars[@]}"; exit 1; }
  JAR=${jars[0]}
}

# git_revision: GIT_REV = the short commit ROOT is at ("unknown" outside git), GIT_DIRTY = " (with uncommitted
# changes)" when a tracked file differs from it, else "" (for the "Generated ... at commit" line of a RESULTS.md)
git_revision() {
  GIT_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  GIT_DIRTY=""
  if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)" ]]; then
    GIT_DIRTY=" (with uncommitted changes)"
  fi
}

# require_free_ports PORT...: stops when one is taken on 127.0.0.1 (the load and the health checks would go to
# someone else's server)
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "127.0.0.1:$port is already in use; choose other ports (see the script's settings)"; exit 1
    fi
  done
}

# wait_healthy BASE_URL PID TIMEOUT_SECONDS LOG_FILE: until BASE_URL/actuator/health answers 200; stops when the
# process PID exits first or the time runs out
wait_healthy() {
  local url=$1 pid=$2 timeout=$3 file=$4 deadline=$((SECONDS + $3))
  until [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url/actuator/health" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { log "the app exited during start-up; see $file"; exit 1; }
    (( SECONDS < deadline )) || { log "no 200 from $url/actuator/health within ${timeout}s; see $file"; exit 1; }
    sleep 1
  done
}

# stop_process PID SECONDS: SIGTERM, SIGKILL when it still runs after SECONDS, and reap it
stop_process() {
  local pid=$1 tenths=$(($2 * 10))
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq "$tenths"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# on_exit FUNCTION: when the script ends (also on failure or Ctrl-C), runs FUNCTION (which stops what the script
# started), removes WORK and, after a failure, says where the logs (OUT) are
on_exit() {
  BENCH_CLEANUP=$1
  trap bench_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

bench_exit() {
  local rc=$?
  set +e
  "$BENCH_CLEANUP"
  rm -rf "$WORK"
  if [[ $rc -ne 0 ]]; then log "failed (exit $rc); logs of this run are in $OUT"; fi
  exit $rc
}

# A throwaway PostgreSQL 15 cluster on 127.0.0.1:PG_PORT, created by initdb in $WORK/pgdata and run by the postgres
# user; the postgres user connects over the socket in $WORK/pgsock without a password, TCP needs one.
# start_pg_cluster [SETTING...] (needs WORK, OUT, PG_PORT; sets PG_BIN, PG_DATA, PG_VERSION; each SETTING a server
# setting such as max_connections=200, passed as -c), stop_pg_cluster (safe to call
# twice), pg CMD... (as the postgres user), psql_admin ARGS... (psql as postgres on the cluster's socket)
PG_BIN=/usr/lib/postgresql/15/bin
PG_DATA=""
pg() { runuser -u postgres -- "$@"; }
psql_admin() { pg psql -X -q -v ON_ERROR_STOP=1 -h "$WORK/pgsock" -p "$PG_PORT" -d postgres "$@"; }
start_pg_cluster() {
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    log "installing postgresql-15"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq postgresql-15 >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null; }
  fi
  chmod 755 "$WORK"
  PG_DATA="$WORK/pgdata"
  mkdir -p "$PG_DATA" "$WORK/pgsock"
  chown postgres: "$PG_DATA" "$WORK/pgsock"
  pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1 \
    || pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -E UTF8 --locale=C >"$OUT/initdb.log" 2>&1
  printf 'local all postgres trust\nhost all all 127.0.0.1/32 scram-sha-256\n' >"$PG_DATA/pg_hba.conf"
  local settings="" setting
  for setting in "$@"; do settings+=" -c $setting"; done
  pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pgsock/postgres.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pgsock$settings" start >/dev/null
  PG_VERSION=$(psql_admin -At -c 'SELECT version()' | sed 's/ on .*//')
}
stop_pg_cluster() {
  if [[ -n "$PG_DATA" ]]; then
    pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1
    cp "$WORK/pgsock/postgres.log" "$OUT/" 2>/dev/null
    PG_DATA=""
  fi
}
random_secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }

# Two nodes of the application on one PostgreSQL behind nginx (bench/cluster/run.sh, bench/crash/cluster.sh).
# start_cluster_database: a throwaway PostgreSQL cluster (start_pg_cluster) with the database selvbetjening owned
# by the user selvbetjening, and what all nodes share, as in production: PG_PASSWORD, the status link secret
# TOKEN_SECRET, the first editor EDITOR / EDITOR_PASSWORD. Needs WORK, OUT, PG_PORT; sets PIDS=() and NGINX_PID="".
start_cluster_database() {
  PIDS=()
  NGINX_PID=""
  log "a throwaway PostgreSQL 15 cluster on 127.0.0.1:$PG_PORT"
  PG_PASSWORD=$(random_secret)
  start_pg_cluster
  psql_admin -c "CREATE ROLE selvbetjening LOGIN PASSWORD '$PG_PASSWORD'" -c "CREATE DATABASE selvbetjening OWNER selvbetjening"
  TOKEN_SECRET=$(random_secret)
  EDITOR=redaktoer@selvbetjening.local
  EDITOR_PASSWORD=$(random_secret)
}

# node_command INDEX_DIR JVM_OPTION... : NODE_CMD = the command that starts the application on the cluster database
# (env, then java with the JVM_OPTIONs and the jar: postgres profile, 127.0.0.1, link checking off, cookies without
# Secure on plain-HTTP loopback), its search index in INDEX_DIR; the caller adds --server.port and its own arguments.
# Needs ROOT, JAR, PG_PORT and what start_cluster_database sets (database selvbetjening, user selvbetjening).
node_command() {
  local index=$1
  shift
  NODE_CMD=(env SELVBETJENING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/selvbetjening" SELVBETJENING_DB_USER=selvbetjening
    SELVBETJENING_DB_PASSWORD="$PG_PASSWORD" SELVBETJENING_CONNECTION_TOKEN_SECRET="$TOKEN_SECRET"
    SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL="$EDITOR" SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD="$EDITOR_PASSWORD"
    SELVBETJENING_SEARCH_INDEX_DIRECTORY="$index"
    java "$@" -jar "$ROOT/$JAR" --spring.profiles.active=postgres --server.address=127.0.0.1
    --selvbetjening.linkcheck.enabled=false --server.servlet.session.cookie.secure=false
    --selvbetjening.portal.secure-cookies=false)
}

# start_node NAME PORT EXTRA_ARGS... : a node (node_command with JAVA_OPTS, its own search index folder), output in
# $OUT/node-NAME.log; waits for health; its pid is appended to PIDS. Needs WORK, OUT and what node_command needs.
start_node() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$WORK/node-$name"
  # shellcheck disable=SC2086 # JAVA_OPTS is split on blanks on purpose
  node_command "$WORK/node-$name/search-index" ${JAVA_OPTS:-}
  "${NODE_CMD[@]}" --server.port="$port" "$@" >"$OUT/node-$name.log" 2>&1 &
  PIDS+=($!)
  wait_healthy "http://127.0.0.1:$port" "$!" 300 "$OUT/node-$name.log"
  log "node $name is up on 127.0.0.1:$port"
}

# stop_cluster: stops nginx, the nodes (PIDS) and the PostgreSQL cluster (for on_exit)
stop_cluster() {
  [[ -z "${NGINX_PID:-}" ]] || kill -QUIT "$NGINX_PID" 2>/dev/null || true
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do stop_process "$pid" 25; done
  stop_pg_cluster
}

# start_nginx LB_PORT NODE_PORT... : nginx on 127.0.0.1:LB_PORT, round robin over the nodes, each answer naming its
# node in X-Served-By; waits until /actuator/health answers through it; sets NGINX_PID (stop: kill -QUIT).
# proxy_next_upstream is nginx's default, written out: a request goes to the next node only when the first one
# failed (refused the connection, timed out) and, for POST, only when nothing had been sent to it yet (nginx does
# not pass a non-idempotent request on once sent unless "non_idempotent" is added, and it is not).
start_nginx() {
  local lb_port=$1 port servers=""
  shift
  for port in "$@"; do servers+="    server 127.0.0.1:$port;"$'\n'; done
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $OUT/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream selvbetjening {
$servers  }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://selvbetjening;
      proxy_next_upstream error timeout;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Served-By \$upstream_addr always;
    }
  }
}
NGINX
  nginx -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 50); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$lb_port/actuator/health" || true)" == 200 ]] && return
    sleep 0.2
  done
  log "nginx on 127.0.0.1:$lb_port does not answer; see $OUT/nginx-error.log"; exit 1
}
