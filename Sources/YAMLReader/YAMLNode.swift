import SpecDiagnostics

/// A node of a YAML (or JSON) document, with the place in the file it was read from.
///
/// Equality and hashing compare content and tag only, not locations: two nodes that say the
/// same thing are equal wherever they stand.
public struct YAMLNode: Sendable, Hashable, CustomStringConvertible {
    /// What a node holds.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Entries in document order.
        case mapping([YAMLMappingEntry])
    }

    public var content: Content
    /// The explicit tag as written in the document after handle expansion (`tag:yaml.org,2002:str`),
    /// or `nil` when the node had none.
    public var tag: String?
    public var location: SourceLocation

    public init(_ content: Content, tag: String? = nil, location: SourceLocation) {
        self.content = content
        self.tag = tag
        self.location = location
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.content == rhs.content && lhs.tag == rhs.tag
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
        hasher.combine(tag)
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The text of a scalar that resolved to a string; `nil` for anything else.
    public var string: String? {
        if case .scalar(let scalar) = content, case .string(let text) = scalar.value { return text }
        return nil
    }

    /// The entry of a mapping whose key is the string `key`.
    public func entry(forKey key: String) -> YAMLMappingEntry? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key.scalar?.text == key && $0.key.scalar?.value.isStringLike == true }
    }

    /// The value of a mapping's entry whose key is the string `key`.
    public subscript(key: String) -> YAMLNode? { entry(forKey: key)?.value }

    /// A short human name of the node's kind, for messages such as "expected a mapping, found a sequence".
    public var kindName: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(let scalar): scalar.value.kindName
        }
    }

    public var description: String {
        switch content {
        case .scalar(let scalar): scalar.text
        case .sequence(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let entries):
            "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// One key and value of a mapping; keys are nodes too, so that they keep their own location.
public struct YAMLMappingEntry: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar as written (`text`, `style`) and as resolved by the YAML 1.2 core schema (`value`).
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written; only plain scalars are resolved to non-strings.
    public enum Style: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style
    public var value: ScalarValue

    public init(text: String, style: Style, value: ScalarValue) {
        self.text = text
        self.style = style
        self.value = value
    }

    public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
        lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

/// The typed value of a scalar under the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    var isStringLike: Bool {
        if case .string = self { return true }
        return false
    }

    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        }
    }
}
