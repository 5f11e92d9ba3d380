import SpecDiagnostics
import YAMLReader

/// Draft 2019-09's self-recursion idiom, `$recursiveAnchor: true` at the root of a named schema
/// and `$recursiveRef: "#"` inside it, read as a `$ref` to that named schema (what the idiom
/// means where no other schema of the document sets an anchor). Any other use of the two
/// keywords is left for the schema builder to refuse.
enum RecursiveReferences {
    static func rewrite(_ root: YAMLNode, diagnostics: inout [Diagnostic]) -> YAMLNode {
        guard var components = root["components"], var schemas = components["schemas"],
            case .mapping(var entries) = schemas.content
        else { return root }
        var changed = false
        for (index, entry) in entries.enumerated() {
            guard let name = entry.key.string, case .mapping(var members) = entry.value.content,
                let anchor = members.firstIndex(where: { $0.key.string == "$recursiveAnchor" }),
                members[anchor].value.scalar?.value == .bool(true)
            else { continue }
            let location = members[anchor].key.location
            members.remove(at: anchor)
            var body = entry.value
            body.content = .mapping(members)
            let target = SchemaBuilder.componentPrefix + SchemaBuilder.escape(name)
            var count = 0
            body = replacingRecursiveRefs(in: body, with: target, count: &count)
            entries[index].value = body
            changed = true
            diagnostics.append(
                .warning(
                    "'$recursiveAnchor' with '$recursiveRef: \"#\"' is read as a reference to '\(name)' itself "
                        + "(\(count) \(count == 1 ? "use" : "uses"))", at: location))
        }
        guard changed else { return root }
        schemas.content = .mapping(entries)
        components = replacing("schemas", in: components, with: schemas)
        return replacing("components", in: root, with: components)
    }

    private static func replacingRecursiveRefs(in node: YAMLNode, with target: String, count: inout Int) -> YAMLNode {
        var node = node
        switch node.content {
        case .mapping(var entries):
            for index in entries.indices {
                if entries[index].key.string == "$recursiveRef", entries[index].value.string == "#" {
                    var key = entries[index].key
                    key.content = .scalar(YAMLScalar(text: "$ref", style: .plain, value: .string("$ref")))
                    var value = entries[index].value
                    value.content = .scalar(YAMLScalar(text: target, style: .plain, value: .string(target)))
                    entries[index] = YAMLMappingEntry(key: key, value: value)
                    count += 1
                } else {
                    entries[index].value = replacingRecursiveRefs(in: entries[index].value, with: target, count: &count)
                }
            }
            node.content = .mapping(entries)
        case .sequence(let items):
            node.content = .sequence(items.map { replacingRecursiveRefs(in: $0, with: target, count: &count) })
        default:
            break
        }
        return node
    }

    private static func replacing(_ key: String, in node: YAMLNode, with value: YAMLNode) -> YAMLNode {
        guard case .mapping(var entries) = node.content, let index = entries.firstIndex(where: { $0.key.string == key }) else { return node }
        entries[index].value = value
        var result = node
        result.content = .mapping(entries)
        return result
    }
}
