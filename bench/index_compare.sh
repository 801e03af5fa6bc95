#!/usr/bin/env bash
# Indexing speed of two builds of news-index and of bare Xapian, run one after the other on the
# same articles, for paired figures on a shared machine (only ratios within one run compare).
#
#   bench/index_compare.sh --old DIR [--new DIR] [--data DIR] [--rounds N] [--threads N] [--no-single]
#
# --old and --new are build directories holding news-index (--new defaults to build-bench, which
# also provides bare_xapian); --data a directory of JSON Lines parts as bench/run.sh writes them
# (default /tmp/news-bench/data/20k); --rounds how many times the five runs repeat (default 2);
# --threads the news-index threads of the parallel runs (default 2). Each round: bare Xapian,
# old and new news-index with --threads N, old and new with --threads 1, each into a new database
# (--no-single leaves out the --threads 1 runs: at 200k they take as long as the rest together).
# Prints one line per run: wall seconds, CPU seconds (user + system), peak RSS, and the wall-clock
# ratio to the round's bare Xapian. Exit status 2 when a build or the data is absent.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=
new=$repo/build-bench
data=/tmp/news-bench/data/20k
rounds=2
threads=2
single=1
while [ $# -gt 0 ]; do
  case $1 in
    --old) old=$2; shift 2 ;;
    --new) new=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --no-single) single=0; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "index_compare.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$old" ] || { echo "index_compare.sh: --old DIR is required" >&2; exit 2; }
for b in "$old/news-index" "$new/news-index" "$new/bare_xapian"; do
  [ -x "$b" ] || { echo "index_compare.sh: $b is missing" >&2; exit 2; }
done
shopt -s nullglob
parts=("$data"/*.jsonl)
[ ${#parts[@]} -gt 0 ] || { echo "index_compare.sh: no JSON Lines files in $data (bench/run.sh writes them)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "$(nproc) cores; $(date -u '+%F %H:%M UTC'); ${#parts[@]} files in $data; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %5s %8s %8s %9s %8s\n' run round wall_s cpu_s rss_mb "÷ bare"
bare=
run() {  # run NAME ROUND CMD...
  local name=$1 round=$2; shift 2
  rm -rf "$tmp/db"
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>&1 || { echo "index_compare.sh: $name failed:" >&2; tail -5 "$tmp/out" >&2; exit 1; }
  read -r wall user sys rss <"$tmp/time"
  [ "$name" = bare-xapian ] && bare=$wall
  printf '%-22s %5s %8.2f %8.2f %9.0f %8s\n' "$name" "$round" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
    "$(echo "scale=2; $bare / $wall" | bc)"
}
for ((r = 1; r <= rounds; r++)); do
  run bare-xapian "$r" "$new/bare_xapian" index "$tmp/db" "${parts[@]}"
  run "old --threads $threads" "$r" "$old/news-index" --db "$tmp/db" --quiet --threads "$threads" "${parts[@]}"
  run "new --threads $threads" "$r" "$new/news-index" --db "$tmp/db" --quiet --threads "$threads" "${parts[@]}"
  [ "$single" = 1 ] || continue
  run "old --threads 1" "$r" "$old/news-index" --db "$tmp/db" --quiet --threads 1 "${parts[@]}"
  run "new --threads 1" "$r" "$new/news-index" --db "$tmp/db" --quiet --threads 1 "${parts[@]}"
done
