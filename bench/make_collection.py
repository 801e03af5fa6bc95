#!/usr/bin/env python3
"""Deterministic scaled news collections from the real Reuters-21578 articles.

Usage: make_collection.py REUTERS_JSONL OUT_DIR COUNT [--seed S] [--html DIR] [--chunk N]

The first min(COUNT, 21,577) articles are the real ones, unchanged. Every further
article i is generated from a random generator seeded with "SEED:i" (so a smaller
collection is a prefix of a larger one, and every run is repeatable):
  - a template article is drawn from the real ones; its topic (first TOPICS entry,
    or none), its places and people (the real entity distribution) and its date
    shifted by a whole number of days in 0..40 years are kept;
  - the title is the title of another real article of the same topic;
  - the body has as many sentences as the template's, each drawn from the real
    articles of the same topic.
Writes OUT_DIR/part-NNNN.jsonl (COUNT split into files of --chunk articles, so no file
exceeds news-index's 64 MiB limit) and OUT_DIR.stats.json, outside the directory the indexers read (articles, text bytes of
title + body, input bytes). With --html, also one HTML file per article under DIR
(for omindex), 1,000 per sub-directory.
"""
import argparse
import datetime
import html
import json
import os
import random
import re

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def sentences(body):
    flat = " ".join(body.split())
    return [s for s in SENTENCE.split(flat) if s]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reuters")
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", default="20261121")
    ap.add_argument("--html")
    ap.add_argument("--chunk", type=int, default=10000)
    ap.add_argument("--stats", help="where to write the statistics (default OUT_DIR.stats.json)")
    a = ap.parse_args()

    real = load(a.reuters)
    by_topic_titles = {}
    by_topic_sentences = {}
    templates = []
    for r in real:
        topic = r["topics"][0] if r["topics"] else ""
        sents = sentences(r["body"])
        if r["title"]:
            by_topic_titles.setdefault(topic, []).append(r["title"])
        by_topic_sentences.setdefault(topic, []).extend(sents)
        if sents and r["title"]:
            templates.append((r, topic, len(sents)))

    os.makedirs(a.out, exist_ok=True)
    stats = {"articles": 0, "text_bytes": 0, "input_bytes": 0, "real": 0, "generated": 0}
    out = None
    for i in range(a.count):
        if i % a.chunk == 0:
            if out:
                out.close()
            out = open(os.path.join(a.out, "part-%04d.jsonl" % (i // a.chunk)), "w", encoding="utf-8")
        if i < len(real):
            rec = real[i]
            stats["real"] += 1
        else:
            rng = random.Random("%s:%d" % (a.seed, i))
            tmpl, topic, n = rng.choice(templates)
            titles = by_topic_titles.get(topic) or [tmpl["title"]]
            pool = by_topic_sentences[topic]
            body_sents = [rng.choice(pool) for _ in range(n)]
            paras = [" ".join(body_sents[k:k + 3]) for k in range(0, n, 3)]
            date = None
            if tmpl.get("date"):
                d = datetime.date.fromisoformat(tmpl["date"])
                date = (d + datetime.timedelta(days=rng.randrange(0, 40 * 365))).isoformat()
            rec = {"id": "gen-%d" % i, "title": rng.choice(titles), "body": "\n    ".join(paras),
                   "date": date, "source": "Reuters", "places": tmpl["places"],
                   "people": tmpl["people"], "topics": tmpl["topics"]}
            stats["generated"] += 1
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        out.write(line)
        stats["articles"] += 1
        stats["text_bytes"] += len(rec["title"].encode()) + len(rec["body"].encode())
        stats["input_bytes"] += len(line.encode())
        if a.html:
            d = os.path.join(a.html, "%04d" % (i // 1000))
            if i % 1000 == 0:
                os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, rec["id"] + ".html"), "w", encoding="utf-8") as h:
                h.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
                        "<meta name=\"keywords\" content=\"%s\"></head><body><p>%s</p></body></html>\n"
                        % (html.escape(rec["title"]),
                           html.escape(" ".join(rec["places"] + rec["people"])),
                           html.escape(rec["body"]).replace("\n    ", "</p><p>")))
    if out:
        out.close()
    with open(a.stats or a.out.rstrip("/") + ".stats.json", "w") as f:
        json.dump(stats, f)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
