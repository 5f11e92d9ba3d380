import Foundation
import PackagePlugin

/// Generates models, validators, client and webhooks at build time from the OpenAPI document in
/// a target (`openapi.yaml`, `openapi.yml` or `openapi.json`), with an optional
/// `spec-codegen.yaml` beside it. SwiftPM reruns the generator only when one of them, or a file
/// the spec's `$ref`s name, changes: they are the command's inputs, and the four output files are
/// known before the spec is read.
@main
struct SpecCodegenPlugin: BuildToolPlugin {
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configNames = ["spec-codegen.yaml", ".spec-codegen.yaml"]
    /// The files `spec-codegen generate` always writes (`SwiftFileEmitter.fileNames`).
    static let outputNames = ["Models.swift", "Validators.swift", "Client.swift", "Webhooks.swift"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else { return [] }
        return try Self.commands(
            files: sourceTarget.sourceFiles.map(\.url), targetName: target.name,
            workDirectory: context.pluginWorkDirectoryURL, tool: context.tool(named: "spec-codegen").url)
    }

    /// The one generation command of a target whose files are `files`.
    static func commands(files: [URL], targetName: String, workDirectory: URL, tool: URL) throws -> [Command] {
        let specs = files.filter { Self.specNames.contains($0.lastPathComponent) }
        guard let spec = specs.first else {
            throw PluginError("target '\(targetName)' has no \(Self.specNames.joined(separator: ", ")) for spec-codegen")
        }
        if specs.count > 1 {
            throw PluginError("target '\(targetName)' has more than one OpenAPI document: \(specs.map(\.lastPathComponent).joined(separator: ", "))")
        }
        let config = files.first { Self.configNames.contains($0.lastPathComponent) }
        let output = workDirectory.appending(path: "GeneratedSources")
        var arguments = ["generate", spec.path, "--output", output.path]
        if let config { arguments += ["--config", config.path] }
        return [
            .buildCommand(
                displayName: "Generating Swift from \(spec.lastPathComponent)",
                executable: tool,
                arguments: arguments,
                inputFiles: [spec] + ReferencedFiles.of(spec) + (config.map { [$0] } ?? []),
                outputFiles: Self.outputNames.map { output.appending(path: $0) })
        ]
    }
}

#if canImport(XcodeProjectPlugin)
    import XcodeProjectPlugin

    /// The same generation for a target of an Xcode project (not a package): from the
    /// `openapi.yaml` among the target's files.
    extension SpecCodegenPlugin: XcodeBuildToolPlugin {
        func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
            try Self.commands(
                files: target.inputFiles.map(\.url), targetName: target.displayName,
                workDirectory: context.pluginWorkDirectoryURL, tool: context.tool(named: "spec-codegen").url)
        }
    }
#endif

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
