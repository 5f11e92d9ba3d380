#!/usr/bin/env bash
# Fails when the given executable links full Foundation (libFoundation.so, and with it ICU): the
# generator uses FoundationEssentials only, which saves each run about 8 ms of loading
# (BENCHMARKS.md, "Process start"). Linux only; elsewhere it says so and passes.
set -euo pipefail
binary=${1:?usage: scripts/check-no-foundation.sh EXECUTABLE}
if [[ "$(uname -s)" != Linux ]]; then
    echo "not Linux: not checked"
    exit 0
fi
if ldd "$binary" | grep -E 'lib(Foundation|FoundationInternationalization|_FoundationICU)\.so'; then
    echo "$binary links full Foundation (above); import FoundationEssentials where it exists" >&2
    exit 1
fi
echo "$binary: FoundationEssentials only"
