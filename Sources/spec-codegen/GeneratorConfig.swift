import ArgumentParser
import Foundation
import SpecDiagnostics
import OpenAPIModel
import YAMLReader

/// The optional config file: `accessLevel`, `clientName` and `limits`, read with the same YAML
/// reader as specs, so that its mistakes are reported with their line and column.
struct GeneratorConfig {
    var accessLevel: String?
    var clientName: String?
    var readerLimits = ReaderLimits.default
    var modelLimits = ModelLimits.default

    static let fileNames = ["spec-codegen.yaml", ".spec-codegen.yaml"]

    static func load(explicit: String?, besideSpec spec: String) throws -> GeneratorConfig {
        let folder = (spec as NSString).deletingLastPathComponent
        let candidates = explicit.map { [$0] } ?? fileNames.map { (folder as NSString).appendingPathComponent($0) }
        guard let path = candidates.first(where: { explicit != nil || FileManager.default.fileExists(atPath: $0) }) else {
            return GeneratorConfig()
        }
        let root: YAMLNode
        do {
            root = try YAMLParser().read(contentsOf: path)
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
            case "limits"?: problems += config.readLimits(entry.value)
            default: problems.append(.error("unknown config key '\(entry.key.description)' (known: accessLevel, clientName, limits)", at: entry.key.location))
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

    /// The limit settings this file may change, each a positive integer.
    private static var limitKeys: [String: WritableKeyPath<GeneratorConfig, Int>] { [
        "maxInputBytes": \.readerLimits.maxInputBytes,
        "maxDepth": \.readerLimits.maxDepth,
        "maxNodes": \.readerLimits.maxNodes,
        "maxAliasExpansion": \.readerLimits.maxAliasExpansion,
        "maxScalarBytes": \.readerLimits.maxScalarBytes,
        "maxAllOfDepth": \.modelLimits.maxAllOfDepth,
    ] }

    private mutating func readLimits(_ node: YAMLNode) -> [Diagnostic] {
        guard let entries = node.mapping else { return [.error("'limits' must be a mapping", at: node.location)] }
        var problems: [Diagnostic] = []
        for entry in entries {
            guard let name = entry.key.string, let keyPath = Self.limitKeys[name] else {
                let known = Self.limitKeys.keys.sorted().joined(separator: ", ")
                problems.append(.error("unknown limit '\(entry.key.description)' (known: \(known))", at: entry.key.location))
                continue
            }
            guard case .int(let count)? = entry.value.scalar?.value, count > 0 else {
                problems.append(.error("limit '\(name)' must be a positive integer", at: entry.value.location))
                continue
            }
            self[keyPath: keyPath] = count
        }
        return problems
    }
}
