#!/usr/bin/env bash
# What a fresh Debian machine needs before the README's two commands: the C libraries the build
# links (ICU, libcrypto, zlib, poppler-cpp, libxml2, found through pkg-config), the tools the format
# layer calls (antiword, catdoc for .doc), what the format tests use to make their fixtures
# (Chromium and a CJK font to print PDFs, img2pdf for a scan), and jsonschema for the schema
# checks. Installs only what is missing; fails, never skips, when something cannot be installed.
set -euo pipefail
need=""
for p in libicu-dev zlib1g-dev libssl-dev pkg-config libpoppler-cpp-dev libxml2-dev antiword catdoc \
         chromium fonts-noto-cjk img2pdf python3-venv; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  echo "setup: installing$need" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q "jsonschema>=4.18"
python3 -c "import jsonschema"
