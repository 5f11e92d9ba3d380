import Foundation
import SpecCore

extension ValidationContext {
    /// Checks a value of an untagged union (`oneOf`/`anyOf` without a discriminator) by the JSON
    /// Schema rule of its keyword. The branch the value is held as is checked by its own checks
    /// (`checkingHeld`, which see what decoding saw), every other branch by evaluating its schema
    /// against the value's JSON. `oneOf` holds when exactly one branch matches, `anyOf` when at
    /// least one does; when none does, the held branch's violations are reported beside the
    /// keyword's, to say why.
    ///
    /// - Parameters:
    ///   - value: The union's value, encoded to JSON for the other branches' schemas.
    ///   - keyword: `oneOf` or `anyOf`.
    ///   - branchCount: How many branches the spec lists (a `null` branch included).
    ///   - held: The spec's index of the branch the value is held as.
    ///   - branches: Every branch's spec index and schema.
    ///   - checkingHeld: The checks of the branch the value is held as.
    @_spi(Generated) public mutating func checkChoice<Value: Encodable>(
        _ value: Value, keyword: String, branchCount: Int, held: Int, branches: [(index: Int, schema: EmbeddedSchema)],
        checkingHeld: (inout ValidationContext) -> Void
    ) {
        var heldBranch = self
        heldBranch.violations = []
        checkingHeld(&heldBranch)
        var matches = heldBranch.violations.isEmpty ? [held] : []
        var excerpt = "the value"
        if keyword == "oneOf" || matches.isEmpty {
            let json: JSONLiteral
            do {
                json = try JSONValue(encoding: value).jsonLiteral
            } catch {
                report(keyword, limit: "\(branchCount) schemas", actual: "the value does not encode as JSON (\(error))")
                return
            }
            excerpt = SchemaEvaluator.excerpt(json)
            for branch in branches where branch.index != held && branch.schema.accepts(json) { matches.append(branch.index) }
        }
        matches.sort()
        if matches.isEmpty {
            report(keyword, limit: "\(branchCount) schemas", actual: "\(excerpt) matches none")
            violations += heldBranch.violations
        } else if keyword == "oneOf", matches.count > 1 {
            report(
                "oneOf", limit: "\(branchCount) schemas",
                actual: "\(excerpt) matches \(matches.count) (\(matches.map(String.init).joined(separator: ", ")))")
        }
    }
}

extension EmbeddedSchema {
    /// Whether `value` breaks no keyword of the schema (an unreadable schema accepts nothing).
    func accepts(_ value: JSONLiteral) -> Bool {
        problem == nil && evaluator.failures(of: value, against: schema).isEmpty
    }
}

extension JSONValue {
    /// The JSON `value` encodes to, through the coders generated code uses.
    @_spi(Generated) public init(encoding value: some Encodable) throws {
        let data = try JSONCoding.makeEncoder().encode(value)
        self = try JSONCoding.makeDecoder().decode(JSONValue.self, from: data)
    }
}
