import SpecCore
import YAMLReader

/// Reads schema nodes as JSON Schema 2020-12 (``JSONSchema``), every keyword kept whatever Swift
/// type the node gets, and registers the target of every local `$ref` in the build's
/// ``SchemaRegistry``. Malformed keyword values are reported by ``SchemaBuilder``, which reads the
/// same nodes; here they are left out.
struct JSONSchemaBuilder {
    let context: BuildContext

    /// The JSON Schema of `node`, built once per node.
    func schema(_ node: YAMLNode) -> JSONSchema {
        if let built = context.jsonSchemas[node.location] { return built }
        let built = build(node)
        context.jsonSchemas[node.location] = built
        return built
    }

    private func build(_ node: YAMLNode) -> JSONSchema {
        if case .bool(let value)? = node.scalar?.value { return .boolean(value) }
        guard node.mapping != nil else { return .anything }
        var keywords = SchemaKeywords()
        keywords.types = types(node)
        keywords.enumValues = node["enum"]?.sequence?.map(\.jsonLiteral)
        keywords.constValue = node["const"]?.jsonLiteral
        if context.isOpenAPI30, case .bool(true)? = node["nullable"]?.scalar?.value {
            // 3.0's `nullable` widens `type` (and, as the generated types do, an `enum`) to null.
            if keywords.types != nil, keywords.types?.contains(.null) == false { keywords.types?.append(.null) }
            if keywords.enumValues != nil, keywords.enumValues?.contains(.null) == false { keywords.enumValues?.append(.null) }
        }
        if let reference = node["$ref"]?.string {
            keywords.reference = reference
            register(reference)
        }
        keywords.allOf = subschemas(node["allOf"])
        keywords.anyOf = subschemas(node["anyOf"])
        keywords.oneOf = subschemas(node["oneOf"])
        keywords.not = node["not"].map(schema)
        keywords.ifSchema = node["if"].map(schema)
        keywords.thenSchema = node["then"].map(schema)
        keywords.elseSchema = node["else"].map(schema)

        keywords.minimum = number(node["minimum"])
        keywords.maximum = number(node["maximum"])
        keywords.multipleOf = number(node["multipleOf"])
        for (key, isMinimum) in [("exclusiveMinimum", true), ("exclusiveMaximum", false)] {
            guard let bound = node[key] else { continue }
            if case .bool(let exclusive)? = bound.scalar?.value {
                // 3.0: a boolean makes `minimum`/`maximum` exclusive.
                guard exclusive else { continue }
                if isMinimum {
                    (keywords.exclusiveMinimum, keywords.minimum) = (keywords.minimum, nil)
                } else {
                    (keywords.exclusiveMaximum, keywords.maximum) = (keywords.maximum, nil)
                }
            } else if isMinimum {
                keywords.exclusiveMinimum = number(bound)
            } else {
                keywords.exclusiveMaximum = number(bound)
            }
        }

        keywords.minLength = count(node["minLength"])
        keywords.maxLength = count(node["maxLength"])
        keywords.pattern = node["pattern"]?.string
        keywords.format = node["format"]?.string.flatMap(StringFormat.init(rawValue:))

        keywords.prefixItems = subschemas(node["prefixItems"])
        keywords.items = node["items"].map(schema)
        keywords.contains = node["contains"].map(schema)
        keywords.minContains = count(node["minContains"])
        keywords.maxContains = count(node["maxContains"])
        keywords.minItems = count(node["minItems"])
        keywords.maxItems = count(node["maxItems"])
        if case .bool(true)? = node["uniqueItems"]?.scalar?.value { keywords.uniqueItems = true }
        keywords.unevaluatedItems = node["unevaluatedItems"].map(schema)

        keywords.properties = named(node["properties"])
        keywords.patternProperties = named(node["patternProperties"])
        keywords.additionalProperties = node["additionalProperties"].map(schema)
        keywords.propertyNames = node["propertyNames"].map(schema)
        keywords.required = node["required"]?.sequence?.compactMap(\.string) ?? []
        for entry in node["dependentRequired"]?.mapping ?? [] {
            guard let name = entry.key.string, let names = entry.value.sequence else { continue }
            keywords.dependentRequired[name] = names.compactMap(\.string)
        }
        keywords.dependentSchemas = named(node["dependentSchemas"])
        keywords.minProperties = count(node["minProperties"])
        keywords.maxProperties = count(node["maxProperties"])
        keywords.unevaluatedProperties = node["unevaluatedProperties"].map(schema)

        if keywords == SchemaKeywords() { return .anything }
        return .keywords(keywords)
    }

    /// Queues the schema a local reference names for registration, once. Targets are built by
    /// ``registerReferencedSchemas()``, one after another, so a chain of 2,000 references does not
    /// nest 2,000 builds on the stack.
    private func register(_ reference: String) {
        guard reference.hasPrefix("#"), context.schemaRegistry[reference] == nil,
            !context.pendingReferences.contains(reference)
        else { return }
        context.pendingReferences.insert(reference)
        context.referenceQueue.append(reference)
    }

    /// Builds every queued reference target (and those they reference) into the registry.
    func registerReferencedSchemas() {
        var next = 0
        while next < context.referenceQueue.count {
            let reference = context.referenceQueue[next]
            next += 1
            if context.schemaRegistry[reference] == nil, let target = context.node(at: reference) {
                context.schemaRegistry[reference] = schema(target)
            }
        }
        context.referenceQueue.removeAll()
    }

    private func types(_ node: YAMLNode) -> [JSONType]? {
        guard let typeNode = node["type"] else { return nil }
        if let single = typeNode.string { return JSONType(rawValue: single).map { [$0] } }
        return typeNode.sequence.map { $0.compactMap { $0.string.flatMap(JSONType.init(rawValue:)) } }
    }

    private func subschemas(_ node: YAMLNode?) -> [JSONSchema]? {
        node?.sequence?.map(schema)
    }

    private func named(_ node: YAMLNode?) -> [NamedSubschema] {
        (node?.mapping ?? []).compactMap { entry in
            entry.key.string.map { NamedSubschema($0, schema(entry.value)) }
        }
    }

    private func number(_ node: YAMLNode?) -> Double? {
        switch node?.scalar?.value {
        case .int(let value)?: Double(value)
        case .float(let value)? where value.isFinite: value
        default: nil
        }
    }

    private func count(_ node: YAMLNode?) -> Int? {
        if case .int(let value)? = node?.scalar?.value, value >= 0 { return value }
        // 2020-12 allows a non-negative integer written with a zero fraction (`2.0`).
        if case .float(let value)? = node?.scalar?.value, value >= 0, value.rounded() == value, value < 1e15 { return Int(value) }
        return nil
    }
}
