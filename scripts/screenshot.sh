#!/usr/bin/env bash
# Screenshots of the pages `gongwen view` and `gongwen report` write for the seed corpus, in
# headless Chromium at desktop (1400 px) and phone (375 px) widths: PNGs into docs/images/ (or
# OUT_DIR). Installs Debian's chromium and fonts-noto-cjk when missing.
# Usage: scripts/screenshot.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/browser_lib.sh
IMAGES=${1:-docs/images}
PAGES=.build/screenshot-pages
ensure_browser
render_pages "$PAGES"
mkdir -p "$IMAGES"
shot() { # shot PAGE[#FRAGMENT] WIDTH HEIGHT PNG
  local page=${1%%#*} fragment="" url
  [ "$1" != "$page" ] && fragment="#${1#*#}"
  url="file://$(realpath "$page")$fragment"
  # Always through a frame of the exact size: headless windows are at least 500 px wide, and a
  # page that jumps to a fragment is captured reliably only in a viewport that never changes size.
  if true; then
    printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="%s" width="%s" height="%s" style="border:0;display:block"></iframe></body></html>' \
      "$url" "$2" "$3" >"$PAGES/frame.html"
    url="file://$(realpath "$PAGES/frame.html")"
  fi
  chromium_run --window-size="$2,$3" --virtual-time-budget=3000 --screenshot="$(realpath -m "$4")" "$url" 2>/dev/null
  echo "$4"
}
doc=$PAGES/view/003_65ab60eb7075ecb2.html
shot "$doc" 1400 1000 "$IMAGES/view-desktop.png"
shot "$doc" 375 812 "$IMAGES/view-phone.png"
shot "$doc#s-2.2.13.31" 1400 1000 "$IMAGES/view-desktop-diagnostics.png"
shot "$PAGES/view/000_4aa01af85a4cc67b.html" 1400 1000 "$IMAGES/view-desktop-000.png"
shot "$PAGES/report/index.html" 1400 2600 "$IMAGES/report-desktop.png"
shot "$PAGES/report/index.html#money" 375 1400 "$IMAGES/report-phone.png"
