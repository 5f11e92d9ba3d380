// swift-tools-version: 6.2
import PackageDescription

// A package that uses the build plugin on its own copy of a spec: the SDK is generated at build
// time into the plugin's work folder, never committed.
let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "swift-spec-codegen", path: "../..")
    ],
    targets: [
        .target(
            name: "AnalysisSDK",
            dependencies: [.product(name: "SpecRuntime", package: "swift-spec-codegen")],
            plugins: [.plugin(name: "SpecCodegenPlugin", package: "swift-spec-codegen")]
        ),
        // A spec split over several files.
        .target(
            name: "PetsSDK",
            dependencies: [.product(name: "SpecRuntime", package: "swift-spec-codegen")],
            plugins: [.plugin(name: "SpecCodegenPlugin", package: "swift-spec-codegen")]
        ),
        .executableTarget(name: "analysis-demo", dependencies: ["AnalysisSDK", "PetsSDK"]),
    ]
)
