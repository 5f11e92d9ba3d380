#!/usr/bin/env bash
# Times the build plugin's incremental builds on a spec of about 10,000 lines: a package of its
# own (under .build-bench/plugin-incremental) whose one target generates from that spec with
# SpecCodegenPlugin. Prints the first build, a rebuild with nothing changed (the goal: under 1 s),
# and a rebuild after a one-line edit of the spec (regenerate + recompile), each a median of 3.
#
#   swift build -c release --product codegen-bench && scripts/plugin-incremental-bench.sh [N]
#
# N is the size of codegen-bench's standard shape (default 192: about 10,000 lines of YAML).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count=${1:-192}
package="$root/.build-bench/plugin-incremental"
mkdir -p "$package/Sources/BigSDK"
"$root/.build/release/codegen-bench" write-spec standard "$count" "$package/Sources/BigSDK/openapi.yaml"
echo "// The SDK is generated at build time from openapi.yaml." > "$package/Sources/BigSDK/BigSDK.swift"
cat > "$package/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PluginIncremental",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "swift-spec-codegen", path: "$root")],
    targets: [
        .target(
            name: "BigSDK",
            dependencies: [.product(name: "SpecRuntime", package: "swift-spec-codegen")],
            plugins: [.plugin(name: "SpecCodegenPlugin", package: "swift-spec-codegen")]
        )
    ]
)
MANIFEST
spec="$package/Sources/BigSDK/openapi.yaml"
echo "spec: $(wc -l < "$spec") lines"

seconds() {
    local start end
    start=$(date +%s.%N)
    swift build --package-path "$package" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

echo "first build (generator, runtime and the SDK): $(seconds) s"
# SwiftPM reruns the plugin's tool once after a clean build (see .ci/run); settle it first.
seconds >/dev/null
unchanged=()
for _ in 1 2 3; do unchanged+=("$(seconds)"); done
echo "rebuild, nothing changed: $(median "${unchanged[@]}") s (runs: ${unchanged[*]})"
edited=()
for run in 1 2 3; do
    sed -i "s/description: Synthetic schema 0\\..*/description: Synthetic schema 0. Edit $run./" "$spec"
    edited+=("$(seconds)")
done
echo "rebuild after a one-line spec edit (regenerate + recompile): $(median "${edited[@]}") s (runs: ${edited[*]})"
