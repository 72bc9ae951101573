#!/usr/bin/env python3
"""recall@3 and MRR of the search API and of PostgreSQL full-text search on the relevance set.
Usage: recall.py RELEVANCE_CSV APP_URL PSQL_CMD..."""
import json
import subprocess
import sys
import urllib.parse
import urllib.request

csv, app, psql = sys.argv[1], sys.argv[2], sys.argv[3:]
cases = [line.split(";") for line in open(csv, encoding="utf-8").read().splitlines()[1:] if line]


def ours(q):
    url = f"{app}/api/v1/search?size=10&q={urllib.parse.quote(q)}"
    with urllib.request.urlopen(url, timeout=60) as r:
        return [i["slug"] for i in json.load(r)["items"]]


def postgres(q):
    sql = ("SELECT slug FROM bench_fts, websearch_to_tsquery('danish', :'q') query WHERE tsv @@ query "
           "ORDER BY ts_rank(tsv, query) DESC, slug LIMIT 10")
    out = subprocess.run(psql + ["-v", f"q={q}", "-At"], input=sql, capture_output=True, text=True, check=True)
    return [s for s in out.stdout.splitlines() if s]


for name, search in (("ours", ours), ("postgres", postgres)):
    found = 0
    rr = 0.0
    for q, expected in cases:
        slugs = search(q)
        rank = slugs.index(expected) + 1 if expected in slugs else 0
        found += 1 if 1 <= rank <= 3 else 0
        rr += 1 / rank if rank else 0
    print(f"{name} {found / len(cases):.3f} {rr / len(cases):.3f}")
