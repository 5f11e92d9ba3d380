/// The canonical JSON form of a ``JSONSchema``: what the generator embeds in generated code and
/// the runtime reads back, so a generated validator evaluates the very schema the generator read.
/// Keywords come out in one fixed order (byte-identical output for the same schema); reading
/// ignores what it does not know, as JSON Schema does.
extension JSONSchema {
    public var jsonLiteral: JSONLiteral {
        switch self {
        case .boolean(let value): .bool(value)
        case .keywords(let keywords): .object(keywords.members)
        }
    }

    public init(jsonLiteral value: JSONLiteral) {
        switch value {
        case .bool(let flag): self = .boolean(flag)
        case .object: self = .keywords(SchemaKeywords(reading: value))
        default: self = .anything
        }
    }

    /// Every `$ref` inside this schema, its subschemas included, in order of first appearance.
    public var references: [String] {
        var found: [String] = []
        var seen: Set<String> = []
        collectReferences(into: &found, seen: &seen)
        return found
    }

    /// Appends each `$ref` not in `seen` to `found` (the set keeps this linear in the references).
    func collectReferences(into found: inout [String], seen: inout Set<String>) {
        guard case .keywords(let keywords) = self else { return }
        if let reference = keywords.reference, seen.insert(reference).inserted { found.append(reference) }
        keywords.forEachSubschema { $0.collectReferences(into: &found, seen: &seen) }
    }
}

extension SchemaRegistry {
    /// The registry as one JSON object, references sorted.
    public var jsonLiteral: JSONLiteral {
        .object(schemas.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.jsonLiteral) })
    }

    public init(jsonLiteral value: JSONLiteral) {
        var schemas: [String: JSONSchema] = [:]
        if case .object(let members) = value {
            for member in members { schemas[member.key] = JSONSchema(jsonLiteral: member.value) }
        }
        self.init(schemas)
    }

    /// The entries `roots` reach through `$ref`, transitively: what an embedded schema needs.
    public func closure(of roots: [JSONSchema]) -> SchemaRegistry {
        var pending: [String] = []
        var seen: Set<String> = []
        for root in roots { root.collectReferences(into: &pending, seen: &seen) }
        var reached: [String: JSONSchema] = [:]
        var next = 0
        while next < pending.count {
            let reference = pending[next]
            next += 1
            guard reached[reference] == nil, let schema = schemas[reference] else { continue }
            reached[reference] = schema
            schema.collectReferences(into: &pending, seen: &seen)
        }
        return SchemaRegistry(reached)
    }
}

extension SchemaKeywords {
    /// Calls `body` with every subschema directly under these keywords, without building a list.
    func forEachSubschema(_ body: (JSONSchema) -> Void) {
        for list in [allOf, anyOf, oneOf, prefixItems] { list?.forEach(body) }
        for single in [
            not, ifSchema, thenSchema, elseSchema, items, contains, unevaluatedItems, additionalProperties,
            propertyNames, unevaluatedProperties,
        ] {
            if let single { body(single) }
        }
        for named in properties { body(named.schema) }
        for named in patternProperties { body(named.schema) }
        for named in dependentSchemas { body(named.schema) }
    }

    fileprivate var members: [(key: String, value: JSONLiteral)] {
        var out: [(key: String, value: JSONLiteral)] = []
        func add(_ key: String, _ value: JSONLiteral?) { if let value { out.append((key, value)) } }
        func schemas(_ list: [JSONSchema]?) -> JSONLiteral? { list.map { .array($0.map(\.jsonLiteral)) } }
        func named(_ list: [NamedSubschema]) -> JSONLiteral? {
            list.isEmpty ? nil : .object(list.map { (key: $0.name, value: $0.schema.jsonLiteral) })
        }
        func number(_ value: Double?) -> JSONLiteral? { value.map(JSONLiteral.number) }
        func count(_ value: Int?) -> JSONLiteral? { value.map(JSONLiteral.integer) }

        add("type", types.map { .array($0.map { .string($0.rawValue) }) })
        add("enum", enumValues.map(JSONLiteral.array))
        add("const", constValue)
        add("$ref", reference.map(JSONLiteral.string))
        add("allOf", schemas(allOf))
        add("anyOf", schemas(anyOf))
        add("oneOf", schemas(oneOf))
        add("not", not?.jsonLiteral)
        add("if", ifSchema?.jsonLiteral)
        add("then", thenSchema?.jsonLiteral)
        add("else", elseSchema?.jsonLiteral)
        add("minimum", number(minimum))
        add("maximum", number(maximum))
        add("exclusiveMinimum", number(exclusiveMinimum))
        add("exclusiveMaximum", number(exclusiveMaximum))
        add("multipleOf", number(multipleOf))
        add("minLength", count(minLength))
        add("maxLength", count(maxLength))
        add("pattern", pattern.map(JSONLiteral.string))
        add("format", format.map { .string($0.rawValue) })
        add("prefixItems", schemas(prefixItems))
        add("items", items?.jsonLiteral)
        add("contains", contains?.jsonLiteral)
        add("minContains", count(minContains))
        add("maxContains", count(maxContains))
        add("minItems", count(minItems))
        add("maxItems", count(maxItems))
        if uniqueItems { add("uniqueItems", .bool(true)) }
        add("unevaluatedItems", unevaluatedItems?.jsonLiteral)
        add("properties", named(properties))
        add("patternProperties", named(patternProperties))
        add("additionalProperties", additionalProperties?.jsonLiteral)
        add("propertyNames", propertyNames?.jsonLiteral)
        if !required.isEmpty { add("required", .array(required.map(JSONLiteral.string))) }
        if !dependentRequired.isEmpty {
            add(
                "dependentRequired",
                .object(
                    dependentRequired.sorted { $0.key < $1.key }.map {
                        (key: $0.key, value: .array($0.value.map(JSONLiteral.string)))
                    }))
        }
        add("dependentSchemas", named(dependentSchemas))
        add("minProperties", count(minProperties))
        add("maxProperties", count(maxProperties))
        add("unevaluatedProperties", unevaluatedProperties?.jsonLiteral)
        return out
    }

    fileprivate init(reading value: JSONLiteral) {
        self.init()
        func schema(_ key: String) -> JSONSchema? { value[key].map(JSONSchema.init(jsonLiteral:)) }
        func schemas(_ key: String) -> [JSONSchema]? {
            guard case .array(let items)? = value[key] else { return nil }
            return items.map(JSONSchema.init(jsonLiteral:))
        }
        func named(_ key: String) -> [NamedSubschema] {
            guard case .object(let members)? = value[key] else { return [] }
            return members.map { NamedSubschema($0.key, JSONSchema(jsonLiteral: $0.value)) }
        }
        func number(_ key: String) -> Double? { value[key]?.numericValue }
        func count(_ key: String) -> Int? {
            guard let number = value[key]?.numericValue, number >= 0, number < 1e15, number.rounded() == number else { return nil }
            return Int(number)
        }
        func strings(_ literal: JSONLiteral?) -> [String]? {
            guard case .array(let items)? = literal else { return nil }
            return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }

        types = strings(value["type"])?.compactMap(JSONType.init(rawValue:))
        if case .array(let values)? = value["enum"] { enumValues = values }
        constValue = value["const"]
        if case .string(let reference)? = value["$ref"] { self.reference = reference }
        allOf = schemas("allOf")
        anyOf = schemas("anyOf")
        oneOf = schemas("oneOf")
        not = schema("not")
        ifSchema = schema("if")
        thenSchema = schema("then")
        elseSchema = schema("else")
        minimum = number("minimum")
        maximum = number("maximum")
        exclusiveMinimum = number("exclusiveMinimum")
        exclusiveMaximum = number("exclusiveMaximum")
        multipleOf = number("multipleOf")
        minLength = count("minLength")
        maxLength = count("maxLength")
        if case .string(let pattern)? = value["pattern"] { self.pattern = pattern }
        if case .string(let format)? = value["format"] { self.format = StringFormat(rawValue: format) }
        prefixItems = schemas("prefixItems")
        items = schema("items")
        contains = schema("contains")
        minContains = count("minContains")
        maxContains = count("maxContains")
        minItems = count("minItems")
        maxItems = count("maxItems")
        uniqueItems = value["uniqueItems"] == .bool(true)
        unevaluatedItems = schema("unevaluatedItems")
        properties = named("properties")
        patternProperties = named("patternProperties")
        additionalProperties = schema("additionalProperties")
        propertyNames = schema("propertyNames")
        required = strings(value["required"]) ?? []
        if case .object(let members)? = value["dependentRequired"] {
            for member in members { dependentRequired[member.key] = strings(member.value) ?? [] }
        }
        dependentSchemas = named("dependentSchemas")
        minProperties = count("minProperties")
        maxProperties = count("maxProperties")
        unevaluatedProperties = schema("unevaluatedProperties")
    }
}
