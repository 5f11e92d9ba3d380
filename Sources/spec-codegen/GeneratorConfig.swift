import ArgumentParser
import Foundation
import SpecDiagnostics
import YAMLReader

/// The optional config file: `accessLevel` and `clientName`, read with the same YAML reader as
/// specs, so that its mistakes are reported with their line and column.
struct GeneratorConfig {
    var accessLevel: String?
    var clientName: String?

    static let fileNames = ["spec-codegen.yaml", ".spec-codegen.yaml"]

    static func load(explicit: String?, besideSpec spec: String) throws -> GeneratorConfig {
        let folder = (spec as NSString).deletingLastPathComponent
        let candidates = explicit.map { [$0] } ?? fileNames.map { (folder as NSString).appendingPathComponent($0) }
        guard let path = candidates.first(where: { explicit != nil || FileManager.default.fileExists(atPath: $0) }) else {
            return GeneratorConfig()
        }
        let root: YAMLNode
        do {
            root = try YAMLReader().read(contentsOf: path)
        } catch {
            throw report(error.diagnostics)
        }
        guard let entries = root.mapping else {
            throw report([.error("the config file must be a mapping", at: root.location)])
        }
        var config = GeneratorConfig()
        var problems: [Diagnostic] = []
        for entry in entries {
            switch entry.key.string {
            case "accessLevel"?: config.accessLevel = entry.value.string
            case "clientName"?: config.clientName = entry.value.string
            default: problems.append(.error("unknown config key '\(entry.key.description)' (known: accessLevel, clientName)", at: entry.key.location))
            }
        }
        if !problems.isEmpty { throw report(problems) }
        return config
    }

    private static func report(_ diagnostics: [Diagnostic]) -> ExitCode {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        return ExitCode(1)
    }
}
