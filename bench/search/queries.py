#!/usr/bin/env python3
"""The mixed query set: the relevance set's queries and generated everyday queries (one a line, stdout)."""
import random
import sys

rnd = random.Random(7)
relevance = [line.split(";")[0] for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[1:] if line]
extra = ["søg om", "bestil", "kort", "pension", "boligstøtte aarhus", "job odense", "pas", "skat", "barn",
         "flytte til odense", "book tid", "hjælp til", "studerende su", "affald", "tilladelse"]
queries = relevance + extra
rnd.shuffle(queries)
print("\n".join(queries))
