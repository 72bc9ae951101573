#!/usr/bin/env python3
"""Writes COPY data for search_document: the demo content's words recombined into N realistic Danish self-services
(a verb phrase, an object from the demo titles and keywords, a place), as tab-separated rows on stdout.
Usage: generate.py N DEMO_JSON"""
import json
import random
import sys
import uuid

n = int(sys.argv[1])
demo = json.load(open(sys.argv[2], encoding="utf-8"))["services"]
rnd = random.Random(14)
verbs = ["Søg om", "Bestil", "Anmeld", "Book tid til", "Se", "Ret", "Forny", "Meld", "Tilmeld dig", "Find",
         "Skriv dig op til", "Ansøg om", "Giv besked om", "Få hjælp til", "Klag over", "Betal for"]
places = ["i Aarhus", "i Odense", "i Aalborg", "i København", "på Bornholm", "i Esbjerg", "i Vejle", "i Randers",
          "for pensionister", "for studerende", "for virksomheder", "for børnefamilier", "i udlandet", "online", "",
          "", ""]
objects = []
for s in demo:
    objects += [k for k in s["keywords"] if len(k) > 3]
    objects.append(s["title"].split(" ", 1)[-1].lower())
sentences = []
for s in demo:
    page = s["actionPage"]
    sentences += [page["intro"]] + page.get("beforeYouStart", []) + [t for t in (page.get("afterwards"),
                  page.get("alternatives")) if t]
topics = sorted({t for s in demo for t in s["topics"]})


def esc(text):
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n")


for i in range(n):
    obj = rnd.choice(objects)
    title = f"{rnd.choice(verbs)} {obj} {rnd.choice(places)}".strip()
    title = title[0].upper() + title[1:]
    short = f"{title}. {rnd.choice(sentences)}"[:900]
    keywords = "\n".join(rnd.sample(objects, 4))
    page = "\n\n".join(rnd.sample(sentences, min(6, len(sentences))))
    row = [str(uuid.UUID(int=rnd.getrandbits(128))), f"bench-{i}", title[:290], short, keywords,
           "\n".join(rnd.sample(topics, 2)), "Benchmark-myndighed", page, "false", str(rnd.randint(0, 500)),
           "2026-12-06 00:00:00+00"]
    print("\t".join(esc(c) for c in row))
