#!/usr/bin/env bash
# Times JioNLP's ner.extract_time + ner.extract_money over the seed documents and compares the
# throughput with our full `parse` on the same files (Sources/Gongwen/Gongwen.docc/Performance.md).
#
#   scripts/compare_jionlp.sh [SEED_DIR]
#
# Environment:
#   GONGWEN_JIONLP_VENV  virtualenv to (re)use        (default /tmp/gongwen-jionlp-venv)
#   GONGWEN_BIN          our release CLI               (default .build/release/gongwen; built if missing)
#   GONGWEN_BENCH        our release bench binary      (default .build/release/gongwen-bench; built if missing)
#   RUNS                 timed passes, median reported (default 3)
#   SPLIT                lines | sentences: how the text is cut for JioNLP (default lines)
#
# Exits 0 with a note when jionlp cannot be installed (no network, no wheel for this Python).
set -uo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
SEEDS="${1:-$REPO/Corpus/seeds}"
VENV="${GONGWEN_JIONLP_VENV:-/tmp/gongwen-jionlp-venv}"
RUNS="${RUNS:-3}"
SPLIT="${SPLIT:-lines}"
BIN="${GONGWEN_BIN:-$REPO/.build/release/gongwen}"
BENCH="${GONGWEN_BENCH:-$(dirname "$BIN")/gongwen-bench}"

if [ ! -d "$SEEDS" ]; then echo "compare_jionlp: no seed folder $SEEDS" >&2; exit 2; fi

# 1. JioNLP in a virtualenv outside the repository.
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating virtualenv $VENV"
  if ! python3 -m venv "$VENV"; then
    echo "NOTE: python3 -m venv failed (is python3-venv installed?); JioNLP comparison skipped."
    exit 0
  fi
fi
if ! "$VENV/bin/python" -c "import jionlp" >/dev/null 2>&1; then
  echo "== pip install jionlp"
  if ! "$VENV/bin/pip" install -q jionlp; then
    echo "NOTE: 'pip install jionlp' failed (see above: network or no wheel for $("$VENV/bin/python" --version)); JioNLP comparison skipped."
    exit 0
  fi
fi

# 2. Time JioNLP.
JIO_OUT="$(mktemp /tmp/gongwen-jionlp.XXXXXX)"
JIO_ERR="$(mktemp /tmp/gongwen-jionlp-err.XXXXXX)"
trap 'rm -f "$JIO_OUT" "$JIO_ERR"' EXIT
# JioNLP logs tracebacks of strings it cannot parse to stderr and carries on; kept out of the way.
"$VENV/bin/python" - "$SEEDS" "$RUNS" "$SPLIT" >"$JIO_OUT" 2>"$JIO_ERR" <<'PY'
import os, re, sys, time, statistics, contextlib, io
seeds, runs, split = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    import jionlp as jio   # prints a banner on import

texts = []
for name in sorted(os.listdir(seeds)):
    path = os.path.join(seeds, name)
    if not os.path.isfile(path) or name.startswith('.'):
        continue
    raw = open(path, 'rb').read()
    for enc in ('utf-8', 'gb18030'):
        try:
            texts.append(raw.decode(enc)); break
        except UnicodeDecodeError:
            pass
total_bytes = sum(len(t.encode('utf-8')) for t in texts)
pieces = []
for t in texts:
    for line in t.splitlines():
        line = line.strip()
        if not line:
            continue
        if split == 'sentences':
            pieces.extend(s for s in re.split(r'(?<=[。！？!?;；])', line) if s.strip())
        else:
            pieces.append(line)

base = time.mktime((2021, 1, 25, 0, 0, 0, 0, 0, -1))   # fixed anchor: deterministic results
# Warm-up: JioNLP loads its dictionaries lazily on the first call; not timed.
jio.ner.extract_time(pieces[0], time_base=base); jio.ner.extract_money(pieces[0])
samples, found = [], 0
for r in range(runs):
    t0 = time.perf_counter()
    n = 0
    for p in pieces:
        n += len(jio.ner.extract_time(p, time_base=base))
        n += len(jio.ner.extract_money(p))
    samples.append(time.perf_counter() - t0)
    found = n
med = statistics.median(samples)
print(f"JIO_DOCS={len(texts)}")
print(f"JIO_PIECES={len(pieces)}")
print(f"JIO_BYTES={total_bytes}")
print(f"JIO_SECONDS={med:.6f}")
print(f"JIO_MBPS={total_bytes / 1e6 / med:.6f}")
print(f"JIO_ENTITIES={found}")
print(f"JIO_VERSION={jio.__version__}")
PY
if [ $? -ne 0 ] || ! grep -q JIO_MBPS "$JIO_OUT"; then
  echo "NOTE: timing JioNLP failed:"; cat "$JIO_OUT"; tail -20 "$JIO_ERR"; exit 0
fi
# shellcheck disable=SC1090
. "$JIO_OUT"

# 3. Our release binaries.
if [ ! -x "$BIN" ] || [ ! -x "$BENCH" ]; then
  echo "== building release binaries (swift build -c release)"
  (cd "$REPO" && swift build -c release --product gongwen && swift build -c release --product gongwen-bench) || {
    echo "NOTE: release build failed; JioNLP alone: $JIO_MBPS MB/s"; exit 0; }
  BIN="$REPO/.build/release/gongwen"; BENCH="$REPO/.build/release/gongwen-bench"
fi

# 3a. In process (no process start-up): our full parse over the same seeds, replicated.
OURS_LINE="$("$BENCH" --corpus "$SEEDS" --seeds-only --runs "$RUNS" 2>/dev/null | grep '^parse_mbps=')"
OURS_MBPS="${OURS_LINE#parse_mbps=}"

# 3b. The CLI, one process per file, as a user would call it (includes process start-up).
files=()
for f in "$SEEDS"/*; do [ -f "$f" ] && files+=("$f"); done
cli_samples=()
for _ in $(seq "$RUNS"); do
  t0=$(date +%s.%N)
  for f in "${files[@]}"; do "$BIN" parse "$f" >/dev/null || { echo "gongwen parse failed on $f"; exit 1; }; done
  t1=$(date +%s.%N)
  cli_samples+=("$(echo "$t1 - $t0" | bc -l)")
done
CLI_SECONDS=$(printf '%s\n' "${cli_samples[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
CLI_MBPS=$(echo "$JIO_BYTES / 1000000 / $CLI_SECONDS" | bc -l)

echo
echo "== JioNLP $JIO_VERSION vs gongwen on $JIO_DOCS documents, $(echo "$JIO_BYTES / 1000" | bc) kB UTF-8 ($SEEDS)"
printf '%-58s %10s\n' "what" "MB/s"
printf '%-58s %10.3f\n' "JioNLP extract_time + extract_money ($JIO_PIECES $SPLIT, $JIO_ENTITIES hits)" "$JIO_MBPS"
if [ -n "$OURS_MBPS" ]; then
  printf '%-58s %10.2f\n' "gongwen full parse, in process (median of $RUNS)" "$OURS_MBPS"
fi
printf '%-58s %10.2f\n' "gongwen parse CLI, one process per file (incl. start-up)" "$CLI_MBPS"
echo
if [ -n "$OURS_MBPS" ]; then
  printf 'ratio gongwen parse / JioNLP: %.0fx in process, %.0fx via the CLI (target >= 300x)\n' \
    "$(echo "$OURS_MBPS / $JIO_MBPS" | bc -l)" "$(echo "$CLI_MBPS / $JIO_MBPS" | bc -l)"
else
  printf 'ratio gongwen parse CLI / JioNLP: %.0fx (target >= 300x)\n' "$(echo "$CLI_MBPS / $JIO_MBPS" | bc -l)"
fi
