#!/usr/bin/env bash
# Runs the libFuzzer targets of Sources/FuzzTargets (see README, "Fuzzing").
#
#   scripts/fuzz.sh [--time SECONDS] [--merge] [target ...]
#
# Builds spec-fuzz with -sanitize=fuzzer,address in .build-fuzz/, then fuzzes each target (all
# seven when none is named) for --time seconds (default 60), starting from Tests/Fuzz/corpus/<target>/.
# New inputs go to .build-fuzz/work/<target>/; a crash, a leak, an input slower than --input-timeout
# seconds or one that takes more than --rss-mb of memory is saved under .build-fuzz/crashes/<target>/
# and fails the run: copy it to Tests/Fuzz/regressions/<target>/ so that `swift test` replays it.
# --merge adds to Tests/Fuzz/corpus/<target>/ the inputs of the work folder that reach new coverage.
set -euo pipefail
cd "$(dirname "$0")/.."

time_per_target=60
input_timeout=2
rss_mb=2048
merge=0
targets=()
while (($#)); do
    case "$1" in
        --time) time_per_target="$2"; shift 2 ;;
        --input-timeout) input_timeout="$2"; shift 2 ;;
        --rss-mb) rss_mb="$2"; shift 2 ;;
        --merge) merge=1; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if ((${#targets[@]} == 0)); then
    targets=(yaml-reader spec-model har-archive webhook-verifier model-decoding pattern schema-differential)
fi

scratch=.build-fuzz
# lld, because gold fails with an internal error on the fuzzer-instrumented objects.
swift build -c release --product spec-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
binary="$scratch/release/spec-fuzz"

max_len() {
    case "$1" in
        spec-model) echo 8192 ;;
        webhook-verifier|pattern) echo 4096 ;;
        *) echo 16384 ;;
    esac
}

failed=()
for target in "${targets[@]}"; do
    seeds="Tests/Fuzz/corpus/$target"
    work="$scratch/work/$target"
    crashes="$scratch/crashes/$target"
    mkdir -p "$work" "$crashes"
    log="$scratch/$target.log"
    echo "== $target: ${time_per_target}s from $(ls "$seeds" | wc -l) seeds"
    status=0
    dictionary=()
    if [[ -f "Tests/Fuzz/dictionaries/$target.dict" ]]; then
        dictionary=(-dict="Tests/Fuzz/dictionaries/$target.dict")
    fi
    # Leak checking is off: statics that cache decoded regexes and the loaded spec are reached
    # through Swift enum payloads whose pointers carry tag bits, which LeakSanitizer cannot follow,
    # so it reports them as leaked. Growth is still caught by -rss_limit_mb, and real leaks by
    # valgrind on spec-codegen (README, "Development").
    SPEC_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" \
        -max_total_time="$time_per_target" -max_len="$(max_len "$target")" -timeout="$input_timeout" -detect_leaks=0 \
        -rss_limit_mb="$rss_mb" -artifact_prefix="$crashes/" -print_final_stats=1 "${dictionary[@]}" \
        "$work" "$seeds" >"$log" 2>&1 || status=$?
    # The last status line gives coverage and corpus; the final stats give executions.
    grep -E "^#[0-9]+" "$log" | tail -1 || true
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
    if ((status != 0)); then
        echo "$target: FAILED (exit $status); log: $log; inputs: $(ls "$crashes")"
        grep -E "ERROR|Fatal error|==[0-9]+==" "$log" | head -5 || true
        failed+=("$target")
    fi
    if ((merge)); then
        SPEC_FUZZ_TARGET="$target" "$binary" -merge=1 -max_len="$(max_len "$target")" "$seeds" "$work" >>"$log" 2>&1
        echo "$target: corpus now $(ls "$seeds" | wc -l) inputs"
    fi
done

if ((${#failed[@]})); then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzzing: ${#targets[@]} targets, ${time_per_target}s each, no crash"
