/// `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`: subschemas applied to the instance
/// itself. Branches that are only tried (`anyOf`, `oneOf`, `not`, `if`) leave no failures of their
/// own; the keyword reports once.
extension Evaluation {
    mutating func applyCombinators(_ instance: JSONLiteral, _ schema: SchemaKeywords, collect: Bool, into annotations: inout Annotations) {
        if let branches = schema.allOf {
            for branch in branches {
                let mark = failures.count
                let found = evaluate(instance, branch, keyword: "allOf", collect: collect)
                if failures.count == mark { annotations.merge(found) }
            }
        }
        if let branches = schema.anyOf {
            var matched = 0
            // Every branch is tried, even after a match: each passing branch's annotations count.
            for branch in branches where passes(instance, branch, collect: collect, annotations: &annotations) {
                matched += 1
                if !collect { break }
            }
            if matched == 0 {
                fail("anyOf", limit: "\(branches.count) schemas", actual: "\(Self.excerpt(instance)) matches none")
            }
        }
        if let branches = schema.oneOf {
            var matches: [Int] = []
            var found = Annotations()
            for (index, branch) in branches.enumerated() where passes(instance, branch, collect: collect, annotations: &found) {
                matches.append(index)
            }
            switch matches.count {
            case 1: annotations.merge(found)
            case 0: fail("oneOf", limit: "\(branches.count) schemas", actual: "\(Self.excerpt(instance)) matches none")
            default:
                fail(
                    "oneOf", limit: "\(branches.count) schemas",
                    actual: "\(Self.excerpt(instance)) matches \(matches.count) (\(matches.map(String.init).joined(separator: ", ")))")
            }
        }
        if let negated = schema.not {
            var ignored = Annotations()
            if passes(instance, negated, collect: false, annotations: &ignored) {
                fail("not", limit: "a schema", actual: "\(Self.excerpt(instance)) matches it")
            }
        }
        if let condition = schema.ifSchema {
            if passes(instance, condition, collect: collect, annotations: &annotations) {
                if let then = schema.thenSchema { applyInPlace(instance, then, keyword: "then", collect: collect, into: &annotations) }
            } else if let otherwise = schema.elseSchema {
                applyInPlace(instance, otherwise, keyword: "else", collect: collect, into: &annotations)
            }
        }
    }

    /// A subschema whose failures are the schema's own (`then`, `else`, `dependentSchemas`).
    mutating func applyInPlace(_ instance: JSONLiteral, _ schema: JSONSchema, keyword: String, collect: Bool, into annotations: inout Annotations) {
        let mark = failures.count
        let found = evaluate(instance, schema, keyword: keyword, collect: collect)
        if failures.count == mark { annotations.merge(found) }
    }
}
