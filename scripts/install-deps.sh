#!/usr/bin/env bash
# Installs the Debian packages the project needs to build, test and run.
# Safe to run again: it does nothing when everything is already installed.
# With --test it also installs what only the test suite needs (a headless browser).
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build pkg-config     # toolchain
  libxapian-dev xapian-tools           # the search engine library; xapian-compact, delve
  libboost-program-options-dev         # command-line options
  libfmt-dev                           # formatting
  nlohmann-json3-dev                   # JSON input and output
  libgumbo-dev                         # HTML5 parsing of saved web pages
  libcpp-httplib-dev                   # news-server's HTTP server (and the tests' HTTP client)
  libzstd-dev                          # stored articles compressed against a dictionary of their own
  libjemalloc-dev                      # the tools' memory allocator (faster than glibc's for many small strings)
  libgtest-dev                         # the test suite
  clang libclang-rt-14-dev             # libFuzzer targets (scripts/fuzz.sh, run by scripts/test.sh)
  iso-codes                            # country and region names for entity gazetteers
  wordnet-base wamerican tzdata        # word lists and place/zone names for entity gazetteers
)
if [ "${1:-}" = "--test" ]; then
  PACKAGES+=(
    chromium chromium-driver           # the search page's end-to-end test in a real (headless) browser
  )
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
