#!/usr/bin/env bash
# Installs what is needed, builds, indexes corpus/ into news.db and runs an example search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
if ! find corpus -type f ! -name '.*' | grep -q .; then
  echo "demo: corpus/ holds no articles yet; the seed articles belong there (see corpus/.placeholder)" >&2
fi
echo "== news-index --db news.db corpus/"
build/news-index --db news.db corpus/
echo
echo "== news-search --db news.db --facet person --facet org --facet place 'peace talks'"
build/news-search --db news.db --facet person --facet org --facet place 'peace talks'
echo
echo "== the same database in a browser: build/news-server --db news.db  (then open http://127.0.0.1:8080/)"
