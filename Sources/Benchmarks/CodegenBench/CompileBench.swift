import Foundation

/// Compile time and compiler peak memory of generated code, ours and swift-openapi-generator's,
/// each in a package of its own whose dependencies are built first, so that only the generated
/// module is timed (debug builds, as developers compile them).
struct CompileBench {
    let root: String
    let work: String

    /// Prints the header of the compile table once per run.
    static func printHeader() {
        print("")
        print("compiling the generated module (debug; seconds, peak MiB of the build and its compilers):")
        print("  spec                          ours  peak MiB  swift-openapi-generator  peak MiB   time ratio  memory ratio")
    }

    /// Compiles our output in `ours` and, when given, the anchor's in `anchor` (both already generated).
    func run(label: String, ours: String, anchor: String?) throws {
        let name = label.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let oursResult = try measure(
            name: "compile-ours-" + String(name), sources: ours,
            dependency: ".package(name: \"swift-spec-codegen\", path: \"\(root)\")",
            products: ".product(name: \"SpecRuntime\", package: \"swift-spec-codegen\")")
        let padded = label.padding(toLength: 28, withPad: " ", startingAt: 0)
        guard let anchor else {
            print("  " + padded + String(format: " %7.1f %9.0f", oursResult.seconds, oursResult.peakMiB))
            return
        }
        let theirs = try measure(
            name: "compile-anchor-" + String(name), sources: anchor,
            dependency: ".package(url: \"https://github.com/apple/swift-openapi-runtime\", exact: \"1.13.4\")",
            products: ".product(name: \"OpenAPIRuntime\", package: \"swift-openapi-runtime\")")
        print(
            "  " + padded
                + String(
                    format: " %7.1f %9.0f %24.1f %9.0f %11.2fx %12.2fx", oursResult.seconds, oursResult.peakMiB, theirs.seconds, theirs.peakMiB,
                    theirs.seconds / oursResult.seconds, theirs.peakMiB / oursResult.peakMiB))
    }

    private func measure(name: String, sources: String, dependency: String, products: String) throws -> (seconds: Double, peakMiB: Double) {
        let package = work + "/" + name
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: package + "/Sources")
        for target in ["Generated", "Dependencies"] {
            try fileManager.createDirectory(atPath: package + "/Sources/" + target, withIntermediateDirectories: true)
        }
        for file in try fileManager.contentsOfDirectory(atPath: sources).filter({ $0.hasSuffix(".swift") }) {
            try fileManager.copyItem(atPath: sources + "/" + file, toPath: package + "/Sources/Generated/" + file)
        }
        try "// Builds the dependencies before the generated module is timed.\n".write(
            toFile: package + "/Sources/Dependencies/Dependencies.swift", atomically: true, encoding: .utf8)
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "\(name)",
                platforms: [.macOS(.v14)],
                dependencies: [\(dependency)],
                targets: [
                    .target(name: "Dependencies", dependencies: [\(products)]),
                    .target(name: "Generated", dependencies: [\(products)]),
                ]
            )

            """
        try manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
        let dependencies = Measure.run("/usr/bin/env", ["swift", "build", "--package-path", package, "--target", "Dependencies"])
        guard dependencies.status == 0 else { throw BenchError("building the dependencies of \(name) failed") }
        let result = Measure.run("/usr/bin/env", ["swift", "build", "--package-path", package, "--target", "Generated"])
        // A compile that fails (or is killed for memory) is reported, not hidden: infinite time.
        guard result.status == 0 else {
            print(
                "  \(name): the build failed or was killed after \(String(format: "%.0f", result.seconds)) s at \(String(format: "%.0f", result.peakMiB)) MiB")
            return (.infinity, result.peakMiB)
        }
        return (result.seconds, result.peakMiB)
    }
}
