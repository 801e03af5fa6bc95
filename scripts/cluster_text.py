#!/usr/bin/env python3
"""Writes the unlabelled news text that news-ner clusters reads (word clusters for the NER model).

Usage: cluster_text.py CORPORA_DIR OUT_DIR

Writes plain text under OUT_DIR, one paragraph per block, documents separated by blank
lines (the NER tokenizer ends a sentence at a blank line):
  reuters.txt   Reuters-21578 titles and bodies (SGML read as Latin-1, "Reuter" sign-offs dropped)
  bbc.txt       BBC News titles and bodies
  huffpost.txt  HuffPost headlines and short descriptions (first 10k records)
  guardian.txt  Guardian headlines
The CoNLL-2003 eng.train and eng.testa words are read by news-ner clusters itself
(--conll); eng.testb is never used. Exit status 2 when a corpus is absent. Standard
library only. The output is derived from the corpora: keep it out of the repository.
"""
import csv
import html
import json
import os
import re
import sys

# The corpus readers of the benchmarks: the same SGML tags and BBC files.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
from prepare_corpora import CONTROL, bbc_texts, corpora_args, tag  # noqa: E402


def clean(text):
    return CONTROL.sub("", html.unescape(text))


def paragraphs(text):
    """Joins wrapped lines; a line starting with white space or after a blank line starts a paragraph."""
    out, cur = [], []
    for line in text.split("\n"):
        if not line.strip():
            if cur:
                out.append(" ".join(cur))
                cur = []
            continue
        if line[:1].isspace() and cur:
            out.append(" ".join(cur))
            cur = []
        cur.append(line.strip())
    if cur:
        out.append(" ".join(cur))
    return out


def reuters(corpora, w):
    src = os.path.join(corpora, "reuters21578")
    n = 0
    for f in sorted(f for f in os.listdir(src) if f.startswith("reut2-") and f.endswith(".sgm")):
        with open(os.path.join(src, f), encoding="latin-1") as r:
            data = r.read()
        for m in re.finditer(r"<REUTERS[^>]*>(.*?)</REUTERS>", data, re.S):
            text = tag(m.group(1), "TEXT")
            title = clean(tag(text, "TITLE")).strip()
            body = clean(tag(text, "BODY"))
            body = re.sub(r"\s*Reuter\s*$", "", body.strip())
            paras = ([title] if title else []) + paragraphs(body)
            if paras:
                w.write("\n\n".join(paras) + "\n\n")
                n += 1
    return n


def bbc(corpora, w):
    n = 0
    for _, _, text in bbc_texts(corpora):
        w.write("\n\n".join(paragraphs(text)) + "\n\n")
        n += 1
    return n


def huffpost(corpora, w):
    src = os.path.join(corpora, "huffpost_news_category_v3_first10k", "News_Category_Dataset_v3.first10000.jsonl")
    n = 0
    with open(src, encoding="utf-8") as r:
        for line in r:
            o = json.loads(line)
            paras = [p.strip() for p in (o["headline"], o["short_description"]) if p.strip()]
            if paras:
                w.write("\n\n".join(paras) + "\n\n")
                n += 1
    return n


def guardian(corpora, w):
    src = os.path.join(corpora, "guardian_headlines", "guardian_headlines.csv")
    n = 0
    with open(src, encoding="utf-8", newline="") as r:
        rows = csv.reader(r)
        next(rows, None)
        for row in rows:
            if len(row) < 2:
                continue
            for para in re.split(r"\n\s*\n", row[1]):
                para = " ".join(para.split())
                if para:
                    w.write(para + "\n\n")
            n += 1
    return n


def main():
    corpora, out = corpora_args(
        "cluster_text", ("reuters21578", "bbc", "huffpost_news_category_v3_first10k", "guardian_headlines"))
    counts = {}
    for name, fn in (("reuters", reuters), ("bbc", bbc), ("huffpost", huffpost), ("guardian", guardian)):
        with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as w:
            counts[name] = fn(corpora, w)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
