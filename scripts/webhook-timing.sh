#!/usr/bin/env bash
# Does refusing a webhook signature cost more the more of its leading bytes are right? Counts the
# instructions executed inside WebhookVerifier.verify with valgrind's callgrind (deterministic, so
# it means something on a shared, noisy machine, unlike time) for signatures whose first K of 32
# bytes match, K = 0, 16, 31; equal counts mean no timing signal to find a signature byte by byte.
# A control runs the same inputs through a comparison that stops at the first difference, to show
# that the method sees such a leak. Last, wall clock as a secondary figure (median, interleaved).
#
#   scripts/webhook-timing.sh [iterations] [wall-rounds]    defaults 2000 and 201; needs valgrind
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-2000}
rounds=${2:-201}
scratch=.build-timing

command -v valgrind >/dev/null || { echo "webhook-timing: valgrind is not installed" >&2; exit 1; }
swift build -c release --product codegen-bench --scratch-path "$scratch" >&2
built="$(swift build -c release --product codegen-bench --scratch-path "$scratch" --show-bin-path)/codegen-bench"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits ("unhandled dwarf2 abbrev form code
# 0x25 ... Possibly corrupted debuginfo file. Giving up."): measure a copy without debug info,
# which keeps the symbol table that --toggle-collect needs.
bin="$work/codegen-bench"
strip --strip-debug -o "$bin" "$built"
# Random hashing seeds change how much the allocator works from one run to the next (a few
# hundred instructions per call, whatever K); fixed seeds make the counts repeat exactly.
export SWIFT_DETERMINISTIC_HASHING=1

# Instructions (Ir) collected while inside functions matching $3, for mode $1 and K = $2.
count() {
    valgrind --tool=callgrind --read-var-info=no --callgrind-out-file="$work/callgrind.out" \
        --collect-atstart=no --toggle-collect="$3" "$bin" "$1" "$2" "$iterations" >"$work/stdout" 2>"$work/stderr" || {
        cat "$work/stderr" >&2
        exit 1
    }
    grep -q "refused=$iterations" "$work/stdout" || { echo "webhook-timing: $1 $2 did not refuse every delivery" >&2; exit 1; }
    awk '/^(summary|totals):/ { print $2; exit }' "$work/callgrind.out"
}

# $1 mode, $2 function pattern, $3 title.
table() {
    echo "$3"
    echo "   K  instructions  per call  difference to K=0  ratio to K=0"
    local base=""
    for k in 0 16 31; do
        local n
        n=$(count "$1" "$k" "$2")
        [ -n "$base" ] || base=$n
        awk -v k="$k" -v n="$n" -v b="$base" -v i="$iterations" \
            'BEGIN { printf "%4d %13d %9.1f %18d %13.6f\n", k, n, n / i, n - b, n / b }'
    done
}

echo "valgrind --tool=callgrind, $iterations refusals per K, signature of 32 bytes with the first K right"
# Swift symbols are not demangled by valgrind; these patterns match the mangled names of
# SpecRuntime's WebhookVerifier.verify(body:signatureHeader:) and the bench's control comparison.
table webhook-timing '$s11SpecRuntime15WebhookVerifierV6verify4body15signatureHeadery*' \
    "WebhookVerifier.verify (parse, HMAC, constant-time comparison):"
echo
table webhook-timing-control '*18WebhookTimingBenchO14earlyExitEqual*' \
    "control, a comparison that stops at the first differing byte (must differ):"
echo
"$bin" webhook-timing-wall "$rounds"
