import YAMLReader

/// Merges `allOf` into one object schema: the properties of every member (named or inline) in
/// order, with `required` united. Members must be objects; anything else is reported.
struct AllOfMerger {
    let builder: SchemaBuilder

    func merge(_ node: YAMLNode, pointer: String) -> Schema.Kind {
        let context = builder.context
        guard let members = node["allOf"]?.sequence, !members.isEmpty else {
            context.error("'allOf' must be a non-empty sequence of schemas", at: node["allOf"] ?? node)
            return .any
        }
        var merged = ObjectSchema(properties: [])
        /// Where each property name sits in `merged.properties`, so that merging is linear.
        var indexByName: [String: Int] = [:]
        var sawObject = false
        var parts: [(schema: Schema, node: YAMLNode)] = members.enumerated().map { index, member in
            (builder.build(member, pointer: pointer + "/allOf/\(index)"), member)
        }
        // Keywords beside allOf apply as one more member.
        if node["properties"] != nil || node["required"] != nil {
            var siblings = node
            if case .mapping(let entries) = node.content {
                siblings.content = .mapping(entries.filter { $0.key.string != "allOf" && $0.key.string != "description" })
            }
            parts.append((builder.build(siblings, pointer: pointer), node))
        }
        for part in parts {
            var schema = part.schema
            if case .reference(let name) = schema.kind {
                // Past a limit the spec is refused; merging no further keeps the refusal cheap.
                if context.limitExceeded { continue }
                guard context.allOfDepth < context.limits.maxAllOfDepth else {
                    context.error("'allOf' merges named schemas more than \(context.limits.maxAllOfDepth) deep here (at '\(name)'); raise the limit maxAllOfDepth if this is intended", at: part.node)
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
            }
            switch schema.kind {
            case .object(let object):
                sawObject = true
                for property in object.properties {
                    if let index = indexByName[property.name] {
                        let isRequired = merged.properties[index].isRequired || property.isRequired
                        merged.properties[index] = property
                        merged.properties[index].isRequired = isRequired
                    } else {
                        indexByName[property.name] = merged.properties.count
                        merged.properties.append(property)
                    }
                }
                merged.additionalProperties = object.additionalProperties ?? merged.additionalProperties
                merged.minProperties = object.minProperties ?? merged.minProperties
                merged.maxProperties = object.maxProperties ?? merged.maxProperties
            case .any:
                break
            default:
                context.error("'allOf' is supported for object schemas only", at: part.node)
            }
        }
        if let requiredNode = node["required"], let names = requiredNode.sequence?.compactMap(\.string) {
            for name in names {
                if let index = indexByName[name] {
                    merged.properties[index].isRequired = true
                }
            }
        }
        return sawObject ? .object(merged) : .any
    }
}
