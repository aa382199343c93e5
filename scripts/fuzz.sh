#!/usr/bin/env bash
# Builds and runs one libFuzzer target under AddressSanitizer.
#
#   scripts/fuzz.sh TARGET [SECONDS]      TARGET: parse | formats | decode | all   (default 30 s each)
#
# Seeds: the committed corpus (Tests/Fuzz/corpus/<target>, grown in place so fuzzing time adds
# up across sessions), plus Corpus/seeds for parse. Dictionary:
# Tests/Fuzz/gongwen.dict. One process on one core (the machine is shared): `taskset -c 1 nice`
# for long runs. A crash leaves `crash-*` in Tests/Fuzz/artifacts/<target>/ and exits non-zero,
# which is what CI checks. Environment: FUZZ_FLAGS adds libFuzzer flags (e.g. -fork=1
# -ignore_crashes=1 to keep going after a crash), FUZZ_BUILD=0 skips the build, FUZZ_KEEP=0 (for
# CI) writes new inputs to a temporary folder instead of the committed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh parse|formats|decode|all [SECONDS]}
seconds=${2:-30}
scratch=.build-fuzz

if [[ $target == all ]]; then
    status=0
    for t in parse formats decode; do "$0" "$t" "$seconds" || status=1; done
    exit $status
fi

case $target in
    parse) product=FuzzParse ;;
    formats) product=FuzzFormats ;;
    decode) product=FuzzDecode ;;
    *) echo "unknown target $target (parse, formats, decode, all)" >&2; exit 2 ;;
esac

if [[ ${FUZZ_BUILD:-1} != 0 ]]; then
    # SwiftPM passes `-sanitize=fuzzer -sanitize=address` to swiftc as two flags, and swiftc keeps
    # only the last: the Swift code would be built with ASan but without coverage, and libFuzzer
    # would run blind. The combined flag, given last, instruments it for both.
    swift build -c release --scratch-path "$scratch" --product "$product" \
        --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
        -Xswiftc -DFUZZING -Xswiftc -g >&2
fi
binary=$scratch/release/$product

corpus=Tests/Fuzz/corpus/$target
artifacts=Tests/Fuzz/artifacts/$target
mkdir -p "$corpus" "$artifacts"
seeds=()
if [[ ${FUZZ_KEEP:-1} == 0 ]]; then
    # libFuzzer writes new inputs into the first folder: make that a throwaway one.
    fresh=$(mktemp -d)
    trap 'rm -rf "$fresh"' EXIT
    seeds+=("$corpus")
    corpus=$fresh
fi
for d in "Tests/Fuzz/seeds/$target" $([[ $target == parse ]] && echo Corpus/seeds); do
    [[ -d $d ]] && seeds+=("$d")
done

# Swift's own crash handler confuses ASan (a false overflow report inside the backtracer).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
# 2 GiB RSS: a document within --max-bytes must parse in far less (Sources/Gongwen/Gongwen.docc/Performance.md).
"$binary" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 \
    -dict=Tests/Fuzz/gongwen.dict -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} \
    "$corpus" "${seeds[@]}"
