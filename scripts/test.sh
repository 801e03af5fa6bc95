#!/usr/bin/env bash
# Installs what is needed, builds (warnings as errors) and runs the whole test suite,
# then builds again with AddressSanitizer and UndefinedBehaviorSanitizer and runs it again,
# and runs the multi-threaded tests under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs="$(nproc)"

scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "${NEWS_SKIP_SANITIZERS:-0}" != "1" ]; then
  scripts/build.sh build-asan -DNEWS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DNEWS_BUILD_BENCH=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi

# ThreadSanitizer over the tests whose code runs one query on two threads (the
# searcher's split match sets and counts) and over the recogniser, which the
# indexer's workers share (its per-thread tagging buffers): a race there need not
# show in results.
if [ "${NEWS_SKIP_SANITIZERS:-0}" != "1" ]; then
  cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWS_WERROR=ON \
    -DNEWS_SANITIZE_THREAD=ON -DNEWS_BUILD_BENCH=OFF >/dev/null
  cmake --build build-tsan -j "$jobs" --target parallel_test facets_property_test ner_recognizer_test
  TSAN_OPTIONS=halt_on_error=1 \
    ctest --test-dir build-tsan --output-on-failure -j "$jobs" -R '^(parallel_test|facets_property_test|ner_recognizer_test)[.]'
fi

# A bounded fuzzing run of every libFuzzer target (clang; scripts/fuzz.sh): 10 s each
# (longer runs: scripts/fuzz.sh 600).
if [ "${NEWS_SKIP_FUZZ:-0}" != "1" ]; then
  scripts/fuzz.sh "${NEWS_FUZZ_SECONDS:-10}"
fi
