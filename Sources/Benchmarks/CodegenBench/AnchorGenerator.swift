import Foundation

/// apple/swift-openapi-generator 1.14.3, built from the local package mirror in release mode in
/// its own scratch folder, run on the same specs for the side-by-side ratio.
struct AnchorGenerator {
    let root: String
    var scratch: String { root + "/.build-anchor" }
    var executable: String { scratch + "/scratch/release/swift-openapi-generator" }

    func build() throws {
        let package = scratch + "/package"
        try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version: 5.9
            import PackageDescription

            let package = Package(
                name: "anchor",
                dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")],
                targets: []
            )

            """
        try manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
        if FileManager.default.isExecutableFile(atPath: executable) { return }
        print("building swift-openapi-generator 1.14.3 (release) in \(scratch); this takes several minutes")
        let result = Measure.run(
            "/usr/bin/env",
            [
                "swift", "build", "-c", "release", "--package-path", package,
                "--scratch-path", scratch + "/scratch", "--product", "swift-openapi-generator",
            ], quiet: false)
        guard result.status == 0 else { throw BenchError("building swift-openapi-generator failed") }
    }

    /// Generates types and client for `spec` into `output`; returns wall time and peak memory.
    func generate(spec: String, output: String) throws -> (seconds: Double, peakMiB: Double) {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let config = output + "/openapi-generator-config.yaml"
        try "generate:\n  - types\n  - client\naccessModifier: public\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = Measure.run(executable, ["generate", spec, "--config", config, "--output-directory", output])
        guard result.status == 0 else { throw BenchError("swift-openapi-generator failed on \(spec)") }
        return (result.seconds, result.peakMiB)
    }
}
