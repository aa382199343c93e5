#!/usr/bin/env bash
# Headless Chromium loads every page `gongwen view` and `gongwen report` write for the seed corpus
# (and a hostile document) at desktop and phone widths, with #selftest: the page checks itself
# (one highlight per entity with its data-kind and tabindex 0, outline links resolve, legend and
# focus work, no Content-Security-Policy violation, no script or console error, no sideways
# scroll) and writes the result into the DOM, read here with --dump-dom. Chromium's own console
# log is checked too. Fails on any failure; never skips (a missing tool is installed, or it fails).
# Usage: scripts/browser_check.sh [OUT_DIR]        (default .build/browser-check)
#        scripts/browser_check.sh --pages FILE...   (check these pages only, at both widths)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/browser_lib.sh
given=()
if [ "${1:-}" = "--pages" ]; then shift; given=("$@"); OUT=$(mktemp -d); else OUT=${1:-.build/browser-check}; fi
T0=$SECONDS
ensure_browser
[ ${#given[@]} -gt 0 ] || render_pages "$OUT"
failures=0 pages=0
# Headless Chromium makes no window narrower than 500 px, so the phone width is a 375 x 812 frame
# in a harness page: the page's self-test measures the frame's own viewport and posts its result
# to the harness, which writes it into its DOM for --dump-dom.
harness() { # harness PAGE WIDTH HEIGHT > harness.html
  cat <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><title>phone-width harness</title></head><body style="margin:0">
<iframe src="file://$(realpath "$1")#selftest" width="$2" height="$3" style="border:0;display:block"></iframe>
<script>addEventListener('message', function (e) {
  if (!e.data || !e.data.gwSelftest) return;
  var p = document.createElement('pre'); p.id = 'gw-selftest';
  p.setAttribute('data-status', e.data.status); p.setAttribute('data-width', e.data.width);
  p.textContent = e.data.text; document.body.appendChild(p);
});</script></body></html>
HTML
}
check_page() { # check_page FILE WIDTH HEIGHT
  local file=$1 w=$2 h=$3 dom log url t0=$SECONDS
  dom=$(mktemp) log=$(mktemp)
  url="file://$(realpath "$file")#selftest"
  if [ "$w" -lt 500 ]; then
    harness "$file" "$w" "$h" >"$OUT/harness.html"
    url="file://$(realpath "$OUT/harness.html")"
  fi
  chromium_run --window-size="$w,$h" --virtual-time-budget=10000 --enable-logging=stderr --v=0 \
    --dump-dom "$url" >"$dom" 2>"$log" || true
  local status width problem=""
  status=$(grep -o 'id="gw-selftest" data-status="[a-z]*"' "$dom" | sed 's/.*data-status="//; s/"$//' || true)
  width=$(grep -o 'data-width="[0-9]*"' "$dom" | head -1 | tr -dc '0-9' || true)
  if [ "$status" != pass ]; then problem="self-test ${status:-did not run}"; fi
  if [ -n "$width" ] && [ "$width" != "$w" ]; then problem="$problem; window is $width px wide, not $w"; fi
  if grep -q ':CONSOLE' "$log"; then problem="$problem; console: $(grep ':CONSOLE' "$log" | head -3)"; fi
  pages=$((pages + 1))
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAIL $file at ${w}px: $problem"
    sed -n '/id="gw-selftest"/,/<\/pre>/p' "$dom" | grep -E 'FAIL|failures' | head -10
  else
    echo "ok   $file at ${w}px ($((SECONDS - t0)) s)"
  fi
  rm -f "$dom" "$log"
}
if [ ${#given[@]} -gt 0 ]; then
  for page in "${given[@]}"; do check_page "$page" 1400 900; check_page "$page" 375 812; done
  echo "browser check: $pages page loads, $failures failed, $((SECONDS - T0)) s"
  [ "$failures" -eq 0 ]; exit
fi
for page in "$OUT"/view/*.html "$OUT"/report/index.html; do
  check_page "$page" 1400 900
  check_page "$page" 375 812
done
# The view pages the report wrote (from the JSON Lines) must be the pages checked above, byte for byte.
for page in "$OUT"/report/views/*.html; do
  seed=$(basename "$page" | sed 's/-[0-9a-f]*\.html$//')
  if cmp -s "$page" "$OUT/view/$seed.html"; then echo "ok   $page is $OUT/view/$seed.html"
  else failures=$((failures + 1)); echo "FAIL $page differs from $OUT/view/$seed.html"; fi
done
echo "browser check: $pages page loads, $failures failed, $((SECONDS - T0)) s"
[ "$failures" -eq 0 ]
