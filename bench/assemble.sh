#!/usr/bin/env bash
# Rebuilds BENCHMARKS.md from each benchmark's own RESULTS.md (each script writes its own section).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
{
  cat <<'TXT'
# Benchmarks

Each section is written by its script under `bench/` (run it to refresh that section; this file is then rebuilt by
`bench/assemble.sh`). Every figure is a ratio against a baseline measured in the same run on the same machine:
nginx for the citizen read path, the npm link checker `linkinator` for link checking, PostgreSQL's `COPY` for the
CSV import, PostgreSQL's Danish full-text search for search, the embedded database's setting before the fix for the crash test (acknowledged requests lost after
`kill -9`). The machine has 2 cores shared by the load generator and the servers, so compare ratios, not seconds.
TXT
  for section in read-path linkcheck csv-import search startup scale crash; do
    if [[ -f "$ROOT/bench/$section/RESULTS.md" ]]; then
      printf '\n'
      cat "$ROOT/bench/$section/RESULTS.md"
    fi
  done
} >"$ROOT/BENCHMARKS.md"
echo "wrote $ROOT/BENCHMARKS.md"
