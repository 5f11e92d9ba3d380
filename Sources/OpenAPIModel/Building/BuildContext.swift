import SpecCore
import SpecDiagnostics
import YAMLReader

// Not all of Foundation where FoundationEssentials exists: loading Foundation and ICU would cost each run ~8 ms.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Shared state of one model build: the document, the diagnostics found so far, and the named
/// schemas built so far (built lazily, so that `allOf` can merge a schema defined further down).
final class BuildContext {
    let root: YAMLNode
    let file: String
    /// OpenAPI 3.0 documents allow `nullable` and boolean `exclusiveMinimum`.
    var isOpenAPI30 = false
    /// Every finding once, in the order first found; one reached again (a shared component used
    /// by many operations) says how often instead of repeating itself.
    var diagnostics: [Diagnostic] {
        zip(found, counts).map { diagnostic, count in
            guard count > 1 else { return diagnostic }
            var repeated = diagnostic
            repeated.message += " (reached \(count) times, through every use of it)"
            return repeated
        }
    }
    private var found: [Diagnostic] = []
    private var counts: [Int] = []
    private var positions: [Diagnostic: Int] = [:]
    var namedSchemas: [String: Schema] = [:]
    var schemasInProgress: Set<String> = []
    let limits: ModelLimits
    /// Named schemas being merged into one another through `allOf` right now.
    var allOfDepth = 0
    /// Set when a ``ModelLimits`` bound was crossed: the spec is refused, and the work that
    /// would only add consequences of the same problem (further merges, the checks) is skipped.
    var limitExceeded = false

    /// The nodes of `#/components/schemas` by name: references are resolved in constant time.
    let componentSchemaNodes: [String: YAMLNode]
    /// The JSON Schema of each schema node read so far, by the node's place.
    var jsonSchemas: [SourceLocation: JSONSchema] = [:]
    /// The target of every local `$ref` met, by the reference as written.
    var schemaRegistry = SchemaRegistry()
    /// References whose targets are still to be built into ``schemaRegistry``, in the order met.
    var referenceQueue: [String] = []
    /// The `allOf` members being built: a typeless member with `properties` is read as an object
    /// there, as another member (or the `allOf` itself) makes the value an object.
    var allOfMembers: Set<SourceLocation> = []
    var pendingReferences: Set<String> = []
    /// Every `operationId` the document declares and every one synthesized so far, so that a
    /// synthesized one never takes a name already in use.
    var claimedOperationIDs: Set<String> = []

    /// `base`, or `base_2`, `base_3`… when that is taken; the result is claimed.
    func claimSynthesizedOperationID(_ base: String) -> String {
        var candidate = base
        var suffix = 2
        while claimedOperationIDs.contains(candidate) {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        claimedOperationIDs.insert(candidate)
        return candidate
    }
    /// Schema nodes with an `$anchor`, by the anchor; found on first use.
    private var anchors: [String: YAMLNode]?

    init(root: YAMLNode, file: String, limits: ModelLimits = .default) {
        self.root = root
        self.file = file
        self.limits = limits
        var nodes: [String: YAMLNode] = [:]
        for entry in root["components"]?["schemas"]?.mapping ?? [] {
            if let name = entry.key.scalar?.text, nodes[name] == nil { nodes[name] = entry.value }
        }
        self.componentSchemaNodes = nodes
    }

    func error(_ message: String, at node: YAMLNode) {
        record(.error(message, at: node.location))
    }

    func warning(_ message: String, at node: YAMLNode) {
        record(.warning(message, at: node.location))
    }

    private func record(_ diagnostic: Diagnostic) {
        if let position = positions[diagnostic] {
            counts[position] += 1
        } else {
            positions[diagnostic] = found.count
            found.append(diagnostic)
            counts.append(1)
        }
    }

    func append(_ diagnostic: Diagnostic) {
        record(diagnostic)
    }

    /// The mapping entries of `node`, or an error saying what was expected.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLMappingEntry]? {
        if let entries = node.mapping { return entries }
        error("\(what) must be a mapping, found \(node.kindName)", at: node)
        return nil
    }

    func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        if let text = node.string { return text }
        // Numbers and booleans written unquoted are still meant as text in names and versions.
        if let scalar = node.scalar, scalar.value != .null { return scalar.text }
        error("\(what) must be a string, found \(node.kindName)", at: node)
        return nil
    }

    func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if case .bool(let value)? = node.scalar?.value { return value }
        error("\(what) must be true or false, found \(node.kindName)", at: node)
        return nil
    }

    func nonNegativeInt(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let node else { return nil }
        if case .int(let value)? = node.scalar?.value, value >= 0 { return value }
        error("\(what) must be a non-negative integer, found \(node.description)", at: node)
        return nil
    }

    func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let node else { return nil }
        switch node.scalar?.value {
        case .int(let value)?: return Double(value)
        case .float(let value)? where value.isFinite: return value
        default:
            error("\(what) must be a number, found \(node.description)", at: node)
            return nil
        }
    }

    /// Reports every key of `entries` that is neither in `known` nor an `x-` extension.
    func rejectUnknownKeys(
        _ entries: [YAMLMappingEntry], known: Set<String>, in what: String,
        notGenerated: [String: String] = [:]
    ) {
        for entry in entries {
            guard let key = entry.key.string else {
                error("\(what) keys must be strings", at: entry.key)
                continue
            }
            if let reason = notGenerated[key] {
                warning("'\(key)' in \(what) is not generated: \(reason)", at: entry.key)
            } else if !known.contains(key) && !key.hasPrefix("x-") {
                error("'\(key)' in \(what) is not supported by this generator", at: entry.key)
            }
        }
    }

    /// Keys that change nothing in the generated API: read past with a warning saying what is not generated.
    static let notGenerated: [String: String] = [
        "callbacks": "the client does not serve callback requests",
        "links": "links between operations are documentation here",
    ]

    /// The node a local reference (`#/components/parameters/Id`) points to.
    func resolveReference(_ reference: String, at node: YAMLNode) -> YAMLNode? {
        guard reference.hasPrefix("#/") else {
            error("only local references ('#/...') are supported, found '\(reference)'", at: node)
            return nil
        }
        var current: YAMLNode? = root
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            current = current?[PointerToken.unescaped(token)]
        }
        if current == nil { error("unresolved reference '\(reference)'", at: node) }
        return current
    }

    /// The node a local reference names, without a diagnostic when it names none: a JSON Pointer
    /// from the document's root (`#/components/schemas/A/$defs/b`) or an `$anchor` (`#name`).
    func node(at reference: String) -> YAMLNode? {
        guard reference.hasPrefix("#") else { return nil }
        let fragment = reference.dropFirst()
        if fragment.isEmpty { return root }
        guard fragment.hasPrefix("/") else { return anchorNodes()[String(fragment)] }
        var current: YAMLNode? = root
        for token in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = PercentDecoding.decodedPointerToken(token)
            if let items = current?.sequence {
                current = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
            } else {
                current = current?[key]
            }
        }
        return current
    }

    private func anchorNodes() -> [String: YAMLNode] {
        if let anchors { return anchors }
        var found: [String: YAMLNode] = [:]
        var pending = [root]
        while let node = pending.popLast() {
            if let entries = node.mapping {
                if let anchor = node["$anchor"]?.string, found[anchor] == nil { found[anchor] = node }
                pending += entries.map(\.value)
            } else if let items = node.sequence {
                pending += items
            }
        }
        anchors = found
        return found
    }

    /// Follows `$ref` chains for parameters, responses, headers and request bodies, which may not
    /// be recursive.
    func dereference(_ node: YAMLNode, expectedPrefix: String) -> YAMLNode? {
        var current = node
        var seen: Set<String> = []
        while let refNode = current["$ref"] {
            guard let reference = refNode.string else {
                error("$ref must be a string", at: refNode)
                return nil
            }
            if !reference.hasPrefix(expectedPrefix) {
                // OpenAPI says where such a reference points; one elsewhere is read as what it should be.
                warning("reference '\(reference)' points outside '\(expectedPrefix)'; its target is read as one of those", at: refNode)
            }
            guard seen.insert(reference).inserted else {
                error("reference cycle through '\(reference)'", at: refNode)
                return nil
            }
            guard let target = resolveReference(reference, at: refNode) else { return nil }
            current = target
        }
        return current
    }
}

extension JSONLiteral {
    /// The JSON value of a node read by ``YAMLReader`` (JSON text reads as YAML).
    public init(_ node: YAMLNode) {
        self = node.jsonLiteral
    }
}

extension YAMLNode {
    /// The JSON value of a node, for `default`, `example`, `enum` and `const`.
    var jsonLiteral: JSONLiteral {
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: .null
            case .bool(let value): .bool(value)
            case .int(let value): .integer(value)
            case .float(let value): .number(value)
            case .string(let value): .string(value)
            }
        case .sequence(let items): .array(items.map(\.jsonLiteral))
        case .mapping(let entries): .object(entries.map { (key: $0.key.scalar?.text ?? $0.key.description, value: $0.value.jsonLiteral) })
        }
    }
}

extension Schema {
    /// Adds an example value and where it is written.
    mutating func addExample(_ node: YAMLNode) {
        examples.append(node.jsonLiteral)
        exampleLocations.append(node.location)
    }
}
