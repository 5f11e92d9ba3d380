import Foundation
import PackagePlugin

/// Generates models, validators, client and webhooks at build time from the OpenAPI document in
/// a target (`openapi.yaml`, `openapi.yml` or `openapi.json`), with an optional
/// `spec-codegen.yaml` beside it. SwiftPM reruns the generator only when one of them, or a file
/// the spec's `$ref`s name, changes: they are the command's inputs, and the output files are
/// known before the spec is read (their number follows from the size of the spec's files).
@main
struct SpecCodegenPlugin: BuildToolPlugin {
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configNames = ["spec-codegen.yaml", ".spec-codegen.yaml"]
    /// The files `spec-codegen generate` always writes (`SwiftFileEmitter.fileNames`).
    static let outputNames = ["Models.swift", "Validators.swift", "Client.swift", "Webhooks.swift"]
    /// The ones it cuts into parts (`SwiftFileEmitter.splitFiles`): `Models.swift`, `Models.2.swift`, …
    static let splitOutputNames = ["Models.swift", "Validators.swift", "Client.swift"]
    /// Spec bytes per part of each split file: the plugin must name its outputs before the spec is
    /// read, so it chooses the number of parts from the size of the spec's files and passes it as
    /// `--parts` (large files compile slower per line, and parts compile in parallel).
    static let specBytesPerPart = 32 * 1024
    static let maximumParts = 64

    /// The number of parts for a spec whose files (root and referenced) total `byteCount` bytes.
    static func parts(forSpecBytes byteCount: Int) -> Int {
        min(maximumParts, 1 + byteCount / specBytesPerPart)
    }

    /// The files a run with `--parts parts` writes, as `SwiftFileEmitter.fileNames(parts:)` names them.
    static func outputNames(parts: Int) -> [String] {
        outputNames.flatMap { name in
            splitOutputNames.contains(name)
                ? (1...parts).map { $0 == 1 ? name : String(name.dropLast(".swift".count)) + ".\($0).swift" } : [name]
        }
    }

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
        let specFiles = [spec] + ReferencedFiles.of(spec)
        let specBytes = specFiles.reduce(0) { total, file in
            total + ((try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        }
        let parts = Self.parts(forSpecBytes: specBytes)
        var arguments = ["generate", spec.path, "--output", output.path, "--parts", String(parts)]
        if let config { arguments += ["--config", config.path] }
        return [
            .buildCommand(
                displayName: "Generating Swift from \(spec.lastPathComponent)",
                executable: tool,
                arguments: arguments,
                inputFiles: specFiles + (config.map { [$0] } ?? []),
                outputFiles: Self.outputNames(parts: parts).map { output.appending(path: $0) })
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
