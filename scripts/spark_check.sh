#!/usr/bin/env bash
# Gongwen inside Apache Spark, checked against one machine (Sources/Gongwen/Gongwen.docc/Scale.md): Java 17 from Debian,
# a pinned pyspark in a virtualenv, local[2]; Corpus/seeds replicated to $SPARK_CHECK_DOCS documents
# (default 1000) with bad inputs among them, sent as {"id","path","bytes_base64"} and {"id","text"}
# lines through `gongwen convert --stdin-jsonl` by RDD.pipe, one process per partition. The result
# must equal `gongwen convert --stdin-jsonl` on one machine, line for line after sorting by id.
# Prints both wall times.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${SPARK_VENV:-$ROOT/.build/spark-venv}
WORK=${SPARK_WORK:-$ROOT/.build/spark-check}
DOCS=${SPARK_CHECK_DOCS:-1000}
PYSPARK_PIN="pyspark==3.5.3"

if ! command -v java >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
java -version 2>&1 | head -1
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q --disable-pip-version-check "$PYSPARK_PIN"

if [ -z "${GONGWEN_BIN:-}" ]; then
  swift build -c release --product gongwen >/dev/null
  GONGWEN_BIN=$ROOT/.build/release/gongwen
fi
export GONGWEN_BIN SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$VENV/bin/python"
rm -rf "$WORK" && mkdir -p "$WORK"
"$VENV/bin/python" "$ROOT/scripts/spark_check.py" "$ROOT/Corpus/seeds" "$WORK" "$DOCS"
