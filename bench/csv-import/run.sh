#!/usr/bin/env bash
# CSV import benchmark: 100,000 municipal links imported from one CSV file through our import on PostgreSQL,
# against PostgreSQL's own COPY of the same rows, in one run. Uses Debian's PostgreSQL 15 (installed when missing),
# a throwaway database and role, removed afterwards. Result: bench/csv-import/RESULTS.md (a markdown section).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v pg_ctlcluster >/dev/null || [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
fi
started_cluster=false
if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster 15 main start
  started_cluster=true
fi
port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')

suffix="$$_$(date +%s)"
db="bench_csv_import_${suffix}"
role="bench_csv_${suffix}"
password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
psql_admin() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -p ${port} $*"; }
cleanup() {
  psql_admin "-c 'DROP DATABASE IF EXISTS ${db}' -c 'DROP ROLE IF EXISTS ${role}'" || true
  if [ "${started_cluster}" = true ]; then pg_ctlcluster 15 main stop || true; fi
}
trap cleanup EXIT
psql_admin "-c \"CREATE ROLE ${role} LOGIN PASSWORD '${password}'\" -c 'CREATE DATABASE ${db} OWNER ${role}'"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
export BENCH_DB_URL="jdbc:postgresql://127.0.0.1:${port}/${db}"
export BENCH_DB_USER="${role}"
export BENCH_DB_PASSWORD="${password}"
./mvnw -B -q test -DskipNpm=true -Dtest=MunicipalLinkImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true
printf '\nLoad average (1, 5, 15 min) when the run started: %s, on %s cores. Anything else running on the machine\nslows the import and COPY alike; compare the ratio rather than the seconds.\n' \
  "${load_before}" "$(nproc)" >> bench/csv-import/RESULTS.md
cat bench/csv-import/RESULTS.md
