#!/usr/bin/env bash
# Runs the analytics recipes as a new user would: a virtualenv with pinned duckdb, pandas and
# pyarrow from PyPI, Corpus/seeds converted to corpus.jsonl and corpus.sqlite, then every code
# block of Sources/Gongwen/Gongwen.docc/Analytics.md and Sources/Gongwen/Gongwen.docc/Batch.md marked to run (```sql run, ```python run, …) and the
# tests of python/gongwen.py. Fails when a block errors or a query returns no rows.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${ANALYTICS_VENV:-$ROOT/.build/analytics-venv}
WORK=${ANALYTICS_WORK:-$ROOT/.build/analytics}
PINS="duckdb==1.1.3 pandas==2.2.3 pyarrow==18.1.0 numpy==2.1.3"

if ! command -v sqlite3 >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
fi
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
# shellcheck disable=SC2086
"$VENV/bin/pip" install -q --disable-pip-version-check $PINS

if [ -z "${GONGWEN_BIN:-}" ]; then
  swift build -c release --product gongwen >/dev/null
  GONGWEN_BIN=$ROOT/.build/release/gongwen
fi
export GONGWEN_BIN
export PATH="$(dirname "$GONGWEN_BIN"):$VENV/bin:$PATH"
export PYTHONPATH="$ROOT/python${PYTHONPATH:+:$PYTHONPATH}"

rm -rf "$WORK" && mkdir -p "$WORK"
ln -s "$ROOT/Corpus" "$WORK/Corpus"
cd "$WORK"
gongwen convert Corpus/seeds -o corpus.jsonl --quiet
gongwen convert Corpus/seeds -o corpus.sqlite --quiet
"$VENV/bin/python" "$ROOT/scripts/run_doc_blocks.py" "$ROOT/Sources/Gongwen/Gongwen.docc/Analytics.md" "$ROOT/Sources/Gongwen/Gongwen.docc/Batch.md"
"$VENV/bin/python" "$ROOT/python/test_gongwen.py"
echo "analytics check: ok"
