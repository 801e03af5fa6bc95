#!/usr/bin/env bash
# Benchmarks news-index / news-search side by side with bare Xapian, SQLite FTS5 and omindex.
#
#   bench/run.sh [--corpora DIR] [--scales 20k,200k,1m] [--out DIR] [--build DIR] [--reps N]
#                [--cli-runs N] [--skip SYSTEM,...] [--no-build] [--index-jobs N]
#
# Builds what it needs (Release, -j1, into --build; --no-build uses the binaries already there), converts the corpora (Reuters-21578,
# BBC, HuffPost) to JSON Lines under --out, makes the scaled collections (seeded, repeatable),
# indexes each scale with every system under /usr/bin/time -v, compacts, runs the query set
# (bench/queries.txt) warm through the project's library, bare Xapian and FTS5, times the
# news-search process with hyperfine, and writes OUT/summary.md and plots (OUT/plots/*.png).
# Systems for --skip: news-index-threads (--threads 2, entities), news-index (--threads 1, entities),
# news-index-noent (--threads 2 --no-entities), bare-xapian, fts5, omindex, cli.
# --index-jobs N runs N indexers of a scale at once (default 1: one after another, as measured
# figures should be; more only to finish on a crowded machine, and then say so).
# Results of earlier invocations with the same --out are kept: summary.md covers every scale in --scales
# that has results (bench/run.sh --scales 1m after a 20k,200k run adds the 1m rows).
# Exit status: 0 done, 1 a step failed, 2 usage error or corpora absent.
# Installs what it needs (scripts/install-deps.sh, then GNU time, libsqlite3-dev, xapian-omega,
# hyperfine and gnuplot-nox from Debian) when missing; python3 (standard library) must be present.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
corpora=$(cd "$repo/.." && pwd)/shared/corpora
scales=20k,200k
out=/tmp/news-bench
build=$repo/build-bench
reps=20
cli_runs=10
skip=,
seed=20261121
no_build=
index_jobs=1

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --corpora) corpora=$2; shift 2 ;;
    --scales) scales=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --cli-runs) cli_runs=$2; shift 2 ;;
    --skip) skip=,$2,; shift 2 ;;
    --no-build) no_build=yes; shift ;;
    --index-jobs) index_jobs=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
skipped() { [[ $skip == *,$1,* ]]; }
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

for need in reuters21578 bbc huffpost_news_category_v3_first10k; do
  if [ ! -d "$corpora/$need" ]; then
    echo "run.sh: corpus $corpora/$need is absent (give --corpora DIR; see /work/shared/corpora/README.md)" >&2
    exit 2
  fi
done
case $out in "$repo"|"$repo"/*) echo "run.sh: --out must be outside the repository" >&2; exit 2 ;; esac

mkdir -p "$out/src" "$out/results"
# --- build ---------------------------------------------------------------------------------
# What the benchmarks need beyond the project's own dependencies (Debian packages).
"$repo/scripts/install-deps.sh"
bench_missing=()
for p in time libsqlite3-dev xapian-omega hyperfine gnuplot-nox; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || bench_missing+=("$p")
done
if [ ${#bench_missing[@]} -gt 0 ]; then
  echo "bench: installing ${bench_missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${bench_missing[@]}" >/dev/null
fi
[ -x /usr/bin/time ] || { echo "run.sh: GNU time (/usr/bin/time, Debian package time) is required" >&2; exit 2; }

if [ -z "$no_build" ]; then
log "building into $build (Release, -j${JOBS:-1})"
# NEWS_WERROR=OFF: GCC 12 at -O3 (Release) reports a false -Wrestrict positive in std::string code.
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWS_BUILD_TESTS=OFF -DNEWS_WERROR=OFF >"$out.cmake.log" 2>&1 ||
  { cat "$out.cmake.log" >&2; exit 1; }
targets="news-index news-search bare_xapian news_lib_search"
grep -q '^build fts5_bench' "$build/build.ninja" && targets="$targets fts5_bench"
cmake --build "$build" -j"${JOBS:-1}" --target $targets >"$out/build.log" 2>&1 ||
  { grep -B2 -A6 'error' "$out/build.log" | head -40 >&2; echo "run.sh: build failed (see $out/build.log)" >&2; exit 1; }
rm -f "$out.cmake.log"
fi
# news-index only when one of its runs is not skipped (query-only runs over existing databases)
needed="news-search bare_xapian news_lib_search"
if ! skipped news-index-threads || ! skipped news-index || ! skipped news-index-noent; then needed="news-index $needed"; fi
for t in $needed; do
  [ -x "$build/$t" ] || { echo "run.sh: $build/$t is missing (build failed?)" >&2; exit 1; }
done

# --- machine -------------------------------------------------------------------------------
{  # appended: one block per invocation
  echo "--- run"
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "mem_total_kb=$(grep MemTotal /proc/meminfo | awk '{print $2}')"
  echo "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "xapian=$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || true)"
  echo "sqlite=$(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || true)"
  echo "command=bench/run.sh --corpora $corpora --scales $scales --out $out --reps $reps --cli-runs $cli_runs --skip ${skip//,/ }"
  echo "git=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || true) (plus uncommitted changes: $(git -C "$repo" status --porcelain 2>/dev/null | wc -l) files)"
} >>"$out/results/machine.txt"

# --- corpora -------------------------------------------------------------------------------
if [ ! -s "$out/src/reuters.jsonl" ]; then
  log "converting corpora from $corpora"
  python3 "$here/prepare_corpora.py" "$corpora" "$out/src" >"$out/src/counts.json"
fi

count_of() {
  case $1 in
    20k) echo 21577 ;;        # the real Reuters-21578 articles (one has neither title nor body)
    200k) echo 200000 ;;
    1m) echo 1000000 ;;
    *[0-9]) echo "$1" ;;
    *) echo "run.sh: unknown scale '$1' (20k, 200k, 1m or a number)" >&2; exit 2 ;;
  esac
}

timed() {  # timed FILE CMD... : GNU time -v into FILE, output into FILE.out
  local f=$1; shift
  /usr/bin/time -v -o "$f" "$@" >"$f.out" 2>&1 || { echo "run.sh: failed ($?): $* (see $f.out)" >&2; tail -5 "$f.out" >&2; return 1; }
}

compact() {  # compact RESULTS NAME DB: a compacted copy at DB.compact (news databases with their facet store)
  local r=$1 name=$2 db=$3
  du -sb "$db" | cut -f1 >"$r/size-$name.before"
  rm -rf "$db.compact"
  if [ -f "$db/facets/store" ]; then
    cp -a "$db" "$db.compact"
    timed "$r/compact-$name.time" "$bin/news-index" compact --db "$db.compact" --quiet
  else
    timed "$r/compact-$name.time" xapian-compact "$db" "$db.compact"
  fi
  du -sb "$db.compact" | cut -f1 >"$r/size-$name.after"
}

# One function per indexer; they read $scale $data $html $dbs $r $bin and the parts array.
index_bare() {
  rm -rf "$dbs/bare"
  timed "$r/index-bare-xapian.time" "$bin/bare_xapian" index "$dbs/bare" "${parts[@]}"
  compact "$r" bare-xapian "$dbs/bare"
}
index_news_t2() {
  rm -rf "$dbs/news-t2"
  timed "$r/index-news-index-threads.time" "$bin/news-index" --db "$dbs/news-t2" --quiet ${threads_opt:+--threads 2} "$data"
  compact "$r" news-index-threads "$dbs/news-t2"
}
index_news_t1() {
  rm -rf "$dbs/news"
  timed "$r/index-news-index.time" "$bin/news-index" --db "$dbs/news" --quiet --threads 1 "$data"
  compact "$r" news-index "$dbs/news"
}
index_news_noent() {
  rm -rf "$dbs/news-noent"
  timed "$r/index-news-index-noent.time" "$bin/news-index" --db "$dbs/news-noent" --quiet --no-entities ${threads_opt:+--threads 2} "$data"
  compact "$r" news-index-noent "$dbs/news-noent"
}
index_fts5() {
  timed "$r/index-fts5.time" "$bin/fts5_bench" index "$dbs/fts5.sqlite" "${parts[@]}"
  du -sb "$dbs/fts5.sqlite" | cut -f1 >"$r/size-fts5.before"
}
index_omindex() {
  rm -rf "$dbs/omindex"
  timed "$r/index-omindex.time" omindex --db "$dbs/omindex" --url / "$html"
  compact "$r" omindex "$dbs/omindex"
}
# run_index_step SYSTEM FUNCTION: runs it (in the background when --index-jobs > 1)
index_failed=
run_index_step() {
  skipped "$1" && return 0
  log "$scale: indexing with $1"
  if [ "$index_jobs" -le 1 ]; then
    "$2" || index_failed=yes
    return 0
  fi
  "$2" &
  while [ "$(jobs -rp | wc -l)" -ge "$index_jobs" ]; do wait -n || index_failed=yes; done
}
wait_index_steps() {
  while [ "$(jobs -rp | wc -l)" -gt 0 ]; do wait -n || index_failed=yes; done
  [ -z "$index_failed" ] || { echo "run.sh: an indexing step failed" >&2; exit 1; }
}

bin=$build
queries=$here/queries.txt
threads_opt=
[ -x "$bin/news-index" ] && "$bin/news-index" --help | grep -q -- '--threads' && threads_opt=yes

IFS=, read -ra scale_list <<<"$scales"
for scale in "${scale_list[@]}"; do
  n=$(count_of "$scale")
  data=$out/data/$scale
  html=$out/html/$scale
  dbs=$out/db/$scale
  r=$out/results/$scale
  mkdir -p "$dbs" "$r"
  if [ ! -s "$data.stats.json" ] || ! grep -q "\"articles\": $n," "$data.stats.json"; then
    log "$scale: making $n articles (seed $seed)"
    rm -rf "$data" "$html"
    html_opt=()
    skipped omindex || html_opt=(--html "$html")
    python3 "$here/make_collection.py" "$out/src/reuters.jsonl" "$data" "$n" --seed "$seed" "${html_opt[@]}" >/dev/null
  fi
  cp "$data.stats.json" "$r/stats.json"
  parts=("$data"/part-*.jsonl)

  run_index_step bare-xapian index_bare
  run_index_step news-index-threads index_news_t2
  [ -n "$threads_opt" ] && run_index_step news-index index_news_t1
  run_index_step news-index-noent index_news_noent
  [ -x "$bin/fts5_bench" ] && run_index_step fts5 index_fts5
  command -v omindex >/dev/null && [ -d "$html" ] && run_index_step omindex index_omindex
  wait_index_steps

  # --- queries (warm, one process per system and mode) -------------------------------------
  qdb=$dbs/news-t2
  [ -d "$qdb" ] || qdb=$dbs/news
  [ -d "$qdb" ] || qdb=$dbs/news-noent
  for mode in top10 facets; do
    f=(); [ $mode = facets ] && f=(--facets)
    if [ -d "$qdb" ]; then
      log "$scale: queries ($mode) through news::Searcher"
      "$bin/news_lib_search" "$qdb" "$queries" "${f[@]}" --reps "$reps" --per-query "$r/q-news-lib-$mode.tsv" >"$r/q-news-lib-$mode.json"
    fi
    if [ -d "$dbs/bare" ]; then
      log "$scale: queries ($mode) bare Xapian"
      "$bin/bare_xapian" search "$dbs/bare" "$queries" "${f[@]}" --reps "$reps" --per-query "$r/q-bare-xapian-$mode.tsv" >"$r/q-bare-xapian-$mode.json"
    fi
    if [ -f "$dbs/fts5.sqlite" ] && [ -x "$bin/fts5_bench" ]; then
      log "$scale: queries ($mode) FTS5"
      "$bin/fts5_bench" search "$dbs/fts5.sqlite" "$queries" "${f[@]}" --reps "$reps" --per-query "$r/q-fts5-$mode.tsv" >"$r/q-fts5-$mode.json"
    fi
  done

  # --- news-search as a whole process (start-up included) ----------------------------------
  if [ -d "$qdb" ] && command -v hyperfine >/dev/null && ! skipped cli; then
    log "$scale: news-search process latency (hyperfine, $cli_runs runs per query)"
    cmds=()
    while IFS=$'\t' read -r _kind q; do
      cmds+=("$bin/news-search --db $qdb '$q'")
    done < <(grep -v '^#' "$queries")
    hyperfine -N --warmup 1 --runs "$cli_runs" --style none --export-json "$r/cli-news-search.json" "${cmds[@]}" >/dev/null 2>"$r/cli-news-search.err" ||
      log "hyperfine failed (see $r/cli-news-search.err)"
  fi
done
echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg) date_end_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$out/results/machine.txt"

log "summarising into $out/summary.md and $out/plots/"
python3 "$here/summarize.py" "$out" all
log "done: $out/summary.md"
