import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory spec-codegen-generate [--target T] [spec] [output]`.
///
/// With `--target T`: generates from that target's own OpenAPI document (`openapi.yaml`,
/// `openapi.yml` or `openapi.json` in its folder, with its `spec-codegen.yaml` if any) into
/// `Generated/` inside the target's folder, for a package that commits its generated sources
/// rather than using the build plugin. Without: `spec` (default `spec/openapi.yaml`) into
/// `output` (default `Generated/`), paths relative to the package.
@main
struct GenerateCode: CommandPlugin {
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configNames = ["spec-codegen.yaml", ".spec-codegen.yaml"]

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let rest = extractor.remainingArguments
        let root = context.package.directoryURL
        let tool = try context.tool(named: "spec-codegen").url
        guard !targetNames.isEmpty else {
            let spec = rest.first.map { root.appending(path: $0) } ?? root.appending(path: "spec/openapi.yaml")
            let output = rest.dropFirst().first.map { root.appending(path: $0) } ?? root.appending(path: "Generated")
            try Self.run(tool, ["generate", spec.path, "--output", output.path])
            return
        }
        for target in try context.package.targets(named: targetNames) {
            guard let module = target as? SourceModuleTarget else { continue }
            let files = module.sourceFiles.map(\.url)
            guard let spec = files.first(where: { Self.specNames.contains($0.lastPathComponent) }) else {
                Diagnostics.error("target '\(target.name)' has no \(Self.specNames.joined(separator: ", "))")
                throw ExitError()
            }
            var arguments = ["generate", spec.path, "--output", module.directoryURL.appending(path: "Generated").path]
            if let config = files.first(where: { Self.configNames.contains($0.lastPathComponent) }) { arguments += ["--config", config.path] }
            try Self.run(tool, arguments)
        }
    }

    private static func run(_ tool: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("spec-codegen failed: \(arguments.joined(separator: " "))")
            throw ExitError()
        }
    }

    struct ExitError: Error {}
}
