import SpecCore
import SpecDiagnostics
import YAMLReader

/// Turns schema nodes into ``Schema`` values, reporting every keyword outside the subset.
struct SchemaBuilder {
    let context: BuildContext

    static let supportedKeywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "default",
        "format", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
        "maxProperties", "allOf", "oneOf", "anyOf", "discriminator", "nullable", "description",
        "deprecated", "example", "examples", "$ref", "title", "readOnly", "writeOnly",
    ]
    static let keywordsBesideReference: Set<String> = [
        "$ref", "description", "deprecated", "nullable", "title", "default", "example", "examples",
    ]
    static let componentPrefix = "#/components/schemas/"

    /// The named schema `name` of `#/components/schemas`, built once.
    func namedSchema(_ name: String) -> Schema? {
        if let built = context.namedSchemas[name] { return built }
        guard let node = context.componentSchemaNodes[name] else { return nil }
        guard context.schemasInProgress.insert(name).inserted else { return nil }
        defer { context.schemasInProgress.remove(name) }
        let schema = build(node, pointer: Self.componentPrefix + Self.escape(name))
        context.namedSchemas[name] = schema
        return schema
    }

    func build(_ node: YAMLNode, pointer: String) -> Schema {
        var schema = buildShape(node, pointer: pointer)
        schema.json = JSONSchemaBuilder(context: context).schema(node)
        return schema
    }

    private func buildShape(_ node: YAMLNode, pointer: String) -> Schema {
        var schema = Schema(kind: .any, pointer: pointer, location: node.location)
        // `true` accepts anything; `false` nothing, which its JSON Schema (evaluated) says.
        if case .bool? = node.scalar?.value { return schema }
        guard let entries = context.mapping(node, "a schema") else { return schema }
        if evaluationReason(node) != nil { return evaluatedSchema(node, pointer: pointer) }
        if let referenceNode = node["$ref"] {
            return buildReference(referenceNode, entries: entries, node: node, pointer: pointer)
        }
        checkKeywords(entries, known: Self.supportedKeywords)
        schema.description = context.string(node["description"], "description")
        schema.isDeprecated = context.bool(node["deprecated"], "deprecated") ?? false
        readValueAnnotations(node, into: &schema)
        if let nullable = context.bool(node["nullable"], "nullable") { schema.isNullable = nullable }
        if let values = node["enum"] {
            if let items = values.sequence, !items.isEmpty {
                schema.allowedValues = items.map(\.jsonLiteral)
                if items.contains(where: { $0.scalar?.value == .null }) { schema.isNullable = true }
            } else {
                context.error("'enum' must be a non-empty sequence", at: values)
            }
        }
        if let constant = node["const"] {
            schema.allowedValues = [constant.jsonLiteral]
            schema.isConst = true
        }

        let type = declaredType(node, nullable: &schema.isNullable)
        if let single = singleAllOfMember(node) {
            // `allOf: [X]` with only annotations beside it (the 3.0 way of describing a `$ref`):
            // X itself, with those annotations.
            return adopting(build(single, pointer: pointer + "/allOf/0"), annotationsOf: schema, node: node, pointer: pointer)
        }
        if node["allOf"] != nil {
            if let constrained = constrainedAllOfMember(node), let members = node["allOf"]?.sequence {
                // One typed member narrowed by keywords alone: its type, checked by the whole schema.
                // The narrowing members are read for their diagnostics (patterns, unsupported keywords).
                var member = Schema(kind: .any, pointer: pointer, location: node.location)
                for (index, other) in members.enumerated() {
                    let memberPointer = pointer + "/allOf/\(index)"
                    if other == constrained {
                        member = build(other, pointer: memberPointer)
                    } else {
                        _ = evaluatedSchema(other, pointer: memberPointer)
                    }
                }
                if let pattern = node["pattern"], let text = pattern.string, let problem = PatternSupport.problem(in: text) {
                    context.error("pattern '\(text)': \(problem)", at: pattern)
                }
                member.evaluatesWhole = true
                return adopting(member, annotationsOf: schema, node: node, pointer: pointer)
            }
            guard let merged = AllOfMerger(builder: self).merge(node, pointer: pointer) else {
                context.warning(
                    "this 'allOf' is not one object (its members constrain one property twice, are not all objects, or "
                        + "use additionalProperties beside others): the value is a JSONValue checked against the whole schema", at: node["allOf"] ?? node)
                return evaluatedSchema(node, pointer: pointer, readingSubschemas: false)
            }
            schema.kind = merged
        } else if let unionNode = node["oneOf"] ?? node["anyOf"] {
            schema.kind = buildUnion(unionNode, in: node, pointer: pointer, nullable: &schema.isNullable)
        } else {
            schema.kind = buildKind(type: type, node: node, pointer: pointer, schema: schema)
        }
        return schema
    }

    /// An `allOf` member standing for the whole schema, with the annotations written beside the
    /// `allOf` (`description`, `deprecated`, `nullable`, `default`, examples) and its pointer.
    private func adopting(_ member: Schema, annotationsOf schema: Schema, node: YAMLNode, pointer: String) -> Schema {
        var result = member
        result.description = schema.description ?? member.description
        result.isDeprecated = schema.isDeprecated || member.isDeprecated
        result.isNullable = schema.isNullable || member.isNullable
        if node["default"] != nil {
            result.defaultValue = schema.defaultValue
            result.defaultLocation = schema.defaultLocation
        }
        result.examples += schema.examples
        result.exampleLocations += schema.exampleLocations
        result.pointer = pointer
        return result
    }

    /// Keys that may stand beside a one-member `allOf` read as that member.
    private static let keywordsBesideSingleAllOf: Set<String> = [
        "allOf", "description", "title", "deprecated", "nullable", "default", "example", "examples", "readOnly", "writeOnly",
    ]

    /// The member of an `allOf` of one schema with nothing but annotations beside it, where the
    /// other members are annotations too (`allOf: [{$ref: X}, {description: …}]`).
    private func singleAllOfMember(_ node: YAMLNode) -> YAMLNode? {
        func annotatesOnly(_ schema: YAMLNode, allowing extra: Set<String> = []) -> Bool {
            guard let entries = schema.mapping else { return false }
            return entries.allSatisfy { entry in
                guard let key = entry.key.string else { return false }
                return extra.contains(key) || (Self.keywordsBesideSingleAllOf.contains(key) && key != "allOf")
                    || Self.annotationKeywords.contains(key) || key.hasPrefix("x-")
            }
        }
        guard let members = node["allOf"]?.sequence, annotatesOnly(node, allowing: ["allOf"]) else { return nil }
        let typed = members.filter { !annotatesOnly($0) }
        // `nullable` in a member admits nothing more (OpenAPI 3.0.3: it widens only a `type` beside it),
        // so a member that has one is not an annotation to drop: the whole schema is evaluated then.
        guard typed.count == 1, !members.contains(where: { annotatesOnly($0) && $0["nullable"] != nil }) else { return nil }
        return typed[0]
    }

    /// Keywords that give a schema a type or structure of its own.
    private static let shapingKeywords: Set<String> = [
        "type", "$ref", "properties", "additionalProperties", "required", "items", "allOf", "oneOf", "anyOf", "enum", "const",
        "nullable", "discriminator", "minProperties", "maxProperties", "patternProperties",
    ]

    /// The one member of an `allOf` that has a type other than an object, when every other
    /// member (and the allOf's node) only adds keywords that assert about that value
    /// (`maximum`, `minLength`, `pattern`…): the Swift type is that member's.
    private func constrainedAllOfMember(_ node: YAMLNode) -> YAMLNode? {
        guard let members = node["allOf"]?.sequence, members.count > 1 else { return nil }
        func constrainsOnly(_ schema: YAMLNode, ignoring: Set<String> = []) -> Bool {
            guard let entries = schema.mapping else { return false }
            return entries.allSatisfy { entry in
                guard let key = entry.key.string else { return false }
                return ignoring.contains(key) || !Self.shapingKeywords.contains(key)
            }
        }
        guard constrainsOnly(node, ignoring: ["allOf"]), node["nullable"] == nil else { return nil }
        let typed = members.filter { !constrainsOnly($0) }
        guard typed.count == 1, let member = typed.first else { return nil }
        var target = member
        var seen: Set<String> = []
        while let reference = target["$ref"]?.string, let name = Self.componentName(reference), seen.insert(name).inserted,
            let next = context.componentSchemaNodes[name]
        {
            target = next
        }
        let type = target["type"]?.string
        guard let type, type != "object", type != "null", target["allOf"] == nil, target["oneOf"] == nil, target["anyOf"] == nil else { return nil }
        return member
    }

    /// `default`, `example` and `examples`: annotations, checked against the schema elsewhere.
    private func readValueAnnotations(_ node: YAMLNode, into schema: inout Schema) {
        schema.defaultValue = node["default"]?.jsonLiteral
        schema.defaultLocation = node["default"]?.location
        if let example = node["example"] { schema.addExample(example) }
        if let examples = node["examples"] {
            if let items = examples.sequence {
                for item in items { schema.addExample(item) }
            } else {
                context.warning("'examples' in a schema must be a sequence of values; it is ignored (an annotation)", at: examples)
            }
        }
    }

    private func buildReference(_ referenceNode: YAMLNode, entries: [YAMLMappingEntry], node: YAMLNode, pointer: String) -> Schema {
        var schema = Schema(kind: .any, pointer: pointer, location: node.location)
        for entry in entries {
            if let key = entry.key.string, !Self.keywordsBesideReference.contains(key), !Self.annotationKeywords.contains(key), !key.hasPrefix("x-") {
                context.error(
                    "'\(key)' beside '$ref' is not supported (only description, deprecated, nullable, title, default "
                        + "and examples are)", at: entry.key)
            }
        }
        schema.description = context.string(node["description"], "description")
        schema.isDeprecated = context.bool(node["deprecated"], "deprecated") ?? false
        schema.isNullable = context.bool(node["nullable"], "nullable") ?? false
        readValueAnnotations(node, into: &schema)
        guard let reference = context.string(referenceNode, "$ref") else { return schema }
        guard let name = Self.componentName(reference) else {
            if reference.hasPrefix("#/") {
                if context.resolveReference(reference, at: referenceNode) != nil {
                    context.error("schema references must point to '#/components/schemas/<name>', found '\(reference)'", at: referenceNode)
                }
            } else {
                context.error("only local references ('#/...') are supported, found '\(reference)'", at: referenceNode)
            }
            return schema
        }
        guard context.componentSchemaNodes[name] != nil else {
            context.error("unresolved reference '\(reference)'", at: referenceNode)
            return schema
        }
        schema.kind = .reference(name)
        return schema
    }

    static func componentName(_ reference: String) -> String? {
        guard reference.hasPrefix(componentPrefix) else { return nil }
        let name = String(reference.dropFirst(componentPrefix.count))
        guard !name.isEmpty, !name.contains("/") else { return nil }
        return PointerToken.unescaped(name)
    }

    static func escape(_ token: String) -> String {
        PointerToken.escaped(token)
    }

    /// The one non-null type of `type` (a string or a list with `"null"`), or `nil` when absent.
    private func declaredType(_ node: YAMLNode, nullable: inout Bool) -> String? {
        guard let typeNode = node["type"] else { return nil }
        if let single = typeNode.string {
            if single == "null" {
                nullable = true
                return "null"
            }
            return single
        }
        guard let items = typeNode.sequence else {
            context.error("'type' must be a string or a sequence of strings", at: typeNode)
            return nil
        }
        let names = items.compactMap(\.string)
        if names.contains("null") { nullable = true }
        let others = names.filter { $0 != "null" }
        if others.count > 1 {
            context.error("a type list with more than one non-null type (\(others.joined(separator: ", "))) is not supported", at: typeNode)
        }
        return others.first ?? "null"
    }

    private func buildKind(type: String?, node: YAMLNode, pointer: String, schema: Schema) -> Schema.Kind {
        let inferred = type ?? inferType(node, values: schema.allowedValues)
        switch inferred {
        case "object": return .object(buildObject(node, pointer: pointer))
        case "array":
            // Without `items` any element is allowed: the elements are JSONValues.
            let items = node["items"].map { build($0, pointer: pointer + "/items") } ?? Schema(kind: .any, pointer: pointer + "/items", location: node.location)
            return .array(
                ArraySchema(
                    items: items,
                    minItems: context.nonNegativeInt(node["minItems"], "minItems"),
                    maxItems: context.nonNegativeInt(node["maxItems"], "maxItems"),
                    uniqueItems: context.bool(node["uniqueItems"], "uniqueItems") ?? false))
        case "string": return .string(buildString(node))
        case "integer": return .integer(buildNumeric(node, allowed: ["int32", "int64"]))
        case "number": return .number(buildNumeric(node, allowed: ["float", "double"]))
        case "boolean": return .boolean
        case "null", nil: return .any
        case let other?:
            context.error("unknown type '\(other)'", at: node["type"] ?? node)
            return .any
        }
    }

    private func inferType(_ node: YAMLNode, values: [JSONLiteral]?) -> String? {
        if node["properties"] != nil || node["additionalProperties"] != nil { return "object" }
        if node["items"] != nil { return "array" }
        if let values, values.contains(where: { if case .string = $0 { true } else { false } }),
            values.allSatisfy({ if case .string = $0 { true } else { $0 == .null } })
        {
            return "string"
        }
        return nil
    }

    private func buildObject(_ node: YAMLNode, pointer: String) -> ObjectSchema {
        var required: [String] = []
        if let requiredNode = node["required"] {
            if let items = requiredNode.sequence {
                required = items.compactMap { context.string($0, "a required property name") }
            } else {
                context.error("'required' must be a sequence of property names", at: requiredNode)
            }
        }
        var properties: [Property] = []
        if let propertiesNode = node["properties"], let entries = context.mapping(propertiesNode, "properties") {
            for entry in entries {
                guard let name = context.string(entry.key, "a property name") else { continue }
                let schema = build(entry.value, pointer: pointer + "/properties/" + Self.escape(name))
                // `readOnly` (sent only in responses) and `writeOnly` (only in requests): a required
                // one is absent in the other direction, so its Swift member is optional.
                let isOneWay = [entry.value["readOnly"], entry.value["writeOnly"]].contains { $0?.scalar?.value == .bool(true) }
                properties.append(Property(name: name, schema: schema, isRequired: required.contains(name) && !isOneWay))
            }
        }
        if let requiredNode = node["required"] {
            for name in required where !properties.contains(where: { $0.name == name }) {
                context.error("required property '\(name)' is not declared in 'properties'", at: requiredNode)
            }
        }
        var additional: AdditionalProperties?
        if let additionalNode = node["additionalProperties"] {
            switch additionalNode.scalar?.value {
            case .bool(false)?: additional = .forbidden
            case .bool(true)?: additional = .allowed
            default: additional = .typed(build(additionalNode, pointer: pointer + "/additionalProperties"))
            }
        }
        return ObjectSchema(
            properties: properties, additionalProperties: additional,
            minProperties: context.nonNegativeInt(node["minProperties"], "minProperties"),
            maxProperties: context.nonNegativeInt(node["maxProperties"], "maxProperties"))
    }

    private func buildString(_ node: YAMLNode) -> StringSchema {
        var schema = StringSchema(
            minLength: context.nonNegativeInt(node["minLength"], "minLength"),
            maxLength: context.nonNegativeInt(node["maxLength"], "maxLength"),
            pattern: context.string(node["pattern"], "pattern"))
        schema.isBinary = node["contentMediaType"] != nil && node["contentEncoding"] == nil
        if let formatNode = node["format"], let format = context.string(formatNode, "format") {
            if let known = StringFormat(rawValue: format) {
                schema.format = known
            } else if format == "binary" {
                schema.isBinary = true
            } else {
                context.warning("format '\(format)' is not supported; the value is treated as a plain string", at: formatNode)
            }
        }
        if let patternNode = node["pattern"], let pattern = schema.pattern {
            if let problem = PatternSupport.problem(in: pattern) {
                context.error("pattern '\(pattern)': \(problem)", at: patternNode)
            }
        }
        return schema
    }

    private func buildNumeric(_ node: YAMLNode, allowed formats: Set<String>) -> NumericSchema {
        var schema = NumericSchema(
            minimum: context.number(node["minimum"], "minimum"),
            maximum: context.number(node["maximum"], "maximum"),
            multipleOf: context.number(node["multipleOf"], "multipleOf"))
        if let formatNode = node["format"], let format = context.string(formatNode, "format") {
            if formats.contains(format) {
                schema.format = format
            } else {
                context.warning("format '\(format)' is not supported here; expected one of \(formats.sorted().joined(separator: ", "))", at: formatNode)
            }
        }
        // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum.
        for (key, isMinimum) in [("exclusiveMinimum", true), ("exclusiveMaximum", false)] {
            guard let boundNode = node[key] else { continue }
            if case .bool(let exclusive)? = boundNode.scalar?.value {
                guard exclusive else { continue }
                if isMinimum {
                    schema.exclusiveMinimum = schema.minimum
                    schema.minimum = nil
                } else {
                    schema.exclusiveMaximum = schema.maximum
                    schema.maximum = nil
                }
            } else if isMinimum {
                schema.exclusiveMinimum = context.number(boundNode, key)
            } else {
                schema.exclusiveMaximum = context.number(boundNode, key)
            }
        }
        if let multiple = schema.multipleOf, multiple <= 0, let multipleNode = node["multipleOf"] {
            context.error("multipleOf must be greater than 0", at: multipleNode)
            schema.multipleOf = nil
        }
        return schema
    }

    private func buildUnion(_ unionNode: YAMLNode, in node: YAMLNode, pointer: String, nullable: inout Bool) -> Schema.Kind {
        let keyword = node["oneOf"] != nil ? "oneOf" : "anyOf"
        guard let branches = unionNode.sequence, !branches.isEmpty else {
            context.error("'\(keyword)' must be a non-empty sequence of schemas", at: unionNode)
            return .any
        }
        // `oneOf: [X, {type: 'null'}]` is the 3.1 way of writing a nullable X.
        let nonNull = branches.filter { $0["type"]?.string != "null" }
        if nonNull.count == 1, branches.count == 2, node["discriminator"] == nil {
            nullable = true
            let inner = build(nonNull[0], pointer: pointer + "/\(keyword)/\(branches.firstIndex(of: nonNull[0]) ?? 0)")
            return inner.kind
        }
        guard let discriminator = node["discriminator"] else {
            // A `{type: "null"}` branch makes the value nullable: null is then no case of the enum.
            var choices: [ChoiceSchema.Branch] = []
            for (index, branch) in branches.enumerated() {
                if branch["type"]?.string == "null" {
                    nullable = true
                    continue
                }
                choices.append(ChoiceSchema.Branch(index: index, schema: build(branch, pointer: pointer + "/\(keyword)/\(index)")))
            }
            return .choice(ChoiceSchema(branches: choices, isExclusive: keyword == "oneOf", specBranchCount: branches.count))
        }
        guard let propertyName = context.string(discriminator["propertyName"], "discriminator.propertyName") else {
            context.error("a discriminator needs 'propertyName'", at: discriminator)
            return .any
        }
        if let entries = discriminator.mapping {
            context.rejectUnknownKeys(entries, known: ["propertyName", "mapping"], in: "a discriminator")
        }
        var mapping: [String: String] = [:]
        var mappingOrder: [String] = []
        if let mappingNode = discriminator["mapping"], let entries = context.mapping(mappingNode, "discriminator.mapping") {
            for entry in entries {
                guard let value = context.string(entry.key, "a discriminator value"),
                    let reference = context.string(entry.value, "a discriminator target")
                else { continue }
                guard let name = Self.componentName(reference) else {
                    context.error("discriminator mapping targets must be '#/components/schemas/<name>'", at: entry.value)
                    continue
                }
                mapping[name] = mapping[name] ?? value
                mappingOrder.append(value)
            }
        }
        var result: [UnionSchema.Branch] = []
        for (index, branch) in branches.enumerated() {
            let branchSchema = build(branch, pointer: pointer + "/\(keyword)/\(index)")
            guard case .reference(let name) = branchSchema.kind else {
                context.error("each branch of a discriminated '\(keyword)' must be a '$ref' to a named schema", at: branch)
                continue
            }
            result.append(UnionSchema.Branch(value: mapping[name] ?? name, schemaName: name))
        }
        return .union(UnionSchema(propertyName: propertyName, branches: result, isExclusive: keyword == "oneOf"))
    }
}
