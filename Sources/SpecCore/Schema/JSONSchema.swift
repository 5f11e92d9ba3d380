/// A JSON Schema (draft 2020-12) as plain data: every assertion and applicator keyword the
/// validators understand, whatever Swift type the generator picks for the schema. One definition
/// for the generator (which checks the spec's examples and recorded traffic with it) and the
/// runtime (which checks values held as `JSONValue`, and keywords no Swift type expresses).
public indirect enum JSONSchema: Hashable, Sendable {
    /// `true` (anything is valid) or `false` (nothing is).
    case boolean(Bool)
    case keywords(SchemaKeywords)

    /// The schema that admits everything: `true`, or `{}`.
    public static let anything = JSONSchema.boolean(true)
}

/// A member of `properties`, `patternProperties` or `dependentSchemas`, in document order.
public struct NamedSubschema: Hashable, Sendable {
    public var name: String
    public var schema: JSONSchema

    public init(_ name: String, _ schema: JSONSchema) {
        self.name = name
        self.schema = schema
    }
}

/// The JSON types of the `type` keyword.
public enum JSONType: String, Hashable, Sendable, CaseIterable, Comparable {
    case null, boolean, object, array, number, integer, string

    public static func < (lhs: JSONType, rhs: JSONType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The keywords of an object schema. Absent keywords are `nil` (or empty), and impose nothing.
public struct SchemaKeywords: Hashable, Sendable {
    // Any instance.
    /// `type`, as a set (a single type is a set of one).
    public var types: [JSONType]?
    public var enumValues: [JSONLiteral]?
    public var constValue: JSONLiteral?
    /// `$ref`: a key of the ``SchemaRegistry`` the schema is evaluated with.
    public var reference: String?
    public var allOf: [JSONSchema]?
    public var anyOf: [JSONSchema]?
    public var oneOf: [JSONSchema]?
    public var not: JSONSchema?
    public var ifSchema: JSONSchema?
    public var thenSchema: JSONSchema?
    public var elseSchema: JSONSchema?

    // Numbers.
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?

    // Strings.
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    /// An asserted `format`; formats that are only annotations are not kept.
    public var format: StringFormat?

    // Arrays.
    public var prefixItems: [JSONSchema]?
    public var items: JSONSchema?
    public var contains: JSONSchema?
    public var minContains: Int?
    public var maxContains: Int?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool
    public var unevaluatedItems: JSONSchema?

    // Objects.
    public var properties: [NamedSubschema]
    public var patternProperties: [NamedSubschema]
    public var additionalProperties: JSONSchema?
    public var propertyNames: JSONSchema?
    public var required: [String]
    public var dependentRequired: [String: [String]]
    public var dependentSchemas: [NamedSubschema]
    public var minProperties: Int?
    public var maxProperties: Int?
    public var unevaluatedProperties: JSONSchema?

    public init() {
        uniqueItems = false
        properties = []
        patternProperties = []
        required = []
        dependentRequired = [:]
        dependentSchemas = []
    }

    /// Whether evaluating this schema needs the annotations of its subschemas
    /// (`unevaluatedProperties`/`unevaluatedItems`), so that they must be collected.
    var needsAnnotations: Bool { unevaluatedItems != nil || unevaluatedProperties != nil }
}

/// The schemas a `$ref` may name, by the reference text as written after resolution
/// (`#/components/schemas/Analysis`, `#/$defs/positive`, an `$anchor` as `#name`).
public struct SchemaRegistry: Hashable, Sendable {
    public var schemas: [String: JSONSchema]

    public init(_ schemas: [String: JSONSchema] = [:]) {
        self.schemas = schemas
    }

    public subscript(reference: String) -> JSONSchema? {
        get { schemas[reference] }
        set { schemas[reference] = newValue }
    }
}
