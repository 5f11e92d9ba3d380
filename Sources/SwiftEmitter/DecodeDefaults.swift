import OpenAPIModel
import SpecCore
import SwiftSource

/// The spec's `default`s as Swift literals, and the rule that applies them on decode: an optional,
/// non-nullable property whose `default` has a literal for its type is stored as non-optional,
/// takes the default when the member is absent, and offers it as the initializer's default; an
/// optional, nullable one stays `Nullable<T>?` and decodes an absent member as `.value(default)`.
/// A `default` without a literal form (an object, a non-empty array, a value no enum case holds)
/// leaves the property optional, with a warning from the model emitter.
extension TypePlan {
    /// A Swift literal for a JSON value used as the default of a value of `type`, or `nil` when
    /// the value has no simple literal form there.
    /// An alias (`typealias Language = String`) takes the literal of what it stands for.
    func defaultLiteral(_ value: JSONLiteral, for type: TypeReference, schema: Schema) -> Expr? {
        let resolved = document.resolved(schema)
        let swiftType = underlying(type.type)
        switch value {
        case .string(let text):
            if resolved.allowedValues != nil, !resolved.isConst, case .string = resolved.kind,
                let enumPlan = enums[swiftType], let match = enumPlan.cases.first(where: { $0.value == text })
            {
                return .member(nil, match.name)
            }
            return swiftType == .string ? .string(text) : nil
        case .integer(let number):
            return [.int, .int32, .double, .float].contains(swiftType) ? .integer(number) : nil
        case .number(let number):
            return [.double, .float].contains(swiftType) ? .number(String(number)) : nil
        case .bool(let flag):
            return swiftType == .bool ? .bool(flag) : nil
        case .array(let items) where items.isEmpty:
            return swiftType.arrayElement != nil ? .array([]) : nil
        default:
            return nil
        }
    }

    /// `declarations` with decode defaults set; needs the enums indexed first (their case names
    /// are the literals of enum defaults).
    func applyingDecodeDefaults(to declarations: [PlannedType]) -> [PlannedType] {
        declarations.map { declaration in
            guard case .structure(var plan) = declaration else { return declaration }
            plan.properties = plan.properties.map { property in
                var property = property
                guard !property.isRequired, let value = property.schema.defaultValue,
                    let literal = defaultLiteral(value, for: property.type, schema: property.schema)
                else { return property }
                if property.isNullable {
                    // `Nullable<T>?`: absent decodes as `.value(default)`, null stays `.null`.
                    property.decodeDefault = Expr.member(nil, "value").call(literal)
                } else {
                    property.decodeDefault = literal
                    property.isRequired = true
                }
                return property
            }
            plan.nested = applyingDecodeDefaults(to: plan.nested)
            return .structure(plan)
        }
    }
}
