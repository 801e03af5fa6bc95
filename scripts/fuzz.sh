#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz (NEWS_FUZZ=ON: ASan, UBSan and
# coverage instrumentation) and runs each for a bounded time, SECONDS each (default 30),
# starting from a small seed corpus this script writes into build-fuzz/corpus/<target>.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Environment: NEWS_FUZZ_BUILD_DIR (build-fuzz), NEWS_FUZZ_JOBS (nproc), NEWS_FUZZ_SKIP_BUILD=1.
# A crash stops the script with libFuzzer's report and the crashing input
# (build-fuzz/crash-*); add that input as a regression test before fixing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
dir="${NEWS_FUZZ_BUILD_DIR:-build-fuzz}"
all=(fuzz_parse_input fuzz_text_parser fuzz_json_parser fuzz_json_lines_parser fuzz_html_parser
     fuzz_date_parse fuzz_date_extract fuzz_query fuzz_stored)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  apt-get install -y clang libclang-rt-14-dev >/dev/null
fi
if [ "${NEWS_FUZZ_SKIP_BUILD:-0}" != "1" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DNEWS_FUZZ=ON -DNEWS_WERROR=OFF -DNEWS_BUILD_TESTS=OFF >/dev/null
  cmake --build "$dir" -j "${NEWS_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}"
fi

# seed NAME FILE CONTENT: one file of the seed corpus of target NAME.
seed() {
  mkdir -p "$dir/corpus/$1"
  printf '%s' "$3" > "$dir/corpus/$1/$2"
}
text='Peace_Talks_Resume
Peace talks resume in Abu Dhabi
By Jane Doe
Published: February 1, 2026
ABU DHABI, Feb 1 (Reuters) - Talks between the delegations resumed on Sunday, a week after
the first round on January 24, 2026, officials said.

Key Outcomes

The sides agreed to meet again next week.
Leave a Reply'
json='{"articles":[{"id":"a1","title":"Peace talks","content":"Talks resumed on Sunday.","publishedAt":"2026-02-01T09:30:00Z","source":{"name":"Reuters"},"url":"https://example.org/a1","author":"Jane Doe"}]}'
jsonl='{"id":"a1","headline":"NATO meets","body":"Ministers met in Brussels on Jan. 5.","date":"Sun, 01 Feb 2026 09:30:00 GMT"}
{"id":"a2","title":"Second","text":"<p>Markup <b>inside</b></p>","pubDate":"26-FEB-1987 15:01:01.79","authors":["A","B"]}
not json'
html='<!DOCTYPE html><html><head><title>Page</title><meta property="og:title" content="Talks resume">
<meta property="article:published_time" content="2026-02-01T09:30:00Z"><link rel="canonical" href="https://example.org/x">
<script type="application/ld+json">{"datePublished":"2026-02-01"}</script></head>
<body><nav>Home</nav><article><h1>Talks resume</h1><p class="byline">By Jane Doe</p><time datetime="2026-02-01">Feb 1</time>
<p>Talks resumed on Sunday &amp; continued.</p><aside>Related</aside></article><footer>f</footer></body></html>'
seed fuzz_text_parser text "$text"
seed fuzz_json_parser json "$json"
seed fuzz_json_parser array '[{"title":"x","body":"y"},{"headline":"z","content":"w","id":3}]'
seed fuzz_json_lines_parser jsonl "$jsonl"
seed fuzz_html_parser html "$html"
seed fuzz_parse_input text "a$text"
seed fuzz_parse_input json "b$json"
seed fuzz_parse_input jsonl "c$jsonl"
seed fuzz_parse_input html "d$html"
seed fuzz_parse_input sniff "e$json"
for d in "2026-02-01" "2026-02-01T09:30:00+04:00" "20260201" "2026/02/01" "Sun, 01 Feb 2026 09:30:00 GMT" \
         "1 Feb 2026 09:30 +0000" "26-FEB-1987 15:01:01.79" "18-Jul-20" "February 1, 2026" "Feb. 1, 2026" \
         "Sunday, February 1, 2026" "Sun Feb  1 09:30:00 2026" "02/01/2026"; do
  seed fuzz_date_parse "$(printf '%s' "$d" | md5sum | cut -c1-12)" "$d"
done
seed fuzz_date_extract dated "$(printf '\x41\x31')ABU DHABI, Feb 1 (Reuters) - Talks on January 24, 2026 and from January 6 to January 9; in March, since 2019, two days ago, last Friday, next week, the 3rd of March, 2019-2022."
seed fuzz_date_extract undated "$(printf '\x40\x01')WASHINGTON, Jan. 24, 2026 /PRNewswire/ -- Dec. 30 and between March 1 and March 3 in January and June 1986."
seed fuzz_query simple "apeace talks"
seed fuzz_query fields 'atitle:talks person:zelensky date:2026-01-01..2026-01-31 mentioned:2026-02 -source:x'
seed fuzz_query ops 'b(a OR b) AND c NOT d "peace talks" ceasefire NEAR/5 talks negotiat* +must -mustnot'
seed fuzz_stored json "$(printf '\x04'){\"id\":\"a1\",\"title\":\"Talks\",\"body\":\"Talks resumed.\"}"
seed fuzz_stored roundtrip "$(printf '\x02'){\"id\":\"a2\",\"title\":\"Talks round 3\",\"source\":\"Reuters\",\"body\":\"Officials said talks in Geneva would resume.\"}"
seed fuzz_stored flipped "$(printf '\x03\x07'){\"id\":\"a3\",\"title\":\"Talks round 4\",\"body\":\"Officials said talks would resume on Monday.\"}"

# known leaks inside Debian's libxapian (see the file)
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
  echo "== $t: ${seconds} s"
  if ! "$dir/fuzz/$t" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$dir/artifacts/$t/" -print_final_stats=1 "$dir/corpus/$t" 2>"$dir/$t.log"; then
    tail -n 60 "$dir/$t.log"
    echo "fuzz.sh: $t failed; the input is in $dir/artifacts/$t/" >&2
    status=1
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$dir/$t.log" || true
  fi
done
exit "$status"
