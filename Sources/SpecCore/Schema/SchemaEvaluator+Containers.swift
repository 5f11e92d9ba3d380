/// Keywords of arrays and objects, `unevaluatedItems` and `unevaluatedProperties` last so that
/// they see every other keyword's annotations.
extension Evaluation {
    mutating func checkArray(_ elements: [JSONLiteral], _ schema: SchemaKeywords, into annotations: inout Annotations) {
        if let minimum = schema.minItems, elements.count < minimum { fail("minItems", limit: String(minimum), actual: "\(elements.count) items") }
        if let maximum = schema.maxItems, elements.count > maximum { fail("maxItems", limit: String(maximum), actual: "\(elements.count) items") }
        if schema.uniqueItems {
            var seen: [JSONLiteral: Int] = [:]
            for (index, element) in elements.enumerated() {
                if let first = seen[element] {
                    fail("uniqueItems", limit: "true", actual: "item \(index) repeats item \(first)")
                    break
                }
                seen[element] = index
            }
        }
        let prefix = schema.prefixItems ?? []
        for (index, element) in elements.enumerated() {
            let itemSchema: JSONSchema? = index < prefix.count ? prefix[index] : schema.items
            guard let itemSchema else { continue }
            let keyword = index < prefix.count ? "prefixItems" : "items"
            _ = nested(.index(index)) { $0.evaluate(element, itemSchema, keyword: keyword, collect: false) }
        }
        if !prefix.isEmpty { annotations.itemPrefix = max(annotations.itemPrefix, min(prefix.count, elements.count)) }
        if schema.items != nil { annotations.allItems = true }
        if let contains = schema.contains {
            var matched: [Int] = []
            for (index, element) in elements.enumerated() {
                var ignored = Annotations()
                let passed = nested(.index(index)) { $0.passes(element, contains, collect: false, annotations: &ignored) }
                if passed { matched.append(index) }
            }
            annotations.items.formUnion(matched)
            let minimum = schema.minContains ?? 1
            if matched.count < minimum {
                fail(schema.minContains == nil ? "contains" : "minContains", limit: String(minimum), actual: "\(matched.count) matching items")
            }
            if let maximum = schema.maxContains, matched.count > maximum {
                fail("maxContains", limit: String(maximum), actual: "\(matched.count) matching items")
            }
        }
        if let unevaluated = schema.unevaluatedItems {
            for (index, element) in elements.enumerated() where !annotations.coversItem(index) {
                _ = nested(.index(index)) { $0.evaluate(element, unevaluated, keyword: "unevaluatedItems", collect: false) }
            }
            annotations.allItems = true
        }
    }

    mutating func checkObject(_ members: [(key: String, value: JSONLiteral)], _ schema: SchemaKeywords, collect: Bool, into annotations: inout Annotations) {
        if let minimum = schema.minProperties, members.count < minimum {
            fail("minProperties", limit: String(minimum), actual: "\(members.count) members")
        }
        if let maximum = schema.maxProperties, members.count > maximum {
            fail("maxProperties", limit: String(maximum), actual: "\(members.count) members")
        }
        var present: Set<String> = []
        for member in members { present.insert(member.key) }
        for name in schema.required where !present.contains(name) {
            fail("required", limit: name, actual: "missing", atMember: name)
        }
        for (name, needed) in schema.dependentRequired.sorted(by: { $0.key < $1.key }) where present.contains(name) {
            for other in needed where !present.contains(other) {
                fail("dependentRequired", limit: "\(name) needs \(other)", actual: "missing", atMember: other)
            }
        }
        let instance = JSONLiteral.object(members)
        for dependent in schema.dependentSchemas where present.contains(dependent.name) {
            applyInPlace(instance, dependent.schema, keyword: "dependentSchemas", collect: collect, into: &annotations)
        }
        if let names = schema.propertyNames {
            for member in members {
                _ = nested(.key(member.key)) { $0.evaluate(.string(member.key), names, keyword: "propertyNames", collect: false) }
            }
        }
        checkMembers(members, schema, into: &annotations)
        if let unevaluated = schema.unevaluatedProperties {
            for member in members where !annotations.properties.contains(member.key) {
                _ = nested(.key(member.key)) { $0.evaluate(member.value, unevaluated, keyword: "unevaluatedProperties", collect: false) }
                annotations.properties.insert(member.key)
            }
        }
    }

    /// `properties`, `patternProperties` and `additionalProperties`, member by member.
    private mutating func checkMembers(_ members: [(key: String, value: JSONLiteral)], _ schema: SchemaKeywords, into annotations: inout Annotations) {
        guard !schema.properties.isEmpty || !schema.patternProperties.isEmpty || schema.additionalProperties != nil else { return }
        var declared: [String: JSONSchema] = [:]
        for property in schema.properties where declared[property.name] == nil { declared[property.name] = property.schema }
        for member in members {
            var matched = false
            if let propertySchema = declared[member.key] {
                matched = true
                _ = nested(.key(member.key)) { $0.evaluate(member.value, propertySchema, keyword: "properties", collect: false) }
            }
            for patterned in schema.patternProperties {
                guard let regex = regex(patterned.name), regex.matches(member.key) else { continue }
                matched = true
                _ = nested(.key(member.key)) { $0.evaluate(member.value, patterned.schema, keyword: "patternProperties", collect: false) }
            }
            if matched {
                annotations.properties.insert(member.key)
            } else if let additional = schema.additionalProperties {
                _ = nested(.key(member.key)) { $0.evaluate(member.value, additional, keyword: "additionalProperties", collect: false) }
                annotations.properties.insert(member.key)
            }
        }
    }
}
