import SpecCore

/// The `$ref` targets of a generated module's ``EmbeddedSchema``s, embedded as canonical JSON
/// text and read once, on first use.
@_spi(Generated) public struct EmbeddedSchemaRegistry: Sendable {
    let registry: SchemaRegistry
    /// Why the text could not be read; generated text always reads, but a hand-edited file may not.
    let problem: String?

    public init(_ json: String) {
        do {
            registry = SchemaRegistry(jsonLiteral: try JSONParser().parse(json))
            problem = nil
        } catch {
            registry = SchemaRegistry()
            problem = error.description
        }
    }
}

/// A JSON Schema embedded by generated code where the Swift type of a value cannot carry its
/// keywords (a value held as ``JSONValue``: typeless, mixed types, non-string `enum`/`const`,
/// `type: "null"`). Validators evaluate the value against it with the evaluator the generator
/// checks examples with, so both mean the same by every keyword.
@_spi(Generated) public struct EmbeddedSchema: Sendable {
    let schema: JSONSchema
    let evaluator: SchemaEvaluator
    let problem: String?

    public init(_ json: String, registry: EmbeddedSchemaRegistry) {
        evaluator = SchemaEvaluator(registry: registry.registry)
        do {
            schema = JSONSchema(jsonLiteral: try JSONParser().parse(json))
            problem = registry.problem
        } catch {
            schema = .anything
            problem = error.description
        }
    }
}

extension ValidationContext {
    /// Reports every keyword of `schema` that `value` breaks, each at its pointer below the
    /// current path. An unreadable embedded schema is itself reported: nothing passes unchecked.
    @_spi(Generated) public mutating func evaluate(_ value: JSONValue, against schema: EmbeddedSchema) {
        if let problem = schema.problem {
            report("schema", limit: "embedded schema", actual: "unreadable (\(problem))")
            return
        }
        for failure in schema.evaluator.failures(of: value.jsonLiteral, against: schema.schema) {
            report(
                failure.keyword, limit: failure.limit, actual: failure.actual,
                below: failure.path.map {
                    switch $0 {
                    case .key(let key): .key(key)
                    case .index(let index): .index(index)
                    }
                })
        }
    }
}

extension ValidationContext {
    /// Reports every keyword of `schema` that the JSON `value` encodes to breaks (a typed value
    /// whose schema narrows it with keywords its type does not carry).
    @_spi(Generated) public mutating func evaluateEncoding(_ value: some Encodable, against schema: EmbeddedSchema) {
        do {
            evaluate(try JSONValue(encoding: value), against: schema)
        } catch {
            report("schema", limit: "a JSON value", actual: "the value does not encode as JSON (\(error))")
        }
    }
}

extension JSONValue {
    /// The same JSON as the shared core's literal (object members in key order).
    var jsonLiteral: JSONLiteral {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .number(let value): .number(value)
        case .string(let value): .string(value)
        case .array(let items): .array(items.map(\.jsonLiteral))
        case .object(let members): .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.jsonLiteral) })
        }
    }
}
