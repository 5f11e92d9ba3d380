import SpecCore
import SpecDiagnostics

/// A schema of the supported subset, resolved: `allOf` merged, parameters and responses inlined,
/// references to named schemas kept as ``Schema/Kind/reference(_:)`` so recursion stays finite.
public struct Schema: Hashable, Sendable {
    /// What values a schema admits.
    public indirect enum Kind: Hashable, Sendable {
        /// A named schema of `#/components/schemas`, by its key there.
        case reference(String)
        case object(ObjectSchema)
        case array(ArraySchema)
        case string(StringSchema)
        case integer(NumericSchema)
        case number(NumericSchema)
        case boolean
        /// A tagged union (`oneOf`/`anyOf` with a `discriminator`).
        case union(UnionSchema)
        /// An untagged union (`oneOf`/`anyOf` without a discriminator): one of several schemas,
        /// told apart by trying them in order.
        case choice(ChoiceSchema)
        /// Any JSON value (`{}` or a schema without `type`).
        case any
    }

    public var kind: Kind
    /// Whether `null` is admitted too (`type: [x, "null"]` or 3.0's `nullable: true`).
    public var isNullable: Bool
    public var description: String?
    public var isDeprecated: Bool
    public var defaultValue: JSONLiteral?
    /// `const` (a one-value enum) or `enum`, when the schema restricts values to a list.
    public var allowedValues: [JSONLiteral]?
    /// Whether the values list came from `const` (reported as keyword `const` when broken).
    public var isConst: Bool
    public var examples: [JSONLiteral]
    /// Where each of ``examples`` is written (same order), so that a finding points at it.
    public var exampleLocations: [SourceLocation] = []
    /// Where ``defaultValue`` is written.
    public var defaultLocation: SourceLocation?
    /// Where the schema is in the document, as a JSON Pointer (`#/components/schemas/Analysis`).
    public var pointer: String
    public var location: SourceLocation
    /// What the schema means to JSON Schema 2020-12, every keyword kept (the kind and the
    /// properties above are only what shapes the Swift type). `$ref`s in it name schemas of
    /// ``OpenAPIDocument/schemaRegistry``.
    public var json: JSONSchema
    /// Whether validation evaluates ``json`` as a whole against the value's JSON rather than
    /// checking the keywords of ``kind``: an `allOf` that narrows a typed member with keywords the
    /// type does not carry (`allOf: [{$ref: Count}, {maximum: 10}]`) keeps that member's type.
    public var evaluatesWhole = false

    public init(
        kind: Kind, isNullable: Bool = false, description: String? = nil, isDeprecated: Bool = false,
        defaultValue: JSONLiteral? = nil, allowedValues: [JSONLiteral]? = nil, isConst: Bool = false,
        examples: [JSONLiteral] = [], pointer: String, location: SourceLocation, json: JSONSchema = .anything
    ) {
        self.kind = kind
        self.isNullable = isNullable
        self.description = description
        self.isDeprecated = isDeprecated
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.isConst = isConst
        self.examples = examples
        self.pointer = pointer
        self.location = location
        self.json = json
    }
}

/// `type: object`: its properties in document order and what it allows beyond them.
public struct ObjectSchema: Hashable, Sendable {
    public var properties: [Property]
    /// `additionalProperties`: `nil` when absent (extra members tolerated, not modelled).
    public var additionalProperties: AdditionalProperties?
    public var minProperties: Int?
    public var maxProperties: Int?

    public init(
        properties: [Property], additionalProperties: AdditionalProperties? = nil,
        minProperties: Int? = nil, maxProperties: Int? = nil
    ) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.minProperties = minProperties
        self.maxProperties = maxProperties
    }
}

/// What an object says of members it does not name.
public enum AdditionalProperties: Hashable, Sendable {
    /// `additionalProperties: false`.
    case forbidden
    /// `additionalProperties: true`: kept as free-form JSON.
    case allowed
    /// `additionalProperties: {schema}`: a map of typed values.
    case typed(Schema)
}

/// A member of an object schema.
public struct Property: Hashable, Sendable {
    /// The name on the wire (`session_id`).
    public var name: String
    public var schema: Schema
    public var isRequired: Bool

    public init(name: String, schema: Schema, isRequired: Bool) {
        self.name = name
        self.schema = schema
        self.isRequired = isRequired
    }
}

public struct ArraySchema: Hashable, Sendable {
    public var items: Schema
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool

    public init(items: Schema, minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false) {
        self.items = items
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }
}

public struct StringSchema: Hashable, Sendable {
    public var format: StringFormat?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    /// Raw bytes rather than text: `format: binary`, or a `contentMediaType` without
    /// `contentEncoding` (3.1); a file, in a multipart body.
    public var isBinary = false

    public init(format: StringFormat? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil) {
        self.format = format
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
    }
}

/// Bounds of `integer` and `number` schemas; `format` (`int32`, `int64`, `float`, `double`) picks the Swift type.
public struct NumericSchema: Hashable, Sendable {
    public var format: String?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?

    public init(
        format: String? = nil, minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil, multipleOf: Double? = nil
    ) {
        self.format = format
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
    }
}

/// `oneOf`/`anyOf` with a discriminator: each branch a named schema picked by a property's value.
public struct UnionSchema: Hashable, Sendable {
    public struct Branch: Hashable, Sendable {
        /// The discriminator value on the wire (`analysis.complete`).
        public var value: String
        /// The named schema of the branch (a key of `#/components/schemas`).
        public var schemaName: String
    }

    public var propertyName: String
    public var branches: [Branch]
    /// Whether it was `oneOf` (exactly one branch matches) rather than `anyOf`.
    public var isExclusive: Bool

    public init(propertyName: String, branches: [Branch], isExclusive: Bool) {
        self.propertyName = propertyName
        self.branches = branches
        self.isExclusive = isExclusive
    }
}

/// `oneOf`/`anyOf` without a discriminator, standing alone: the value is one of the branches.
/// Branches are schemas of any kind; a `{type: "null"}` branch makes the union nullable instead.
public struct ChoiceSchema: Hashable, Sendable {
    public struct Branch: Hashable, Sendable {
        /// The branch's position in the spec's list (which a `oneOf` finding names).
        public var index: Int
        public var schema: Schema

        public init(index: Int, schema: Schema) {
            self.index = index
            self.schema = schema
        }
    }

    public var branches: [Branch]
    /// Whether it was `oneOf` (exactly one branch matches) rather than `anyOf` (at least one).
    public var isExclusive: Bool
    /// How many branches the spec lists, the null branch included.
    public var specBranchCount: Int

    public init(branches: [Branch], isExclusive: Bool, specBranchCount: Int) {
        self.branches = branches
        self.isExclusive = isExclusive
        self.specBranchCount = specBranchCount
    }

    /// `oneOf` or `anyOf`.
    public var keyword: String { isExclusive ? "oneOf" : "anyOf" }
}
