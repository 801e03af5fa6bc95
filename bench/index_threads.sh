#!/usr/bin/env bash
# Indexing speed by thread count on Reuters-21578: news-index --threads 1 vs N, with and
# without entity extraction, all in the same run (the machine is shared: compare ratios).
# Usage: bench/index_threads.sh [BUILD_DIR] [CORPORA_DIR] [THREADS]
#   BUILD_DIR default build, CORPORA_DIR default ../shared/corpora, THREADS default nproc.
# The corpus is converted to JSON Lines in a temporary directory (never in the repository).
# Exit status 2 when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
corpora="${2:-../shared/corpora}"
threads="${3:-$(nproc)}"
if [ ! -d "$corpora/reuters21578" ]; then
  echo "index_threads.sh: $corpora/reuters21578: no such corpus" >&2
  exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 bench/prepare_corpora.py "$corpora" "$tmp" >/dev/null
input="$tmp/reuters.jsonl"
articles="$(wc -l < "$input")"
echo "Reuters-21578: $articles articles, $(du -m "$input" | cut -f1) MB of JSON Lines; $(nproc) cores; $(date -u +%F)"
printf '%-14s %8s %10s %12s\n' "entities" "threads" "seconds" "articles/s"
for entities in no yes; do
  for t in 1 "$threads"; do
    rm -rf "$tmp/db"
    flags=(--db "$tmp/db" --threads "$t" --json --quiet)
    [ "$entities" = no ] && flags+=(--no-entities)
    start=$(date +%s.%N)
    "$build/news-index" "${flags[@]}" "$input" > "$tmp/summary.json" 2>/dev/null || true
    end=$(date +%s.%N)
    python3 - "$start" "$end" "$articles" "$entities" "$t" "$tmp/summary.json" <<'PY'
import json, sys
start, end, n, entities, t, summary = sys.argv[1:]
s = json.load(open(summary))
secs = float(end) - float(start)
print("%-14s %8s %10.1f %12.0f   (indexed %d)" % (entities, t, secs, int(n) / secs, s["indexed"]))
PY
  done
done
