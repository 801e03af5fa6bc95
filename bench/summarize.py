#!/usr/bin/env python3
"""Summarises a bench/run.sh output directory into OUT/summary.md and OUT/plots/*.png.

Usage: summarize.py OUT SCALES   (e.g. 20k,200k; "all": every scale with results, smallest first)
Standard library only; plots need gnuplot (skipped with a note when absent).
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

INDEXERS = [("news-index-threads", "news-index --threads 2 (entities)"), ("news-index", "news-index --threads 1 (entities)"),
            ("news-index-noent", "news-index --threads 2 --no-entities"), ("bare-xapian", "bare Xapian"),
            ("fts5", "SQLite FTS5"), ("omindex", "omindex (HTML files)")]
SEARCHERS = [("news-lib", "news::Searcher"), ("bare-xapian", "bare Xapian"), ("fts5", "SQLite FTS5")]


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def gnu_time(path):
    text = read(path)
    if text is None:
        return None
    t = {}
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if not m:
        return None  # still running, or failed before GNU time wrote its report
    parts = [float(p) for p in m.group(1).split(":")]
    t["wall"] = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    t["user"] = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    t["sys"] = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    t["maxrss_mb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return t


def num(path):
    text = read(path)
    return int(text.strip()) if text else None


def mb(b):
    return b / 1e6


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, int) or (isinstance(x, float) and x >= 1000):
        return "{:,.0f}".format(x)
    return ("{:.%df}" % digits).format(x)


def main():
    out = sys.argv[1]
    res = os.path.join(out, "results")
    scales = sys.argv[2].split(",")
    if scales == ["all"]:
        found = [d for d in os.listdir(res) if os.path.exists(os.path.join(res, d, "stats.json"))]
        scales = sorted(found, key=lambda d: json.load(open(os.path.join(res, d, "stats.json")))["articles"])
    plots = os.path.join(out, "plots")
    os.makedirs(plots, exist_ok=True)
    md = []
    machine = read(os.path.join(res, "machine.txt")) or ""
    md.append("## Machine and run\n\n```\n" + machine.strip() + "\n```\n")
    latency_by_size = {}   # (system, mode) -> [(articles, p50, p95, p99)]
    targets = []
    for scale in scales:
        r = os.path.join(res, scale)
        stats = json.loads(read(os.path.join(r, "stats.json")) or "{}")
        n = stats.get("articles")
        if not n:
            continue
        text_bytes = stats["text_bytes"]
        md.append("## %s: %s articles (%s real, %s generated), %.1f MB of title+body text, %.1f MB of JSON Lines\n"
                  % (scale, fmt(n), fmt(stats["real"]), fmt(stats["generated"]), mb(text_bytes), mb(stats["input_bytes"])))
        # --- indexing
        md.append("### Indexing\n")
        md.append("| system | wall s | articles/s | MB/s | ÷ bare Xapian | CPU s (user+sys) | CPU used (cores) | articles per CPU-s | ÷ bare Xapian (CPU) | peak RSS MB | DB MB | compacted MB | compacted ÷ text | compact s |")
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        base = gnu_time(os.path.join(r, "index-bare-xapian.time"))
        base_rate = n / base["wall"] if base else None
        rows = {}
        for key, label in INDEXERS:
            t = gnu_time(os.path.join(r, "index-%s.time" % key))
            if not t:
                continue
            rate = n / t["wall"]
            before = num(os.path.join(r, "size-%s.before" % key))
            after = num(os.path.join(r, "size-%s.after" % key))
            ct = gnu_time(os.path.join(r, "compact-%s.time" % key))
            rows[key] = dict(rate=rate, t=t, before=before, after=after)
            cpu = t["user"] + t["sys"]
            base_cpu = base["user"] + base["sys"] if base else None
            md.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                label, fmt(t["wall"], 1), fmt(rate, 0), fmt(mb(text_bytes) / t["wall"]),
                fmt(rate / base_rate) if base_rate else "–", fmt(cpu, 1), fmt(cpu / t["wall"]), fmt(n / cpu, 0),
                fmt(base_cpu / cpu) if base_cpu else "–", fmt(t["maxrss_mb"], 0),
                fmt(mb(before), 1) if before else "–", fmt(mb(after), 1) if after else "–",
                fmt(after / text_bytes) if after else "–", fmt(ct["wall"], 1) if ct else "–"))
        md.append("")
        best = rows.get("news-index-threads") or rows.get("news-index")
        if best and base_rate:
            ratio = best["rate"] / base_rate
            base_cpu = base["user"] + base["sys"]
            best_cpu = best["t"]["user"] + best["t"]["sys"]
            targets.append(("%s: indexing with extraction ≥ 1.5× single-threaded bare Xapian (wall-clock articles/s)" % scale,
                            "%.2f× (CPU-time ratio %.2f×; %.2f cores used)" % (ratio, base_cpu / best_cpu, best_cpu / best["t"]["wall"]),
                            ratio >= 1.5))
        if best and best["after"]:
            ratio = best["after"] / text_bytes
            targets.append(("%s: compacted database ≤ 3× text" % scale, "%.2f×" % ratio, ratio <= 3))
        if scale == "1m" and best:
            peak = best["t"]["maxrss_mb"]
            targets.append(("1m: indexing peak memory < 2 GB", "%.0f MB" % peak, peak < 2048))
        # --- queries
        md.append("### Query latency (warm, one process, ms)\n")
        md.append("| system | mode | p50 | p95 | p99 | p50 ÷ bare Xapian | FTS5 p50 ÷ this p50 | samples |")
        md.append("|---|---|---|---|---|---|---|---|")
        q = {}
        for key, _ in SEARCHERS:
            for mode in ("top10", "facets"):
                j = read(os.path.join(r, "q-%s-%s.json" % (key, mode)))
                if j:
                    q[(key, mode)] = json.loads(j)
        for mode in ("top10", "facets"):
            for key, label in SEARCHERS:
                s = q.get((key, mode))
                if not s:
                    continue
                b = q.get(("bare-xapian", mode))
                f = q.get(("fts5", mode))
                md.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    label, "top 10" if mode == "top10" else "top 10 + person/place facets",
                    fmt(s["p50_ms"], 3), fmt(s["p95_ms"], 3), fmt(s["p99_ms"], 3),
                    fmt(s["p50_ms"] / b["p50_ms"]) if b else "–", fmt(f["p50_ms"] / s["p50_ms"]) if f else "–",
                    fmt(s["samples"])))
                latency_by_size.setdefault((key, mode), []).append((n, s["p50_ms"], s["p95_ms"], s["p99_ms"]))
        md.append("")
        lib, bare, fts = q.get(("news-lib", "top10")), q.get(("bare-xapian", "top10")), q.get(("fts5", "top10"))
        if lib and bare and scale != "20k":
            ratio = lib["p50_ms"] / bare["p50_ms"]
            targets.append(("%s: top-10 p50 in the library ≤ 1.2× bare Xapian" % scale, "%.2f×" % ratio, ratio <= 1.2))
        if lib and fts and scale != "20k":
            ratio = fts["p50_ms"] / lib["p50_ms"]
            targets.append(("%s: top-10 p50 in the library ≥ 8× faster than FTS5" % scale, "%.1f×" % ratio, ratio >= 8))
        # --- CLI
        cli = read(os.path.join(r, "cli-news-search.json"))
        if cli:
            runs = json.loads(cli)["results"]
            times = sorted(t * 1000 for x in runs for t in x["times"])
            medians = sorted(x["median"] * 1000 for x in runs)
            p50 = statistics.median(times)
            md.append("### news-search as a whole process (start-up included, hyperfine)\n")
            md.append("%d queries × %d runs: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; slowest query median %.1f ms (%s)\n" % (
                len(runs), len(runs[0]["times"]), p50, times[int(0.95 * (len(times) - 1))], times[int(0.99 * (len(times) - 1))],
                medians[-1], re.sub(r"^.* '(.*)'$", r"\1", max(runs, key=lambda x: x["median"])["command"])))
            if scale == "200k":
                targets.append(("200k: news-search whole process median < 15 ms", "%.1f ms" % p50, p50 < 15))
        # --- match counts
        counts = {}
        for key, _ in SEARCHERS:
            t = read(os.path.join(r, "q-%s-facets.tsv" % key))
            for line in (t or "").splitlines():
                kind, query, matches = line.split("\t")[:3]
                counts.setdefault((kind, query), {})[key] = int(matches)
        if counts:
            md.append("### Match counts (exact, from the facet runs)\n")
            md.append("| kind | query | news::Searcher | bare Xapian | FTS5 | news ÷ bare | FTS5 ÷ bare |")
            md.append("|---|---|---|---|---|---|---|")
            for (kind, query), c in counts.items():
                b = c.get("bare-xapian")
                md.append("| %s | `%s` | %s | %s | %s | %s | %s |" % (
                    kind, query, fmt(c.get("news-lib")), fmt(b), fmt(c.get("fts5")),
                    fmt(c["news-lib"] / b) if b and "news-lib" in c else "–",
                    fmt(c["fts5"] / b) if b and "fts5" in c else "–"))
            md.append("")
        # --- latency against match-set size (data for the plot)
        for key, _ in SEARCHERS:
            for mode in ("top10", "facets"):
                t = read(os.path.join(r, "q-%s-%s.tsv" % (key, mode)))
                if not t:
                    continue
                with open(os.path.join(plots, "matches-%s-%s-%s.dat" % (scale, key, mode)), "w") as f:
                    for line in t.splitlines():
                        kind, query, matches, reps, med, p95 = line.split("\t")
                        m = counts.get((kind, query), {}).get("bare-xapian") or int(matches)
                        f.write("%d %s\n" % (max(m, 1), med))
    md.insert(1, "## Targets\n\n| target | measured | met |\n|---|---|---|\n" + "\n".join(
        "| %s | %s | %s |" % (name, value, "yes" if ok else "**no**") for name, value, ok in targets) + "\n")

    # --- plots
    for (key, mode), pts in latency_by_size.items():
        with open(os.path.join(plots, "size-%s-%s.dat" % (key, mode)), "w") as f:
            for p in sorted(pts):
                f.write("%d %f %f %f\n" % p)
    if shutil.which("gnuplot"):
        labels = dict(SEARCHERS)
        series = [(k, m) for k, _ in SEARCHERS for m in ("top10", "facets") if (k, m) in latency_by_size]
        plot = ", ".join("'size-%s-%s.dat' using 1:2 with linespoints title '%s%s p50'" % (
            k, m, labels[k], " + facets" if m == "facets" else "") for k, m in series)
        largest = [s for s in scales if os.path.exists(os.path.join(plots, "matches-%s-bare-xapian-facets.dat" % s))]
        script = ["set terminal pngcairo size 900,560 noenhanced", "set logscale xy", "set grid",
                  "set key top left", "set ylabel 'latency ms'"]
        if plot:
            script += ["set output 'latency-vs-size.png'", "set xlabel 'articles in the collection'",
                       "set title 'Query latency (p50, warm) against collection size'", "plot " + plot]
        if largest:
            s = largest[-1]
            mplot = ", ".join("'matches-%s-%s-facets.dat' using 1:2 with points pt %d title '%s + facets'" % (
                s, k, i + 5, labels[k]) for i, (k, _) in enumerate(SEARCHERS)
                if os.path.exists(os.path.join(plots, "matches-%s-%s-facets.dat" % (s, k))))
            tplot = ", ".join("'matches-%s-%s-top10.dat' using 1:2 with points pt %d title '%s top 10'" % (
                s, k, i + 1, labels[k]) for i, (k, _) in enumerate(SEARCHERS)
                if os.path.exists(os.path.join(plots, "matches-%s-%s-top10.dat" % (s, k))))
            script += ["set output 'latency-vs-matches.png'", "set xlabel 'matching articles (bare Xapian count)'",
                       "set title 'Per-query median latency against match-set size, %s'" % s,
                       "plot " + ", ".join(p for p in (tplot, mplot) if p)]
        with open(os.path.join(plots, "plots.gp"), "w") as f:
            f.write("\n".join(script) + "\n")
        subprocess.run(["gnuplot", "plots.gp"], cwd=plots, check=False)
    else:
        md.append("(gnuplot not installed: no plots)\n")
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write("# Benchmark summary\n\n" + "\n".join(md) + "\n")


if __name__ == "__main__":
    main()
