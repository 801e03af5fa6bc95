#!/usr/bin/env bash
# Installs what is needed, builds, indexes corpus/ into news.db and serves the
# search page at http://127.0.0.1:8080/ (Ctrl-C stops). Extra arguments go to
# news-server (for example --port 9000 or --host 0.0.0.0).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
build/news-index --db news.db corpus/
exec build/news-server --db news.db "$@"
