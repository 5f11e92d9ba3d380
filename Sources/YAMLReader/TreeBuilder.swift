import CYAML
import SpecDiagnostics

/// Builds a node tree from libyaml's event stream with an explicit stack (no recursion, so deep
/// input cannot overflow the call stack), checking duplicate keys and the reader's limits.
struct TreeBuilder {
    /// A collection being read. Kept as one flat struct (not an enum with payloads) so that
    /// appending to the top of the stack mutates in place instead of copying the frame.
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        var pendingKey: YAMLNode?
        /// Keys seen so far, for the duplicate check; filled only for large mappings, where a
        /// scan of `entries` would cost more than hashing.
        var keyIndex: [String: SourceLocation] = [:]
        var tag: String?
        var anchor: String?
        var location: SourceLocation
        var nodeCount = 1
    }

    private static let scanLimit = 16

    private let file: String
    private let limits: ReaderLimits
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, nodeCount: Int)] = [:]
    private var totalNodes = 0
    private var aliasExpansion = 0
    /// The document's root once read; `nil` until then, and for a stream with no document.
    private(set) var root: YAMLNode?
    private var documentCount = 0
    /// Findings that do not stop the reading (duplicate keys), reported together at the end.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, limits: ReaderLimits) {
        self.file = file
        self.limits = limits
    }

    func location(of mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// Takes one event; throws when the document cannot be read further.
    mutating func consume(_ event: yaml_event_t) throws(DiagnosticError) {
        let location = location(of: event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                throw DiagnosticError(
                    .error(
                        "expected a single document, but the stream holds another one starting here",
                        at: location))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let length = Int(scalar.length)
            if length > limits.maxScalarBytes {
                throw DiagnosticError(
                    .error(
                        "scalar of \(length) bytes is longer than the limit of \(limits.maxScalarBytes) bytes (maxScalarBytes)",
                        at: location))
            }
            let text =
                scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                } ?? ""
            let tag = Self.string(scalar.tag)
            let style = Self.style(scalar.style)
            guard let value = ScalarResolution.resolve(text, plain: style == .plain, tag: tag) else {
                throw DiagnosticError(.error("'\(Self.excerpt(text))' is not a valid value for tag \(tag ?? "")", at: location))
            }
            let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style, value: value)), tag: tag, location: location)
            try complete(node, subtreeCount: 1, newNodes: 1, anchor: Self.string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let (aliased, count) = anchors[name] else {
                throw DiagnosticError(.error("alias '*\(name)' refers to no anchor defined before it", at: location))
            }
            aliasExpansion += count
            if aliasExpansion > limits.maxAliasExpansion {
                throw DiagnosticError(
                    .error(
                        "aliases expand to more than \(limits.maxAliasExpansion) nodes; refusing a document that grows exponentially (\"billion laughs\"; maxAliasExpansion)",
                        at: location))
            }
            var node = aliased
            node.location = location
            try complete(node, subtreeCount: count, newNodes: count, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try push(Frame(isMapping: false, tag: Self.string(start.tag), anchor: Self.string(start.anchor), location: location))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try push(Frame(isMapping: true, tag: Self.string(start.tag), anchor: Self.string(start.anchor), location: location))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content =
                frame.isMapping
                ? .mapping(try Self.applyingMergeKeys(frame.entries)) : .sequence(frame.items)
            try complete(
                YAMLNode(content, tag: frame.tag, location: frame.location),
                subtreeCount: frame.nodeCount, newNodes: 1, anchor: frame.anchor)
        default:
            break
        }
    }

    /// The document's root once the stream has ended; an error for an empty stream.
    func finish() throws(DiagnosticError) -> YAMLNode {
        guard let root else {
            throw DiagnosticError(
                .error(
                    "the file is empty: expected a YAML or JSON document",
                    at: SourceLocation(file: file, line: 1, column: 1)))
        }
        return root
    }

    private mutating func push(_ frame: Frame) throws(DiagnosticError) {
        if stack.count >= limits.maxDepth {
            throw DiagnosticError(
                .error(
                    "nesting is deeper than \(limits.maxDepth) levels; refusing to read further (maxDepth)", at: frame.location))
        }
        stack.append(frame)
    }

    /// Attaches a finished node to its parent. `subtreeCount` is the node with everything under
    /// it; `newNodes` is what it adds to the document's total (children were counted already).
    private mutating func complete(_ node: YAMLNode, subtreeCount: Int, newNodes: Int, anchor: String?) throws(DiagnosticError) {
        totalNodes += newNodes
        if totalNodes > limits.maxNodes {
            throw DiagnosticError(.error("the document has more than \(limits.maxNodes) nodes (maxNodes)", at: node.location))
        }
        if let anchor { anchors[anchor] = (node, subtreeCount) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].nodeCount += subtreeCount
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].entries.append(YAMLMappingEntry(key: key, value: node))
            stack[top].pendingKey = nil
            return
        }
        if let text = node.scalar?.text, !Self.isMergeKey(node) {
            if let first = Self.firstLocation(ofKey: text, at: node.location, in: &stack[top]) {
                diagnostics.append(
                    .error(
                        "duplicate key '\(Self.excerpt(text))' (first defined at \(first.lineAndColumn))", at: node.location))
            }
        }
        stack[top].pendingKey = node
    }

    /// Where `key` was first used in the mapping of `frame`, recording it when it is new.
    private static func firstLocation(ofKey key: String, at location: SourceLocation, in frame: inout Frame) -> SourceLocation? {
        if frame.entries.count < Self.scanLimit {
            for entry in frame.entries where entry.key.scalar?.text == key { return entry.key.location }
            return nil
        }
        if frame.keyIndex.isEmpty {
            for entry in frame.entries {
                if let text = entry.key.scalar?.text, frame.keyIndex[text] == nil { frame.keyIndex[text] = entry.key.location }
            }
        }
        if let first = frame.keyIndex[key] { return first }
        frame.keyIndex[key] = location
        return nil
    }

    private static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && scalar.text == "<<" && node.tag == nil
    }

    /// YAML merge keys (`<<: *base` or `<<: [*a, *b]`): keys written in the mapping win over
    /// merged ones, and earlier merged mappings win over later ones.
    private static func applyingMergeKeys(_ entries: [YAMLMappingEntry]) throws(DiagnosticError) -> [YAMLMappingEntry] {
        guard entries.contains(where: { isMergeKey($0.key) }) else { return entries }
        var result = entries.filter { !isMergeKey($0.key) }
        var present = Set(result.compactMap { $0.key.scalar?.text })
        for entry in entries where isMergeKey(entry.key) {
            let sources: [YAMLNode]
            switch entry.value.content {
            case .mapping: sources = [entry.value]
            case .sequence(let items): sources = items
            case .scalar:
                throw DiagnosticError(
                    .error(
                        "merge key '<<' needs a mapping or a sequence of mappings, found \(entry.value.kindName)",
                        at: entry.value.location))
            }
            for source in sources {
                guard let merged = source.mapping else {
                    throw DiagnosticError(
                        .error(
                            "merge key '<<' needs mappings, found \(source.kindName)", at: source.location))
                }
                for mergedEntry in merged {
                    let key = mergedEntry.key.scalar?.text
                    if let key, present.contains(key) { continue }
                    if let key { present.insert(key) }
                    result.append(mergedEntry)
                }
            }
        }
        return result
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// A bounded, single-line excerpt of user text for messages.
    static func excerpt(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: "\\n")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : oneLine
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
