#!/usr/bin/env bash
# CSV import benchmark: 100,000 municipal links imported from one CSV file through our import on PostgreSQL,
# against PostgreSQL's own COPY of the same rows, in the same run; 3 runs, medians. Uses Debian's PostgreSQL 15
# (installed when missing), a throwaway database and role, removed afterwards. Writes bench/csv-import/RESULTS.md (a
# markdown section) and rebuilds BENCHMARKS.md from every bench/*/RESULTS.md.
#
# Usage: bench/csv-import/run.sh
#   BENCH_RUNS=3   measured runs (each: import of new links, import of changes, a check-only import, COPY, raw COPY)
#   PROFILE=1      also record a JFR profile of the test JVM to bench/out/csv-import.jfr (costs some speed)
#
# Takes about 2 minutes on a quiet 2-core machine (compiling the tests, starting Spring, creating 1,021 self-services,
# then about 10 s per run).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS

if ! command -v pg_ctlcluster >/dev/null || [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
fi
started_cluster=false
if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster 15 main start
  started_cluster=true
fi
port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')
data_dir=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $6}')

suffix="$$_$(date +%s)"
db="bench_csv_import_${suffix}"
role="bench_csv_${suffix}"
password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
psql_admin() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -p ${port} $*"; }
cleanup() {
  psql_admin "-c 'DROP DATABASE IF EXISTS ${db} WITH (FORCE)' -c 'DROP ROLE IF EXISTS ${role}'" || true
  if [ "${started_cluster}" = true ]; then pg_ctlcluster 15 main stop || true; fi
}
trap cleanup EXIT
psql_admin "-c \"CREATE ROLE ${role} LOGIN PASSWORD '${password}'\" -c 'CREATE DATABASE ${db} OWNER ${role}'"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
export BENCH_DB_URL="jdbc:postgresql://127.0.0.1:${port}/${db}"
export BENCH_DB_USER="${role}"
export BENCH_DB_PASSWORD="${password}"
BENCH_PG_PID="$(head -n 1 "${data_dir}/postmaster.pid")"
BENCH_CLK_TCK="$(getconf CLK_TCK)"
export BENCH_PG_PID BENCH_CLK_TCK
argline=()
if [ "${PROFILE:-0}" = 1 ]; then
  mkdir -p bench/out
  argline=("-DargLine=-XX:StartFlightRecording=filename=$(pwd)/bench/out/csv-import.jfr,settings=profile")
fi
./mvnw -B -q test -DskipNpm=true -Dtest=MunicipalLinkImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true "${argline[@]}"
printf '\nLoad average (1, 5, 15 min) when the run started: %s, on %s cores. The script took %d s (compiling, starting\nSpring and the set-up included).\n' \
  "${load_before}" "$(nproc)" "$((SECONDS - started))" >> bench/csv-import/RESULTS.md
cat bench/csv-import/RESULTS.md
bench/assemble.sh
