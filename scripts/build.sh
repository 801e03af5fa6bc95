#!/usr/bin/env bash
# Configures and builds into build/ (or the directory given as $1) with warnings as errors.
# Extra arguments are passed to CMake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWS_WERROR=ON "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
