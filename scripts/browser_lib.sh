# Shared by scripts/browser_check.sh and scripts/screenshot.sh (sourced, not run).
# ensure_browser: install Debian's chromium and fonts-noto-cjk when missing, or fail.
# render_pages OUT: write the seed corpus's view pages, a hostile page and the report into OUT.
ensure_browser() {
  local need=""
  command -v chromium >/dev/null 2>&1 || need="$need chromium"
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need="$need fonts-noto-cjk"
  if [ -n "$need" ]; then
    echo "installing$need"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  fi
  command -v chromium >/dev/null 2>&1 || { echo "chromium is not installed and could not be installed" >&2; return 1; }
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || { echo "fonts-noto-cjk could not be installed" >&2; return 1; }
}

# The gongwen binary: $GONGWEN, else the release build (brought up to date: quick when it is).
gongwen_binary() {
  if [ -n "${GONGWEN:-}" ]; then echo "$GONGWEN"; return; fi
  swift build -c release --product gongwen >&2
  echo "$PWD/.build/release/gongwen"
}

render_pages() {
  local out=$1 gw
  gw=$(gongwen_binary)
  rm -rf "$out"; mkdir -p "$out/view" "$out/report"
  for f in Corpus/seeds/*.txt; do
    "$gw" view "$f" -o "$out/view/$(basename "$f" .txt).html"
  done
  # A hostile document: markup, ampersands and quotes must come out as text, never as markup.
  printf '关于<script>alert("x")</script>&amp;的通知\n\n一、总体要求\n"引号"与'"'"'撇号'"'"' & <b>粗体</b> 548.74万元，2020年5月12日至2020年7月31日。\r\n会议于9月23—\r\n24日召开。\r\n（一）依据《关于<遂宁市专利权质押融资实施方案>的通知》执行。\n' > "$out/hostile.txt"
  "$gw" view "$out/hostile.txt" -o "$out/view/hostile.html"
  "$gw" convert Corpus/seeds -o "$out/corpus.jsonl" >/dev/null 2>&1
  "$gw" report "$out/corpus.jsonl" -o "$out/report/index.html" --views "$out/report/views"
}

# chromium_run ARGS...: headless Chromium with a throw-away profile.
chromium_run() {
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check \
    --user-data-dir="$profile" "$@"
  local rc=$?
  rm -rf "$profile"
  return $rc
}
