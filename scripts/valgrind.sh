#!/usr/bin/env bash
# Runs spec-codegen under valgrind's memcheck (README, "Development"): a generation from the
# project's spec, and a check of a spec full of errors, so that both paths are covered.
# Fails on any invalid read or write, use of uninitialised memory, or definite/indirect leak.
# "Possibly lost" blocks are reported but allowed: the Swift runtime's metadata caches keep only
# interior pointers to their allocations, which memcheck cannot tell from leaks.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product spec-codegen
binary=.build/debug/spec-codegen
output=$(mktemp -d)
trap 'rm -rf "$output"' EXIT

run() {
    local log="$output/valgrind.log"
    local status=0
    valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
        --log-file="$log" "$binary" "$@" >/dev/null 2>&1 || status=$?
    grep -E "ERROR SUMMARY|definitely lost:|indirectly lost:|possibly lost:" "$log" | sed 's/^==[0-9]*== */  /'
    if ((status == 99)); then
        echo "valgrind found errors running: spec-codegen $*" >&2
        cat "$log" >&2
        exit 1
    fi
}

echo "== spec-codegen generate spec/openapi.yaml"
run generate spec/openapi.yaml --output "$output/Generated"
diff -r "$output/Generated" Generated >/dev/null || { echo "the output under valgrind differs from Generated/" >&2; exit 1; }
echo "== spec-codegen check Tests/OpenAPIModelTests/Diagnostics/many-problems-at-once.yaml (exits 1: the spec has errors)"
run check Tests/OpenAPIModelTests/Diagnostics/many-problems-at-once.yaml
echo "valgrind: clean"
