import LinearRegex

/// Evaluates JSON instances against ``JSONSchema``s with the meaning JSON Schema 2020-12 gives
/// each keyword: a keyword applies only to the instance types it is defined for (`minimum`
/// ignores strings, `properties` ignores arrays), numbers compare by value (`1 == 1.0`), objects
/// ignore member order, and `unevaluatedProperties`/`unevaluatedItems` see the annotations of
/// the subschemas that passed.
public struct SchemaEvaluator: Sendable {
    /// The schemas `$ref`s name.
    public let registry: SchemaRegistry
    /// How many `$ref`s one evaluation may follow without moving into the instance; a cycle of
    /// references that never reaches a value is reported instead of recursing forever.
    public static let referenceDepthLimit = 64

    public init(registry: SchemaRegistry = SchemaRegistry()) {
        self.registry = registry
    }

    /// Every keyword `instance` breaks, in evaluation order; empty when it is valid.
    /// A bounded rendering of a value, as the evaluator's findings quote it.
    public static func excerpt(_ value: JSONLiteral) -> String { Evaluation.excerpt(value) }

    public func failures(of instance: JSONLiteral, against schema: JSONSchema) -> [SchemaFailure] {
        var evaluation = Evaluation(registry: registry)
        _ = evaluation.evaluate(instance, schema, keyword: "schema", collect: false)
        return evaluation.failures
    }

    public func isValid(_ instance: JSONLiteral, against schema: JSONSchema) -> Bool {
        failures(of: instance, against: schema).isEmpty
    }
}

/// What the subschemas that passed have evaluated of an instance, for the `unevaluated*` keywords.
struct Annotations {
    var properties: Set<String> = []
    /// Elements `0..<itemPrefix` were evaluated (by `prefixItems`, or all by `items`).
    var itemPrefix = 0
    var allItems = false
    /// Elements evaluated by `contains` or by a nested `unevaluatedItems`.
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        properties.formUnion(other.properties)
        itemPrefix = max(itemPrefix, other.itemPrefix)
        allItems = allItems || other.allItems
        items.formUnion(other.items)
    }

    func coversItem(_ index: Int) -> Bool { allItems || index < itemPrefix || items.contains(index) }
}

/// The state of one evaluation: the path into the instance, failures so far, compiled patterns.
struct Evaluation {
    let registry: SchemaRegistry
    var failures: [SchemaFailure] = []
    var path: [InstancePathToken] = []
    var referenceDepth = 0
    var patterns: [String: LinearRegex?] = [:]

    init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Evaluates `instance`; its failures are recorded. With `collect`, returns what the schema
    /// evaluated (only meaningful when it passed).
    mutating func evaluate(_ instance: JSONLiteral, _ schema: JSONSchema, keyword: String, collect: Bool) -> Annotations {
        switch schema {
        case .boolean(true):
            return Self.everything(of: instance, collect: collect)
        case .boolean(false):
            fail(keyword, limit: "false", actual: "\(Self.excerpt(instance)) is not allowed")
            return Annotations()
        case .keywords(let keywords):
            return evaluate(instance, keywords, collect: collect)
        }
    }

    /// Whether `instance` passes `schema`, leaving no failure behind.
    mutating func passes(_ instance: JSONLiteral, _ schema: JSONSchema, collect: Bool, annotations: inout Annotations) -> Bool {
        let mark = failures.count
        let found = evaluate(instance, schema, keyword: "schema", collect: collect)
        let passed = failures.count == mark
        failures.removeSubrange(mark...)
        if passed { annotations.merge(found) }
        return passed
    }

    private mutating func evaluate(_ instance: JSONLiteral, _ schema: SchemaKeywords, collect: Bool) -> Annotations {
        let collect = collect || schema.needsAnnotations
        var annotations = Annotations()
        checkGeneric(instance, schema)
        if let reference = schema.reference { followReference(reference, instance, collect: collect, into: &annotations) }
        applyCombinators(instance, schema, collect: collect, into: &annotations)
        switch instance {
        case .integer, .number: checkNumber(instance, schema)
        case .string(let text): checkString(text, schema)
        case .array(let elements): checkArray(elements, schema, into: &annotations)
        case .object(let members): checkObject(members, schema, collect: collect, into: &annotations)
        case .null, .bool: break
        }
        return annotations
    }

    // MARK: Keywords for any instance

    private mutating func checkGeneric(_ instance: JSONLiteral, _ schema: SchemaKeywords) {
        if let types = schema.types, !types.contains(where: { Self.has(instance, type: $0) }) {
            fail("type", limit: types.map(\.rawValue).joined(separator: ", "), actual: "found \(instance.jsonTypeName)")
        }
        if let constant = schema.constValue, instance != constant {
            fail("const", limit: Self.excerpt(constant), actual: Self.excerpt(instance))
        }
        if let values = schema.enumValues, !values.contains(instance) {
            fail("enum", limit: values.map(Self.excerpt).joined(separator: ", "), actual: Self.excerpt(instance))
        }
    }

    private mutating func followReference(_ reference: String, _ instance: JSONLiteral, collect: Bool, into annotations: inout Annotations) {
        guard let target = registry[reference] else {
            fail("$ref", limit: reference, actual: "names no schema")
            return
        }
        guard referenceDepth < SchemaEvaluator.referenceDepthLimit else {
            fail("$ref", limit: reference, actual: "more than \(SchemaEvaluator.referenceDepthLimit) references without reaching a value")
            return
        }
        referenceDepth += 1
        let mark = failures.count
        let found = evaluate(instance, target, keyword: "$ref", collect: collect)
        referenceDepth -= 1
        if failures.count == mark { annotations.merge(found) }
    }

    static func has(_ instance: JSONLiteral, type: JSONType) -> Bool {
        switch (type, instance) {
        case (.null, .null), (.boolean, .bool), (.string, .string), (.array, .array), (.object, .object): true
        case (.number, .integer), (.number, .number), (.integer, .integer): true
        // 2020-12: a number with a zero fractional part is an integer (1.0 is).
        case (.integer, .number(let value)): value.isFinite && value.rounded() == value
        default: false
        }
    }

    /// All of an instance counts as evaluated by `true` (for the `unevaluated*` keywords).
    private static func everything(of instance: JSONLiteral, collect: Bool) -> Annotations {
        var result = Annotations()
        guard collect else { return result }
        switch instance {
        case .object(let members): result.properties = Set(members.map(\.key))
        case .array: result.allItems = true
        default: break
        }
        return result
    }

    // MARK: Reporting

    mutating func fail(_ keyword: String, limit: String, actual: String) {
        failures.append(SchemaFailure(path: path, keyword: keyword, limit: limit, actual: actual))
    }

    mutating func fail(_ keyword: String, limit: String, actual: String, atMember key: String) {
        failures.append(SchemaFailure(path: path + [.key(key)], keyword: keyword, limit: limit, actual: actual))
    }

    mutating func nested<Result>(_ token: InstancePathToken, _ body: (inout Evaluation) -> Result) -> Result {
        path.append(token)
        let depth = referenceDepth
        referenceDepth = 0
        defer {
            path.removeLast()
            referenceDepth = depth
        }
        return body(&self)
    }

    mutating func regex(_ pattern: String) -> LinearRegex? {
        if let known = patterns[pattern] { return known }
        let compiled = try? LinearRegex(pattern)
        patterns[pattern] = compiled
        return compiled
    }

    /// A bounded rendering of a value for messages.
    static func excerpt(_ value: JSONLiteral) -> String {
        let text = value.description
        guard text.unicodeScalars.count > 80 else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(80))) + "…"
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
