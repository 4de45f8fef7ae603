#!/usr/bin/env bash
# test/checks/fuzz.sh: the short fuzz run inside `make test` (about a minute):
# every type's text and binary input fed malformed values, then sqlsmith.
# `make fuzz` runs the long version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
args=()
[ "${JOBS_EXT_QUICK:-0}" = 1 ] && args+=(--quick)
exec "${PYTHON:-/usr/bin/python3}" test/fuzz/fuzz.py "${args[@]}" --smith-queries "${FUZZ_QUERIES:-8000}"
