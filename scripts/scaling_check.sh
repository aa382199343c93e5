#!/usr/bin/env bash
# Scaling guard counted by work done, not time: instructions (valgrind --tool=callgrind, the same
# count whatever else the machine does) for `gongwen parse` of an input of size n and of 8n, for
# prose, marker-dense and entity-dense text. Linear work gives a ratio near 8; the guard fails
# above 10× per 8× of input (issue 9).
#
#   scripts/scaling_check.sh [path/to/gongwen]      (default .build/release/gongwen)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/gongwen}
command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
[ -x "$bin" ] || swift build -c release --product gongwen >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# valgrind 3.19 cannot read Swift 6's DWARF ("possibly corrupted debuginfo"): count a copy without it.
objcopy --strip-debug "$bin" "$tmp/gongwen"
bin="$tmp/gongwen"
python3 - "$tmp" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
seed = pathlib.Path("Corpus/seeds/003_65ab60eb7075ecb2.txt").read_text(encoding="utf-8")
def marker(k):
    n = k % 9 + 1
    return ["一、加强领导", "（一）统一思想", "1.提高认识", "（1）对于超标准", "问题1:落实"][k % 5] + f"第{n}项。\n"
def entities(k):
    return f"{2010 + k % 10}年{k % 12 + 1}月{k % 28 + 1}日，拨款{k % 900 + 10}.5万元，共{k % 90 + 10}人参加，增长{k % 50}%，依据《关于第{k}号的通知》。\n"
kinds = {"prose": lambda k: seed, "markers": marker, "entities": entities}
for name, piece in kinds.items():
    for size, label in [(256_000, "n"), (2_048_000, "8n")]:
        text, k = [], 0
        total = 0
        while total < size:
            s = piece(k); text.append(s); total += len(s.encode()); k += 1
        (out / f"{name}-{label}.txt").write_text("".join(text), encoding="utf-8")
PY
status=0
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" parse "$1" 2>&1 >/dev/null | awk '/Collected/ { print $NF }'
}
# Fixed costs (process start-up, ICU data, tables built on first use) are taken off with a base
# per kind: the first 20 lines of that kind's own input, which start the same one-time work (a
# base of another kind would start work this kind never does, and take off too much).
for kind in prose markers entities; do
  head -n 20 "$tmp/$kind-n.txt" > "$tmp/$kind-base.txt"
  base=$(count "$tmp/$kind-base.txt")
  a=$(( $(count "$tmp/$kind-n.txt") - base )); b=$(( $(count "$tmp/$kind-8n.txt") - base ))
  ratio=$(python3 -c "print(f'{$b/$a:.2f}')")
  verdict=ok
  python3 -c "import sys; sys.exit(0 if $b <= 10 * $a else 1)" || { verdict=FAILED; status=1; }
  echo "scaling: $kind: base $base instructions; $a more for n, $b more for 8n: ×$ratio ($verdict)"
done
exit $status
