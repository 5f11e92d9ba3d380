import SpecCore
import YAMLReader

/// Schemas whose meaning no generated Swift type carries (`not`, `if`, `patternProperties`, an
/// `anyOf` without a discriminator, a list of types, ...) are held as `JSONValue` and checked by
/// evaluating their JSON Schema, so they are honoured exactly rather than refused. Their
/// subschemas are still read for diagnostics (unsupported patterns, formats, references).
extension SchemaBuilder {
    /// Keywords only the evaluator checks.
    static let evaluatedKeywords: Set<String> = [
        "not", "if", "then", "else", "prefixItems", "contains", "minContains", "maxContains", "patternProperties",
        "propertyNames", "dependentRequired", "dependentSchemas", "unevaluatedItems", "unevaluatedProperties",
    ]
    /// Keywords that assert nothing about the instance where they stand.
    /// (`contentMediaType`, `contentEncoding` and `contentSchema` are annotations in 2020-12;
    /// `externalDocs` documents; a binary string is a file in a multipart body.)
    static let annotationKeywords: Set<String> = [
        "$defs", "$anchor", "$comment", "definitions", "externalDocs",
        "contentMediaType", "contentEncoding", "contentSchema",
    ]

    /// JSON Schema keywords whose meaning the generator does not implement: refused, since
    /// reading past them would change what validates.
    static let unsupportedKeywords: Set<String> = [
        "$id", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary", "dependencies", "additionalItems",
    ]
    /// The dialects a schema may declare with `$schema`: JSON Schema 2020-12 and OpenAPI 3.1's own.
    static let supportedDialects: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema", "https://spec.openapis.org/oas/3.1/dialect/base",
    ]

    /// Reports the keys of a schema outside `known`: an unsupported keyword is an error; `xml`
    /// and a key that is no keyword at all (JSON Schema makes it an annotation) are warnings.
    func checkKeywords(_ entries: [YAMLMappingEntry], known: Set<String>) {
        for entry in entries {
            guard let key = entry.key.string else {
                context.error("a schema's keys must be strings", at: entry.key)
                continue
            }
            if known.contains(key) || Self.annotationKeywords.contains(key) || key.hasPrefix("x-") { continue }
            switch key {
            case "$schema":
                if let dialect = entry.value.string, !Self.supportedDialects.contains(dialect.trimmingSuffix("#")) {
                    context.error("schema dialect '\(dialect)' is not supported (JSON Schema 2020-12 is)", at: entry.value)
                }
            case "xml":
                context.warning("'xml' is not generated: bodies are JSON, and XML is held as text", at: entry.key)
            case _ where Self.unsupportedKeywords.contains(key) || Self.supportedKeywords.contains(key) || Self.evaluatedKeywords.contains(key):
                context.error("'\(key)' in a schema is not supported by this generator", at: entry.key)
            default:
                context.warning("'\(key)' is not a JSON Schema or OpenAPI keyword; it is ignored (an annotation)", at: entry.key)
            }
        }
    }

    /// Keywords holding one subschema, a list of them, or a map of them.
    private static let singleSubschema = [
        "not", "if", "then", "else", "items", "contains", "additionalProperties",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties",
    ]
    private static let subschemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"]
    private static let subschemaMaps = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]

    /// Why `node` must be evaluated rather than typed, or `nil` when a Swift type carries it.
    func evaluationReason(_ node: YAMLNode) -> String? {
        guard let entries = node.mapping else { return nil }
        for entry in entries {
            if let key = entry.key.string, Self.evaluatedKeywords.contains(key) { return "'\(key)'" }
        }
        // Without `type`, `properties`/`items` do not make the value an object/array: JSON Schema
        // accepts every other JSON type too, which a struct or an array could not hold.
        if node["type"] == nil, node["allOf"] == nil, node["$ref"] == nil, node["oneOf"] == nil, node["anyOf"] == nil,
            !context.allOfMembers.contains(node.location)
        {
            for key in ["properties", "additionalProperties", "minProperties", "maxProperties", "required"] where node[key] != nil {
                return "'\(key)' without 'type: object'"
            }
            for key in ["items", "minItems", "maxItems", "uniqueItems"] where node[key] != nil { return "'\(key)' without 'type: array'" }
        }
        // A discriminated union is a Swift enum of named schemas; one with an inline branch, or a
        // mapping to something else, is evaluated as its JSON Schema says (the discriminator is an
        // annotation there).
        if let union = node["oneOf"] ?? node["anyOf"], let discriminator = node["discriminator"] {
            let branches = union.sequence ?? []
            if branches.contains(where: { $0["$ref"]?.string.flatMap(Self.componentName) == nil || $0.mapping?.count != 1 }) {
                return "a discriminated union with a branch that is not a '$ref' to a named schema"
            }
            for target in discriminator["mapping"]?.mapping ?? [] where target.value.string.flatMap(Self.componentName) == nil {
                return "a discriminator mapping to something other than a named schema"
            }
        }
        if let union = node["oneOf"] ?? node["anyOf"], node["discriminator"] == nil {
            let branches = union.sequence ?? []
            let nonNull = branches.filter { $0["type"]?.string != "null" }
            // `oneOf: [X, {type: null}]` is a nullable X only when X itself refuses null.
            let isNullablePair = branches.count == 2 && nonNull.count == 1 && refusesNull(nonNull[0])
            if !isNullablePair, !isStandaloneChoice(node) {
                return node["oneOf"] != nil
                    ? "'oneOf' without a discriminator, beside other keywords" : "'anyOf' without a discriminator, beside other keywords"
            }
        }
        if node["allOf"] == nil, let required = node["required"]?.sequence?.compactMap(\.string) {
            let declared = Set(node["properties"]?.mapping?.compactMap(\.key.string) ?? [])
            if required.contains(where: { !declared.contains($0) }) { return "'required' naming a property 'properties' does not declare" }
        }
        if let types = node["type"]?.sequence, types.compactMap(\.string).filter({ $0 != "null" }).count > 1 {
            return "a list of types"
        }
        if node["$ref"] != nil {
            let siblings = entries.compactMap(\.key.string).filter {
                !Self.keywordsBesideReference.contains($0) && !Self.annotationKeywords.contains($0) && !$0.hasPrefix("x-")
            }
            if !siblings.isEmpty { return "keywords beside '$ref'" }
            if let reference = node["$ref"]?.string, reference.hasPrefix("#"), Self.componentName(reference) == nil,
                context.node(at: reference) != nil
            {
                return "a reference outside '#/components/schemas'"
            }
        }
        return nil
    }

    /// Keywords that may stand beside an untagged `oneOf`/`anyOf` that becomes a Swift enum:
    /// annotations, which change nothing the branches accept.
    private static let keywordsBesideChoice: Set<String> = [
        "oneOf", "anyOf", "description", "title", "deprecated", "default", "example", "examples", "readOnly", "writeOnly",
    ]

    /// Whether `node` is an untagged `oneOf` or `anyOf` with nothing but annotations beside it
    /// (and not both): a Swift enum with a case per branch carries exactly its meaning.
    private func isStandaloneChoice(_ node: YAMLNode) -> Bool {
        guard (node["oneOf"] == nil) != (node["anyOf"] == nil), let entries = node.mapping,
            let branches = (node["oneOf"] ?? node["anyOf"])?.sequence,
            branches.filter({ $0["type"]?.string != "null" }).count >= 2
        else { return false }
        return entries.allSatisfy { entry in
            guard let key = entry.key.string else { return false }
            return Self.keywordsBesideChoice.contains(key) || Self.annotationKeywords.contains(key) || key.hasPrefix("x-")
        }
    }

    /// Whether `node` declares a type that is not null (following one component `$ref`).
    private func refusesNull(_ node: YAMLNode) -> Bool {
        var current = node
        if let reference = node["$ref"]?.string, let name = Self.componentName(reference),
            let target = context.componentSchemaNodes[name]
        {
            current = target
        }
        if node["nullable"]?.scalar?.value == .bool(true) || current["nullable"]?.scalar?.value == .bool(true) { return false }
        if let single = current["type"]?.string { return single != "null" }
        if let list = current["type"]?.sequence { return !list.isEmpty && !list.contains { $0.string == "null" } }
        return false
    }

    /// A schema held as `JSONValue`, checked by its JSON Schema; its subschemas are read for
    /// their diagnostics only.
    func evaluatedSchema(_ node: YAMLNode, pointer: String, readingSubschemas: Bool = true) -> Schema {
        var schema = Schema(kind: .any, pointer: pointer, location: node.location)
        schema.description = context.string(node["description"], "description")
        schema.isDeprecated = context.bool(node["deprecated"], "deprecated") ?? false
        schema.defaultValue = node["default"]?.jsonLiteral
        schema.defaultLocation = node["default"]?.location
        if let example = node["example"] { schema.addExample(example) }
        for example in node["examples"]?.sequence ?? [] { schema.addExample(example) }
        if let entries = node.mapping {
            checkKeywords(entries, known: Self.supportedKeywords.union(Self.evaluatedKeywords))
        }
        if let pattern = node["pattern"], let text = pattern.string, let problem = PatternSupport.problem(in: text) {
            context.error("pattern '\(text)': \(problem)", at: pattern)
        }
        if let reference = node["$ref"]?.string, !reference.hasPrefix("#") {
            context.error("only local references ('#/...') are supported, found '\(reference)'", at: node["$ref"] ?? node)
        } else if let reference = node["$ref"]?.string, context.node(at: reference) == nil {
            context.error("unresolved reference '\(reference)'", at: node["$ref"] ?? node)
        }
        guard readingSubschemas else { return schema }
        for key in Self.singleSubschema {
            if let child = node[key], child.mapping != nil { _ = build(child, pointer: pointer + "/" + key) }
        }
        for key in Self.subschemaLists {
            for (index, child) in (node[key]?.sequence ?? []).enumerated() { _ = build(child, pointer: pointer + "/\(key)/\(index)") }
        }
        for key in Self.subschemaMaps {
            for entry in node[key]?.mapping ?? [] {
                _ = build(entry.value, pointer: pointer + "/\(key)/" + Self.escape(entry.key.string ?? ""))
            }
        }
        return schema
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
