import OpenAPIModel
import SwiftSource

/// When a struct keeps ``DecodingFindings`` (the runtime's record of what decoding saw but the
/// value cannot show): when it is closed (`additionalProperties: false`), so undeclared members
/// are reported, or has an optional member that may not be null, so `null` there is reported as a
/// `type` violation rather than read as absent.
struct DecodingFindingsRule {
    let context: EmissionContext

    /// The stored property that holds them.
    static let memberName = "_decodingFindings"

    func isClosed(_ plan: StructPlan) -> Bool {
        if case .object(let object) = plan.schema.kind { return object.additionalProperties == .forbidden }
        return false
    }

    /// Members whose `null` is a violation: optional in the schema (absent or defaulted), not
    /// nullable, not held as JSONValue.
    func nullRefusing(_ plan: StructPlan) -> [PropertyPlan] {
        plan.properties.filter {
            (!$0.isRequired || $0.decodeDefault != nil) && !$0.isNullable && $0.type.type != .jsonValue
        }
    }

    /// Members whose applied default is noted: those with a decode default, in an object whose
    /// member count is bounded (the count is of the members the JSON had).
    func countedDefaults(_ plan: StructPlan) -> [PropertyPlan] {
        guard boundsMemberCount(plan) else { return [] }
        return plan.properties.filter { $0.decodeDefault != nil }
    }

    /// Whether the member count is bounded (`minProperties`/`maxProperties`).
    func boundsMemberCount(_ plan: StructPlan) -> Bool {
        guard case .object(let object) = plan.schema.kind else { return false }
        return object.minProperties != nil || object.maxProperties != nil
    }

    /// Whether decoding counts members the value does not hold: a bounded member count, where
    /// undeclared members are neither kept (`additionalProperties`) nor reported (closed).
    func countsUnheldMembers(_ plan: StructPlan) -> Bool {
        boundsMemberCount(plan) && plan.additionalValueType == nil && !isClosed(plan)
    }

    func applies(to plan: StructPlan) -> Bool {
        isClosed(plan) || !nullRefusing(plan).isEmpty || countsUnheldMembers(plan) || !countedDefaults(plan).isEmpty
    }

    /// The JSON type a member's schema expects, for the message (`string`, `object`, ...).
    func expectedType(_ schema: Schema) -> String {
        switch context.document.resolved(schema).kind {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .object, .union: "object"
        case .choice: "non-null"
        case .array: "array"
        case .any, .reference: "non-null"
        }
    }
}
