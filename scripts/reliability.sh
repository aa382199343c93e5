#!/usr/bin/env bash
# The reliability checks beyond CI (issue 9): the scaling guards counted in instructions
# (scripts/scaling_check.sh, also in CI) and fuzzing longer than CI's 30 s (scripts/fuzz.sh,
# SECONDS per target, default 600), which grows the committed corpora.
#
#   scripts/reliability.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
status=0
bash scripts/scaling_check.sh || status=1
bash scripts/fuzz.sh all "$seconds" || status=1
echo "reliability: $([ $status = 0 ] && echo ok || echo FAILED)"
exit $status
