#!/usr/bin/env bash
# Load test of news-server on loopback with wrk: faceted searches per second, latency
# percentiles and errors, for a database built by bench/run.sh (or any news database).
#
#   bench/load_server.sh --db DB [--build DIR] [--duration SECONDS] [--connections N]
#                        [--wrk-threads N] [--server-threads N] [--out DIR] [--compare DIR [--compare-db DB]]
#
# Each request is one query of bench/queries.txt (cycled) with what a search page asks
# for: the top 10 hits with snippets, and facets person, org, place, source (top 10 each)
# plus the publication-date histogram by month ("faceted"); a second run asks exactly
# what the bundled page asks (six entity facets, the date:auto histogram, related people and
# organisations: "page"). Each kind runs twice: with the server's result cache off
# (--cache-mb 0: every request is a search) and on (the default: the cycled query set
# is answered from memory after its first pass, which measures the HTTP and cache path,
# not search). wrk and the server share the machine's cores: the figures are for both
# on one machine, as a user running them side by side would see.
# --compare DIR (another build, for example of an earlier commit) then runs the uncached rows
# again with DIR's news-server and --build's one after the other, twice, and prints the
# ratio: on a shared machine only such paired figures compare two versions. --compare-db DB
# gives DIR's server a database of its own (one written by that build, when the two builds
# store articles differently); by default both answer from --db.
# Prints a Markdown table and writes OUT/load-*.json. Exit status: 0 done, with zero
# errors; 1 a step failed or some requests failed; 2 usage error or DB absent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
db=
build=$repo/build
duration=20
connections=16
wrk_threads=1
server_threads=$(nproc)
out=/tmp/news-load
compare=
compare_db=

usage() { sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --wrk-threads) wrk_threads=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --compare) compare=$2; shift 2 ;;
    --compare-db) compare_db=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "load_server.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[ -n "$db" ] || { echo "load_server.sh: --db DB is required (bench/run.sh builds DBs under its --out)" >&2; exit 2; }
[ -d "$db" ] || { echo "load_server.sh: $db is absent (build it with bench/run.sh or news-index)" >&2; exit 2; }
[ -x "$build/news-server" ] || { echo "load_server.sh: $build/news-server is missing (scripts/build.sh $build)" >&2; exit 2; }
[ -z "$compare" ] || [ -x "$compare/news-server" ] || { echo "load_server.sh: $compare/news-server is missing" >&2; exit 2; }
[ -z "$compare_db" ] || [ -d "$compare_db" ] || { echo "load_server.sh: $compare_db is absent" >&2; exit 2; }
compare_db=${compare_db:-$db}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
mkdir -p "$out"

# The query set as URL-encoded paths, one per line.
python3 - "$repo/bench/queries.txt" "$out" <<'PY'
import sys, urllib.parse
queries = [l.rstrip("\n").split("\t", 1)[1] for l in open(sys.argv[1]) if l.strip() and not l.startswith("#")]
kinds = {
    "faceted": "&facet=person&facet=org&facet=place&facet=source&facet=date:month",
    "page": "&facet=person:10&facet=org:10&facet=place:10&facet=source:10&facet=misc:10&facet=author:10"
            "&facet=date:auto&related=person:8&related=org:8&related_min_count=2",
}
for kind, tail in kinds.items():
    with open(f"{sys.argv[2]}/paths-{kind}.txt", "w") as f:
        for q in queries:
            f.write("/api/search?q=" + urllib.parse.quote(q, safe="") + tail + "\n")
PY

cat >"$out/cycle.lua" <<'LUA'
-- Cycles through the paths in PATHS_FILE; reports JSON at the end.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
LUA

server=
stop_server() { [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; server=; }
trap stop_server EXIT
start_server() {  # start_server CACHE_MB [BUILD [DB]]: sets $base
  stop_server
  : >"$out/server.log"
  "${2:-$build}/news-server" --db "${3:-$db}" --port 0 --threads "$server_threads" --http-threads $((connections + 4)) \
    --cache-mb "$1" >"$out/server.log" 2>&1 &
  server=$!
  local port=
  for _ in $(seq 200); do
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/server.log" | sed 's/.*://' || true)
    [ -n "$port" ] && break
    sleep 0.05
  done
  [ -n "$port" ] || { echo "load_server.sh: news-server did not start:" >&2; cat "$out/server.log" >&2; exit 1; }
  base=http://127.0.0.1:$port
  # Every path once, checked: they must all answer 200 (this also warms the caches).
  while read -r p; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base$p")
    [ "$code" = 200 ] || { echo "load_server.sh: $p answered $code" >&2; exit 1; }
  done < <(cat "$out/paths-faceted.txt" "$out/paths-page.txt")
}

echo "| request | result cache | articles | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
failed=0
for cache in 0 64; do
  start_server "$cache"
  articles=$(curl -s "$base/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
  mode=$([ "$cache" = 0 ] && echo off || echo on)
  for kind in faceted page; do
    PATHS_FILE="$out/paths-$kind.txt" wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 10s \
      -s "$out/cycle.lua" "$base" >"$out/wrk-$kind-cache-$mode.txt"
    tail -1 "$out/wrk-$kind-cache-$mode.txt" >"$out/load-$kind-cache-$mode.json"
    python3 - "$out/load-$kind-cache-$mode.json" "$kind" "$mode" "$articles" "$connections" <<'PY' || failed=1
import json, sys
r = json.load(open(sys.argv[1]))
errors = sum(r["errors"].values())
print(f"| {sys.argv[2]} | {sys.argv[3]} | {int(sys.argv[4]):,} | {sys.argv[5]} | {r['rps']:,.0f} | {r['p50_ms']:.2f} "
      f"| {r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.1f} | {errors} of {r['requests']:,} |")
sys.exit(1 if errors else 0)
PY
  done
done
stop_server

if [ -n "$compare" ]; then
  # rps_of KIND LABEL: one uncached run of KIND against the running server; prints requests/s.
  rps_of() {
    PATHS_FILE="$out/paths-$1.txt" wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 10s \
      -s "$out/cycle.lua" "$base" | tail -1 >"$out/load-$1-$2.json"
    python3 - "$out/load-$1-$2.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{r['rps']:.0f} {r['p99_ms']:.1f} {sum(r['errors'].values())}")
PY
  }
  echo
  echo "| round | request | $compare req/s | p99 ms | $build req/s | p99 ms | ratio | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for round in 1 2; do
    declare -A old_rps=() old_p99=() old_err=()
    start_server 0 "$compare" "$compare_db"
    for kind in faceted page; do read -r old_rps[$kind] old_p99[$kind] old_err[$kind] < <(rps_of "$kind" "old-$round"); done
    start_server 0
    for kind in faceted page; do
      read -r rps p99 err < <(rps_of "$kind" "new-$round")
      [ "$err" = 0 ] && [ "${old_err[$kind]}" = 0 ] || failed=1
      ratio=$(python3 -c "print(f'{$rps / ${old_rps[$kind]}:.2f}')")
      echo "| $round | $kind | ${old_rps[$kind]} | ${old_p99[$kind]} | $rps | $p99 | $ratio | $(( ${old_err[$kind]} + err )) |"
    done
    stop_server
  done
fi
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: bench/load_server.sh --db $db --duration $duration --connections $connections --wrk-threads $wrk_threads --server-threads $server_threads${compare:+ --compare $compare --compare-db $compare_db}"
exit $failed
