import SpecCore
import YAMLReader

/// Merges `allOf` into one object schema: the properties of every member (named or inline) in
/// order, with `required` united. Members must be objects; anything else is reported.
struct AllOfMerger {
    let builder: SchemaBuilder

    /// The merged object, or `nil` when one Swift struct cannot mean what the `allOf` means
    /// (members that are not objects, one property constrained twice, `additionalProperties`
    /// beside other members, a `required` name no member declares): such a schema is evaluated.
    func merge(_ node: YAMLNode, pointer: String) -> Schema.Kind? {
        let context = builder.context
        guard let members = node["allOf"]?.sequence, !members.isEmpty else {
            context.error("'allOf' must be a non-empty sequence of schemas", at: node["allOf"] ?? node)
            return .any
        }
        var merged = ObjectSchema(properties: [])
        /// Where each property name sits in `merged.properties`, so that merging is linear.
        var indexByName: [String: Int] = [:]
        var sawObject = false
        for member in members { context.allOfMembers.insert(member.location) }
        var parts: [(schema: Schema, node: YAMLNode)] = members.enumerated().map { index, member in
            (builder.build(member, pointer: pointer + "/allOf/\(index)"), member)
        }
        for member in members { context.allOfMembers.remove(member.location) }
        // Typeless members were read as objects: some member (or the allOf) must make the value one.
        var declaresObject = node["type"]?.string == "object" || members.contains { $0["type"]?.string == "object" }
        // Keywords beside allOf apply as one more member.
        if case .mapping(let entries) = node.content {
            let siblingEntries = entries.filter { entry in
                guard let key = entry.key.string else { return true }
                return !Self.annotationsBesideAllOf.contains(key) && !key.hasPrefix("x-")
            }
            if !siblingEntries.isEmpty {
                var siblings = node
                siblings.content = .mapping(siblingEntries)
                context.allOfMembers.insert(siblings.location)
                parts.append((builder.build(siblings, pointer: pointer), node))
                context.allOfMembers.remove(siblings.location)
            }
        }
        var isExact = true
        let constrainingParts = parts.filter { $0.schema.json != .anything }.count
        for part in parts {
            var schema = part.schema
            if case .reference(let name) = schema.kind {
                // Past a limit the spec is refused; merging no further keeps the refusal cheap.
                if context.limitExceeded { continue }
                guard context.allOfDepth < context.limits.maxAllOfDepth else {
                    context.error(
                        "'allOf' merges named schemas more than \(context.limits.maxAllOfDepth) deep here (at '\(name)'); raise the limit maxAllOfDepth if this is intended",
                        at: part.node)
                    context.limitExceeded = true
                    continue
                }
                context.allOfDepth += 1
                let resolved = builder.namedSchema(name)
                context.allOfDepth -= 1
                guard let target = resolved else {
                    context.error("'allOf' member '\(name)' refers back to the schema being merged", at: part.node)
                    continue
                }
                schema = target
                if case .object = target.kind { declaresObject = true }
            }
            switch schema.kind {
            case .object(let object):
                sawObject = true
                for property in object.properties {
                    if let index = indexByName[property.name] {
                        let isRequired = merged.properties[index].isRequired || property.isRequired
                        if merged.properties[index].schema.json == property.schema.json {
                            merged.properties[index] = property
                        } else if let both = Self.intersection(merged.properties[index].schema, property.schema) {
                            merged.properties[index].schema = both
                        } else {
                            isExact = false
                        }
                        merged.properties[index].isRequired = isRequired
                    } else {
                        indexByName[property.name] = merged.properties.count
                        merged.properties.append(property)
                    }
                }
                // additionalProperties sees only its own member's properties: beside others it is not a merge.
                if object.additionalProperties != nil, constrainingParts > 1 { isExact = false }
                if (object.minProperties != nil && merged.minProperties != nil) || (object.maxProperties != nil && merged.maxProperties != nil) {
                    isExact = false
                }
                merged.additionalProperties = object.additionalProperties ?? merged.additionalProperties
                merged.minProperties = object.minProperties ?? merged.minProperties
                merged.maxProperties = object.maxProperties ?? merged.maxProperties
            case .any where schema.json == .anything:
                break
            default:
                isExact = false
            }
        }
        if let requiredNode = node["required"], let names = requiredNode.sequence?.compactMap(\.string) {
            for name in names {
                if let index = indexByName[name] {
                    merged.properties[index].isRequired = true
                } else {
                    isExact = false
                }
            }
        }
        guard isExact, declaresObject || !sawObject else { return nil }
        return sawObject ? .object(merged) : .any
    }

    /// One string schema meaning both `first` and `second` (a base's `type: string` narrowed to a
    /// `const` by a member, say), or `nil` when the two do not combine into one.
    static func intersection(_ first: Schema, _ second: Schema) -> Schema? {
        guard case .string(let a) = first.kind, case .string(let b) = second.kind else { return nil }
        func same<T: Equatable>(_ x: T?, _ y: T?) -> (value: T?, ok: Bool) {
            if let x, let y { return (x, x == y) }
            return (x ?? y, true)
        }
        let format = same(a.format, b.format)
        let pattern = same(a.pattern, b.pattern)
        guard format.ok, pattern.ok else { return nil }
        var values = first.allowedValues
        var isConst = first.isConst
        if let narrower = second.allowedValues {
            values = values.map { existing in narrower.filter(existing.contains) } ?? narrower
            isConst = values?.count == 1 && (first.isConst || second.isConst)
        }
        if values?.isEmpty == true { return nil }
        var merged = second
        merged.kind = .string(
            StringSchema(
                format: format.value, minLength: [a.minLength, b.minLength].compactMap { $0 }.max(),
                maxLength: [a.maxLength, b.maxLength].compactMap { $0 }.min(), pattern: pattern.value))
        merged.allowedValues = values
        merged.isConst = isConst
        merged.isNullable = first.isNullable && second.isNullable
        merged.json = .keywords(
            {
                var both = SchemaKeywords()
                both.allOf = [first.json, second.json]
                return both
            }())
        merged.description = second.description ?? first.description
        return merged
    }

    /// Keywords beside `allOf` that constrain nothing (or are read elsewhere).
    static let annotationsBesideAllOf: Set<String> = [
        "allOf", "description", "title", "deprecated", "example", "examples", "default", "nullable", "$comment", "$anchor", "$defs",
        "readOnly", "writeOnly",
    ]
}
