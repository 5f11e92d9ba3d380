/// One step into a JSON instance: an object member or an array element.
public enum InstancePathToken: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// One keyword a JSON instance breaks, found by ``SchemaEvaluator``.
public struct SchemaFailure: Hashable, Sendable, CustomStringConvertible {
    /// Where in the instance (empty for the instance itself).
    public var path: [InstancePathToken]
    /// The JSON Schema keyword (`minimum`, `oneOf`, `additionalProperties`, ...).
    public var keyword: String
    /// The constraint as written in the schema (`1`, `^a+$`, `status`).
    public var limit: String
    /// The offending value, or what about it breaks the keyword, as a bounded excerpt.
    public var actual: String

    public init(path: [InstancePathToken], keyword: String, limit: String, actual: String) {
        self.path = path
        self.keyword = keyword
        self.limit = limit
        self.actual = actual
    }

    /// The path as an RFC 6901 JSON Pointer (`/analyses/1`, empty for the instance itself).
    public var pointer: String {
        path.map { token in
            switch token {
            case .index(let index): "/\(index)"
            case .key(let key): "/" + key.replacing("~", with: "~0").replacing("/", with: "~1")
            }
        }.joined()
    }

    public var description: String {
        "\(pointer.isEmpty ? "(root)" : pointer): \(keyword) \(limit) violated by \(actual)"
    }
}
