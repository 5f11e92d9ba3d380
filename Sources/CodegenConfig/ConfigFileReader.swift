import OpenAPIModel
import SpecDiagnostics
import SwiftEmitter
import YAMLReader

extension GeneratorConfiguration {
    /// Reads the config file at `path` over the built-in defaults. A file with no document (empty,
    /// or only comments) gives the defaults. Every problem of the file is a located diagnostic,
    /// all of them thrown together (sorted for display); nothing is half-applied.
    public static func load(contentsOf path: String) throws(DiagnosticError) -> GeneratorConfiguration {
        try read(YAMLParser().readOptionalDocument(contentsOf: path))
    }

    /// Reads a config file's text like ``load(contentsOf:)``; `file` is the name used in locations.
    public static func parse(_ text: String, file: String = "<string>") throws(DiagnosticError) -> GeneratorConfiguration {
        try read(YAMLParser().parseOptionalDocument(text, file: file))
    }

    private static func read(_ root: YAMLNode?) throws(DiagnosticError) -> GeneratorConfiguration {
        var reader = ConfigFileReader()
        if let root { reader.read(root) }
        if !reader.diagnostics.isEmpty { throw DiagnosticError(reader.diagnostics.sortedForDisplay()) }
        return reader.configuration
    }
}

/// Reads a config file's node tree into a ``GeneratorConfiguration``, collecting a diagnostic for
/// every key or value it cannot use and going on with the next one.
struct ConfigFileReader {
    private(set) var configuration = GeneratorConfiguration()
    private(set) var diagnostics: [Diagnostic] = []

    private static let knownKeys = GeneratorConfiguration.fileKeys.sorted().joined(separator: ", ")
    private static let knownLimits = GeneratorConfiguration.limitKeys.sorted().joined(separator: ", ")
    private static let accessLevels = EmitterOptions.AccessLevel.allCases.map(\.rawValue).joined(separator: ", ")

    mutating func read(_ root: YAMLNode) {
        // A document of only `---` or `~` sets nothing, like an empty file.
        if root.scalar?.value == .null { return }
        guard let entries = root.mapping else {
            return problem("the config file must be a mapping of settings (known: \(Self.knownKeys)); found \(Self.found(root))", at: root)
        }
        for entry in entries {
            guard let name = entry.key.string, let key = ConfigKey(rawValue: name) else {
                unknownKey(entry.key)
                continue
            }
            switch key {
            case .accessLevel: readAccessLevel(entry.value)
            case .clientName: readClientName(entry.value)
            case .nameOverrides: readNameOverrides(entry.value)
            case .warningsAsErrors, .strict: readWarningsAsErrors(entry.value, key: name)
            case .limits: readLimits(entry.value)
            case .filter: readFilter(entry.value)
            }
        }
    }

    private mutating func unknownKey(_ key: YAMLNode) {
        let name = key.string ?? key.description
        var message = "unknown config key '\(SwiftIdentifier.excerpt(name))'"
        if GeneratorConfiguration.limitKeys.contains(name) {
            message += "; '\(name)' is a limit, it goes under 'limits'"
        } else if key.string != nil, let suggestion = KeySuggestion.closest(to: name, in: GeneratorConfiguration.fileKeys) {
            message += "; did you mean '\(suggestion)'?"
        }
        problem(message + " (known: \(Self.knownKeys))", at: key)
    }

    private mutating func readAccessLevel(_ value: YAMLNode) {
        guard let text = value.string, let level = EmitterOptions.AccessLevel(rawValue: text) else {
            return problem("'accessLevel' must be one of \(Self.accessLevels); found \(Self.found(value))", at: value)
        }
        configuration.accessLevel = level
    }

    private mutating func readClientName(_ value: YAMLNode) {
        if let name = swiftName(value, what: "'clientName'") { configuration.clientName = name }
    }

    private mutating func readNameOverrides(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            return problem(
                "'nameOverrides' must be a mapping from a schema's JSON Pointer (such as '#/components/schemas/Analysis') or an operationId to a Swift name; found \(Self.found(value))",
                at: value)
        }
        var overrides: [String: String] = [:]
        for entry in entries {
            guard let target = entry.key.string, !target.isEmpty else {
                problem(
                    "a key of 'nameOverrides' must be a schema's JSON Pointer or an operationId, a non-empty string; found \(Self.found(entry.key))",
                    at: entry.key)
                continue
            }
            if let name = swiftName(entry.value, what: "the override of '\(SwiftIdentifier.excerpt(target))'") {
                overrides[target] = name
            }
        }
        configuration.nameOverrides = overrides
    }

    /// `filter: {tags: […], operations: […], paths: […]}`, each a list of strings.
    private mutating func readFilter(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            return problem("'filter' must be a mapping with 'tags', 'operations' and/or 'paths'; found \(Self.found(value))", at: value)
        }
        var filter = OperationFilter()
        for entry in entries {
            let key = entry.key.string ?? ""
            guard ["tags", "operations", "paths"].contains(key) else {
                problem("unknown key '\(SwiftIdentifier.excerpt(key))' in 'filter' (known: tags, operations, paths)", at: entry.key)
                continue
            }
            let names = entry.value.sequence?.compactMap(\.string)
            guard let names, names.count == entry.value.sequence?.count else {
                problem("'filter.\(key)' must be a list of strings; found \(Self.found(entry.value))", at: entry.value)
                continue
            }
            switch key {
            case "tags": filter.tags = names
            case "operations": filter.operationIDs = names
            default: filter.paths = names
            }
        }
        configuration.filter = filter
    }

    /// `strict` and `warningsAsErrors` are one setting under two names.
    private mutating func readWarningsAsErrors(_ value: YAMLNode, key: String) {
        guard case .bool(let flag)? = value.scalar?.value else {
            var message = "'\(key)' must be true or false; found \(Self.found(value))"
            if let text = value.string, ["yes", "no", "on", "off"].contains(text.lowercased()) {
                message += " (YAML 1.2 reads yes, no, on and off as strings)"
            }
            return problem(message, at: value)
        }
        configuration.warningsAsErrors = flag
    }

    private mutating func readLimits(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            return problem("'limits' must be a mapping of limits to positive integers (known: \(Self.knownLimits)); found \(Self.found(value))", at: value)
        }
        for entry in entries {
            guard let name = entry.key.string, let limit = LimitKey(rawValue: name) else {
                let name = entry.key.string ?? entry.key.description
                var message = "unknown limit '\(SwiftIdentifier.excerpt(name))'"
                if entry.key.string != nil, let suggestion = KeySuggestion.closest(to: name, in: GeneratorConfiguration.limitKeys) {
                    message += "; did you mean '\(suggestion)'?"
                }
                problem(message + " (known: \(Self.knownLimits))", at: entry.key)
                continue
            }
            guard case .int(let count)? = entry.value.scalar?.value, count > 0 else {
                problem("limit '\(name)' must be a positive integer; found \(Self.found(entry.value))", at: entry.value)
                continue
            }
            configuration[keyPath: limit.keyPath] = count
        }
    }

    /// The Swift name `value` holds, or `nil` after reporting why it is not one.
    private mutating func swiftName(_ value: YAMLNode, what: String) -> String? {
        guard let name = value.string else {
            problem("\(what) must be a string, a Swift identifier; found \(Self.found(value))", at: value)
            return nil
        }
        if let reason = SwiftIdentifier.problem(with: name) {
            problem("\(what) must be a Swift identifier: \(reason)", at: value)
            return nil
        }
        return name
    }

    private mutating func problem(_ message: String, at node: YAMLNode) {
        diagnostics.append(.error(message, at: node.location))
    }

    /// What a node is, for "found ..." in messages: a string quoted, another scalar as written,
    /// a collection by its kind.
    static func found(_ node: YAMLNode) -> String {
        switch node.scalar?.value {
        case .string(let text)?: "'\(SwiftIdentifier.excerpt(text))'"
        case .null?: "nothing (null)"
        case .bool?, .int?, .float?: SwiftIdentifier.excerpt(node.scalar?.text ?? "")
        case nil: node.kindName
        }
    }
}
