# Shared by the bench scripts (sourced, not run): the jar, free ports, the app's start and stop.
# The sourcing script sets ROOT (the project folder) and defines log().

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
