#!/usr/bin/env bash
# The sanitizer step: the test suite under AddressSanitizer, and the concurrent converter's
# suites under ThreadSanitizer. Each in its own scratch folder so the default .build stays as is.
#
#   scripts/sanitizers.sh [address|thread|all]      (default all)
#
# ASan runs the whole suite except the heavy reliability tests (20 MB inputs under ASan's
# shadow memory would take minutes; they run unsanitized in `swift test`), set ASAN_ALL=1 to
# include them. Prints each step's seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
export SWIFT_BACKTRACE=enable=no
status=0

step() {
    local name=$1; shift
    local start=$SECONDS
    if "$@"; then echo "sanitizers: $name passed in $((SECONDS - start)) s" >&2
    else echo "sanitizers: $name FAILED after $((SECONDS - start)) s" >&2; status=1; fi
}

if [[ $which == address || $which == all ]]; then
    skip=()
    [[ ${ASAN_ALL:-0} == 1 ]] || skip=(--skip ReliabilityTextTests)
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
        step address swift test --scratch-path .build-asan --sanitize=address "${skip[@]}"
fi
if [[ $which == thread || $which == all ]]; then
    TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1} \
        step thread swift test --scratch-path .build-tsan --sanitize=thread --filter 'Batch'
fi
exit $status
