#!/usr/bin/env bash
# The README's library snippet compiles and runs as written, from another package: writes the
# swift block after `<!-- consumer-check -->` in README.md, verbatim, as the main.swift of
# Tests/Consumer (a package depending on this one by path, using products Gongwen and
# GongwenFormats), builds it, runs it and checks the value it prints.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
consumer="$root/Tests/Consumer"
main="$consumer/Sources/Consumer/main.swift"
mkdir -p "$(dirname "$main")"
awk '/<!-- consumer-check -->/ { armed = 1; next }
     armed && /^```swift/ { inside = 1; next }
     inside && /^```/ { exit }
     inside { print }' "$root/README.md" > "$main"
if [ ! -s "$main" ]; then
  echo "consumer_check: no swift block after <!-- consumer-check --> in README.md" >&2
  exit 1
fi
swift build --package-path "$consumer" ${CONSUMER_BUILD_FLAGS:-}
out="$(cd "$consumer" && swift run --skip-build --package-path "$consumer" Consumer)"
printf '%s\n' "$out"
# The snippet's money entity, resolved exactly.
grep -q "548.74万元 5487400 CNY" <<<"$out" || { echo "consumer_check: the snippet did not print the money value" >&2; exit 1; }
echo "consumer_check: the README snippet compiles and runs from a package that depends on Gongwen"
