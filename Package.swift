// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "swift-spec-codegen",
    // What the runtime and generated code use, at its first availability: `Duration`,
    // `Task.sleep(for:)` and `ContinuousClock` (macOS 13, iOS 16, tvOS 16, watchOS 9),
    // `String.replacing(_:with:)` and `URL.appending(path:)` (the same releases); typed throws
    // is checked by the compiler and needs no runtime support in the forms used (no typed-throws
    // function type is stored or cast); `NSLocking.withLock` is back-deployed.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "YAMLReader", targets: ["YAMLReader"]),
        .library(name: "OpenAPIModel", targets: ["OpenAPIModel"]),
        .library(name: "CodegenConfig", targets: ["CodegenConfig"]),
        .executable(name: "spec-codegen", targets: ["spec-codegen"]),
        .executable(name: "spec-conformance", targets: ["spec-conformance"]),
        .plugin(name: "SpecCodegenPlugin", targets: ["SpecCodegenPlugin"]),
        .plugin(name: "GenerateCode", targets: ["GenerateCode"]),
        .library(name: "SpecRuntime", targets: ["SpecRuntime"]),
        .library(name: "KallglotAPI", targets: ["KallglotAPI"]),
        .library(name: "SpecRuntimeAsyncHTTPClient", targets: ["SpecRuntimeAsyncHTTPClient"]),
        .library(name: "SpecRuntimeOpenAPI", targets: ["SpecRuntimeOpenAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession.git", from: "1.4.0"),
    ],
    targets: [
        // Stage 0: the system libyaml, behind a C module of its own.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Shared by every stage: source locations and compiler-style diagnostics.
        .target(name: "SpecDiagnostics"),
        // ECMA-262 patterns matched in linear time (no backtracking), for `pattern` checks.
        .target(name: "LinearRegex"),
        // Concepts the generator and the runtime share: string formats, text escaping.
        .target(name: "SpecCore", dependencies: ["LinearRegex"]),
        // Stage 1: YAML/JSON text to a node tree with locations.
        .target(name: "YAMLReader", dependencies: ["CYAML", "SpecDiagnostics"]),
        // Stage 2: the node tree to a resolved, checked OpenAPI model.
        .target(name: "OpenAPIModel", dependencies: ["YAMLReader", "SpecDiagnostics", "LinearRegex", "SpecCore"]),
        // A small structured Swift representation and its one renderer, for stage 3.
        .target(name: "SwiftSource", dependencies: ["SpecCore"]),
        // Stage 3: the checked model to Swift source files.
        .target(name: "SwiftEmitter", dependencies: ["OpenAPIModel", "SpecDiagnostics", "SwiftSource", "SpecCore"]),
        // One run's configuration: defaults, the config file, command-line overrides, and when
        // diagnostics fail the run. The JSON Schema of the config file is documentation, not source.
        .target(
            name: "CodegenConfig",
            dependencies: ["YAMLReader", "OpenAPIModel", "SwiftEmitter", "SwiftSource", "SpecDiagnostics"],
            exclude: ["spec-codegen.schema.json"]
        ),
        // The command line over the three stages; the only place that touches the file system.
        .executableTarget(
            name: "spec-codegen",
            dependencies: [
                "YAMLReader", "OpenAPIModel", "SwiftEmitter", "SpecDiagnostics", "CodegenConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The small library generated code calls: validation, dates, transport, retries, webhooks.
        .target(
            name: "SpecRuntime",
            dependencies: [
                "LinearRegex",
                "SpecCore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The SDK generated from spec/, committed and checked fresh by CI.
        .target(
            name: "KallglotAPI",
            dependencies: ["SpecRuntime"],
            path: "Generated",
            // Generated code must raise no warning of its own (SwiftPM ignores this for remote dependents).
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
        // Contract tests over recorded HAR exchanges, for any spec and its generated contract table.
        .target(
            name: "Conformance",
            dependencies: ["OpenAPIModel", "YAMLReader", "SpecRuntime", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .executableTarget(
            name: "spec-conformance",
            dependencies: ["Conformance", "KallglotAPI", "OpenAPIModel", "SpecRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The AsyncHTTPClient transport, a product of its own so that others never build it.
        .target(
            name: "SpecRuntimeAsyncHTTPClient",
            dependencies: [
                "SpecRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // swift-openapi-runtime's transports and middlewares under generated clients: a product of
        // its own, so that only its users build OpenAPIRuntime.
        .target(
            name: "SpecRuntimeOpenAPI",
            dependencies: [
                "SpecRuntime",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "SpecRuntimeOpenAPITests",
            dependencies: [
                "SpecRuntimeOpenAPI", "SpecRuntime", "GoldenBodiesAndMedia", "LoopbackServer",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),

        // Generation at build time from a target's own spec, and a command to refresh Generated/.
        .plugin(name: "SpecCodegenPlugin", capability: .buildTool(), dependencies: ["spec-codegen"]),
        .plugin(
            name: "GenerateCode",
            capability: .command(
                intent: .custom(
                    verb: "spec-codegen-generate",
                    description: "Generate Swift from a target's OpenAPI document (--target T), or spec/openapi.yaml into Generated/"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift files into the package")]
            ),
            dependencies: ["spec-codegen"]
        ),

        .executableTarget(name: "yaml-reader-bench", dependencies: ["YAMLReader"], path: "Sources/Benchmarks/YAMLReaderBench"),
        .executableTarget(
            name: "codegen-bench",
            dependencies: ["YAMLReader", "OpenAPIModel", "SwiftEmitter", "KallglotAPI"],
            path: "Sources/Benchmarks/CodegenBench"
        ),

        // Fuzz targets for libFuzzer (scripts/fuzz.sh), and the binary that runs or replays them.
        .target(
            name: "FuzzTargets",
            dependencies: [
                "YAMLReader", "OpenAPIModel", "SwiftEmitter", "SpecDiagnostics", "Conformance", "SpecRuntime", "KallglotAPI", "LinearRegex",
                "SpecCore", "GoldenSchemaSuiteIndex", "GoldenModelIndex", "GoldenClientPollingWebhooks", "GoldenIndependentSpec",
            ]
        ),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "spec-fuzz", dependencies: ["FuzzTargets", "CFuzzerDriver"]),

        .testTarget(name: "YAMLReaderTests", dependencies: ["YAMLReader"], resources: [.copy("Inputs")]),
        .testTarget(name: "LinearRegexTests", dependencies: ["LinearRegex"], resources: [.copy("Inputs")]),
        .testTarget(
            name: "OpenAPIModelTests", dependencies: ["OpenAPIModel", "SpecCore", "YAMLReader", "SpecDiagnostics"],
            exclude: ["Diagnostics", "JSONSchemaSuite", "MultiFile"]),
        .testTarget(name: "SwiftEmitterTests", dependencies: ["SwiftEmitter", "OpenAPIModel", "SwiftSource", "SpecDiagnostics", "SpecCore", "SpecRuntime"]),
        .testTarget(
            name: "CodegenConfigTests",
            dependencies: ["CodegenConfig", "SwiftEmitter", "SpecDiagnostics", "YAMLReader", "OpenAPIModel"],
            resources: [.copy("Inputs")]
        ),
        // The golden outputs are compiled too, so that a golden file that does not compile fails the build.
        // Warnings are errors in them: generated code must build warning-free.
        .target(
            name: "GoldenObjectsAndOptionality", dependencies: ["SpecRuntime"], path: "Tests/Golden/objects-and-optionality",
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
        .target(
            name: "GoldenEnumsAndUnions", dependencies: ["SpecRuntime"], path: "Tests/Golden/enums-and-unions",
            // Untagged unions (decoding that validates each candidate) under main-actor default isolation too.
            swiftSettings: [.defaultIsolation(MainActor.self), .treatAllWarnings(as: .error)]
        ),
        // Bodies of every common media type: text, binary, form, multipart, vendor JSON, wildcards;
        // under main-actor default isolation.
        .target(
            name: "GoldenBodiesAndMedia", dependencies: ["SpecRuntime"], path: "Tests/Golden/bodies-and-media",
            swiftSettings: [.defaultIsolation(MainActor.self), .treatAllWarnings(as: .error)]
        ),
        // Polling and webhooks under main-actor default isolation (SE-0466), as in a new app target.
        .target(
            name: "GoldenClientPollingWebhooks",
            dependencies: ["SpecRuntime"],
            path: "Tests/Golden/client-polling-webhooks",
            swiftSettings: [.defaultIsolation(MainActor.self), .treatAllWarnings(as: .error)]
        ),
        // What users of the generated models rely on at run time, checked on the golden output.
        .testTarget(
            name: "GoldenBehaviourTests",
            dependencies: [
                "GoldenObjectsAndOptionality", "GoldenClientPollingWebhooks", "GoldenBodiesAndMedia", "GoldenEnumsAndUnions", "SpecRuntime",
                "SpecRuntimeAsyncHTTPClient", "LoopbackServer",
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/GoldenUsage/Behaviour"),
        // Code an app would write against the polling golden, under main-actor default isolation.
        .target(
            name: "GoldenMainActorApp",
            dependencies: ["GoldenClientPollingWebhooks", "SpecRuntime"],
            path: "Tests/GoldenUsage/MainActorApp",
            swiftSettings: [.defaultIsolation(MainActor.self), .treatAllWarnings(as: .error)]
        ),
        // An independently written spec of the same API; compiled with main-actor default isolation
        // (SE-0466, the default of new app targets) to prove generated code does not depend on it.
        .target(
            name: "GoldenIndependentSpec",
            dependencies: ["SpecRuntime"],
            path: "Tests/Golden/independent-3.0-spec",
            swiftSettings: [.defaultIsolation(MainActor.self), .treatAllWarnings(as: .error)]
        ),
        // Every JSON Schema case file's instance through the validators generated for its schema.
        .target(
            name: "GoldenJSONSchemaSuite", dependencies: ["SpecRuntime"], path: "Tests/Golden/json-schema-suite",
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
        // The generated type of each named schema of the goldens without a client, derived from the
        // emitter's plan by GoldenModelIndexTests; for the differential fuzz target.
        .target(
            name: "GoldenModelIndex", dependencies: ["GoldenObjectsAndOptionality", "GoldenEnumsAndUnions", "SpecRuntime"],
            path: "Tests/GoldenUsage/ModelIndex"),
        // Each case group's holder type and its check, derived beside the suite spec; shared by the
        // suite's test and the differential fuzz target.
        .target(
            name: "GoldenSchemaSuiteIndex", dependencies: ["GoldenJSONSchemaSuite", "SpecRuntime"],
            path: "Tests/GoldenUsage/SchemaSuiteIndex"),
        .testTarget(
            name: "GoldenSchemaSuiteTests", dependencies: ["GoldenSchemaSuiteIndex", "GoldenJSONSchemaSuite", "SpecRuntime", "SpecCore"],
            path: "Tests/GoldenUsage/SchemaSuite"),
        .testTarget(name: "ConformanceTests", dependencies: ["Conformance", "KallglotAPI", "OpenAPIModel", "SpecRuntime"]),
        .testTarget(name: "SpecRuntimeTests", dependencies: ["SpecRuntime", "SpecCore"]),
        // Replays the fuzz corpora and every saved crash as ordinary tests.
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
        // A small SwiftNIO HTTP server on loopback, for client tests over real sockets.
        .target(
            name: "LoopbackServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/Support/LoopbackServer"
        ),
        .testTarget(
            name: "KallglotAPITests",
            dependencies: ["KallglotAPI", "SpecRuntime", "SpecRuntimeAsyncHTTPClient", "LoopbackServer", .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
