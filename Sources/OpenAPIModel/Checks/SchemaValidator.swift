import SpecCore

/// A constraint broken by a JSON value, found by ``SchemaValidator``.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// A JSON Pointer into the value (`/analyses/1`, empty for the value itself).
    public var pointer: String
    public var keyword: String
    public var message: String

    public init(pointer: String, keyword: String, message: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.message = message
    }

    public var description: String { "\(pointer.isEmpty ? "(root)" : pointer): \(keyword): \(message)" }
}

/// Checks a JSON value against a schema of the model with JSON Schema 2020-12's meaning (the
/// shared ``SchemaEvaluator``), for `example`s and `default`s in the spec and for recorded traffic.
public struct SchemaValidator: Sendable {
    public let document: OpenAPIDocument
    private let evaluator: SchemaEvaluator

    public init(document: OpenAPIDocument) {
        self.document = document
        self.evaluator = SchemaEvaluator(registry: document.schemaRegistry)
    }

    public func violations(of value: JSONLiteral, against schema: Schema) -> [SchemaViolation] {
        evaluator.failures(of: value, against: schema.json).map {
            SchemaViolation(pointer: $0.pointer, keyword: $0.keyword, message: "\($0.limit) violated by \($0.actual)")
        }
    }
}
