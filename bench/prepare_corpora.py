#!/usr/bin/env python3
"""Converts the shared news corpora into JSON Lines the indexers read.

Usage: prepare_corpora.py CORPORA_DIR OUT_DIR

Writes, under OUT_DIR:
  reuters.jsonl   Reuters-21578 (SGML read as Latin-1): id, title, body, date (ISO),
                  source, places, people, topics as they appear in the SGML
  bbc.jsonl       BBC News (line 1 title, body after); category; no date
  huffpost.jsonl  HuffPost News Category v3 (first 10k): headline -> title,
                  short_description -> body, date, authors, category
Exit status 2 when a corpus is absent. Standard library only.
"""
import html
import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text):
    text = html.unescape(text)
    return CONTROL.sub("", text).strip()


def tag(block, name):
    m = re.search(r"<%s[^>]*>(.*?)</%s>" % (name, name), block, re.S)
    return m.group(1) if m else ""


def d_list(block, name):
    return [clean(v) for v in re.findall(r"<D>(.*?)</D>", tag(block, name), re.S)]


def reuters(corpora, out):
    src = os.path.join(corpora, "reuters21578")
    files = sorted(f for f in os.listdir(src) if f.startswith("reut2-") and f.endswith(".sgm"))
    if len(files) != 22:
        sys.exit("prepare_corpora: %s: expected 22 reut2-*.sgm files, found %d" % (src, len(files)))
    n = 0
    with open(os.path.join(out, "reuters.jsonl"), "w", encoding="utf-8") as w:
        for f in files:
            with open(os.path.join(src, f), encoding="latin-1") as r:
                data = r.read()
            for m in re.finditer(r"<REUTERS([^>]*)>(.*?)</REUTERS>", data, re.S):
                attrs, block = m.group(1), m.group(2)
                newid = re.search(r'NEWID="(\d+)"', attrs).group(1)
                text = tag(block, "TEXT")
                title = clean(tag(text, "TITLE"))
                body = tag(text, "BODY")
                if not body and 'TYPE="UNPROC"' in block:
                    body = re.sub(r"<[^>]+>", " ", text)
                body = clean(body)
                if not title and not body:
                    continue
                dm = re.search(r"(\d{1,2})-([A-Z]{3})-(\d{4})", tag(block, "DATE"))
                date = ("%s-%02d-%02d" % (dm.group(3), MONTHS[dm.group(2)], int(dm.group(1)))
                        if dm and dm.group(2) in MONTHS else None)
                rec = {"id": "reuters-" + newid, "title": title, "body": body, "date": date,
                       "source": "Reuters", "places": d_list(block, "PLACES"),
                       "people": d_list(block, "PEOPLE"), "topics": d_list(block, "TOPICS")}
                w.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def bbc_texts(corpora):
    """Yields (category, file name without .txt, text) of every BBC article, in sorted order
    (UTF-8, else Latin-1). scripts/cluster_text.py reads the same walk."""
    src = os.path.join(corpora, "bbc")
    for cat in sorted(os.listdir(src)):
        d = os.path.join(src, cat)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(".txt"):
                continue
            with open(os.path.join(d, f), "rb") as r:
                raw = r.read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            yield cat, f[:-4], text


def bbc(corpora, out):
    n = 0
    with open(os.path.join(out, "bbc.jsonl"), "w", encoding="utf-8") as w:
        for cat, name, text in bbc_texts(corpora):
            lines = text.split("\n")
            rec = {"id": "bbc-%s-%s" % (cat, name), "title": lines[0].strip(),
                   "body": "\n".join(lines[1:]).strip(), "source": "BBC",
                   "category": cat, "places": [], "people": []}
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def huffpost(corpora, out):
    src = os.path.join(corpora, "huffpost_news_category_v3_first10k",
                       "News_Category_Dataset_v3.first10000.jsonl")
    n = 0
    with open(src, encoding="utf-8") as r, \
            open(os.path.join(out, "huffpost.jsonl"), "w", encoding="utf-8") as w:
        for line in r:
            o = json.loads(line)
            rec = {"id": "huffpost-%d" % n, "title": o["headline"],
                   "body": o["short_description"], "date": o["date"], "source": "HuffPost",
                   "url": o["link"], "authors": [a.strip() for a in o["authors"].split(",") if a.strip()],
                   "category": o["category"], "places": [], "people": []}
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def corpora_args(program, needed):
    """CORPORA_DIR and OUT_DIR from the command line, once the corpora in @needed
    are there (else a message and exit status 2); OUT_DIR is created."""
    if len(sys.argv) != 3:
        sys.exit("usage: %s.py CORPORA_DIR OUT_DIR" % program)
    corpora, out = sys.argv[1], sys.argv[2]
    for need in needed:
        if not os.path.isdir(os.path.join(corpora, need)):
            print("%s: %s/%s is absent" % (program, corpora, need), file=sys.stderr)
            sys.exit(2)
    os.makedirs(out, exist_ok=True)
    return corpora, out


def main():
    corpora, out = corpora_args("prepare_corpora", ("reuters21578", "bbc", "huffpost_news_category_v3_first10k"))
    counts = {"reuters": reuters(corpora, out), "bbc": bbc(corpora, out),
              "huffpost": huffpost(corpora, out)}
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
