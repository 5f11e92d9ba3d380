import OpenAPIModel
import SwiftSource

extension TypePlan {
    /// A struct for an object schema: members named in one scope, nested types in another. A
    /// nested type that would take the name of a top-level type or of the struct itself gets
    /// `Payload` (inside the struct it would shadow that type), before it is claimed.
    func structPlan(_ object: ObjectSchema, schema: Schema, name: String, type: SwiftType) -> StructPlan {
        var nested: [PlannedType] = []
        var nestedScope = NameScope("the types nested in '\(name)'")
        var members = NameScope("the properties of '\(name)'")
        if object.additionalProperties != nil, object.additionalProperties != .forbidden {
            members.reserve(["additionalProperties"], by: "the member holding additional properties")
        }
        var properties: [PropertyPlan] = []
        for property in object.properties {
            var nestedName = Namer.typeName(property.name)
            if topLevel.isTaken(nestedName) || nestedName == name { nestedName += "Payload" }
            let propertyType = resolve(property.schema, naming: .suggested(nestedName), in: type, scope: &nestedScope, nested: &nested)
            let memberName = members.claim(
                Namer.memberName(property.name), for: "property '\(property.name)'", at: property.schema.location,
                diagnostics: diagnostics)
            properties.append(
                PropertyPlan(
                    wireName: property.name, name: memberName, type: propertyType, isRequired: property.isRequired,
                    isNullable: admitsNull(property.schema), schema: property.schema,
                    isIndirect: boxing.isBoxed(property.schema, ownerPointer: schema.pointer)))
        }
        var additional: SwiftType?
        var additionalDateTimes = false
        switch object.additionalProperties {
        case .typed(let valueSchema)?:
            let value = resolve(valueSchema, naming: .suggested("AdditionalProperty"), in: type, scope: &nestedScope, nested: &nested)
            additional = valueSchema.isNullable ? .optional(value.type) : value.type
            additionalDateTimes = value.coding == .dateTime
        case .allowed?:
            additional = .named(["JSONValue"])
        case .forbidden?, nil:
            additional = nil
        }
        return StructPlan(
            name: name, type: type, schema: schema, properties: properties, additionalValueType: additional,
            additionalValuesAreDateTimes: additionalDateTimes, nested: nested)
    }

    /// A string enum: a case per value, claimed in the enum's scope, and a fallback case for
    /// values the spec does not list (`undocumented`, or `_undocumented` when a value takes it).
    func enumPlan(_ values: [String], schema: Schema, name: String, type: SwiftType) -> EnumPlan {
        var scope = NameScope("the cases of '\(name)'")
        let cases = values.map { value in
            EnumPlan.Case(
                value: value,
                name: scope.claim(
                    Namer.memberName(value), for: "enum value '\(value)'", at: schema.location, diagnostics: diagnostics))
        }
        let fallback = scope.isTaken("undocumented") ? "_undocumented" : "undocumented"
        return EnumPlan(name: name, type: type, schema: schema, cases: cases, fallbackCase: fallback)
    }

    func unionPlan(_ union: UnionSchema, schema: Schema, name: String, type: SwiftType) -> UnionPlan {
        var scope = NameScope("the cases of '\(name)'")
        let cases = union.branches.map { branch in
            UnionPlan.Case(
                branch: branch,
                name: scope.claim(
                    Namer.memberName(branch.value), for: "discriminator value '\(branch.value)'",
                    at: schema.location, diagnostics: diagnostics),
                type: namedTypes[branch.schemaName] ?? .named([Namer.typeName(branch.schemaName)]))
        }
        return UnionPlan(name: name, type: type, schema: schema, union: union, cases: cases)
    }

    /// An untagged union: a case per branch, named after the named schema it refers to or the
    /// JSON type it is (`string`, `integer`, `array`...); inline objects and enums become nested
    /// types `Option1`, `Option2`... (numbered by the branch's place in the spec). A name
    /// taken by an earlier case gets the branch's number.
    func choicePlan(_ choice: ChoiceSchema, schema: Schema, name: String, type: SwiftType) -> ChoicePlan {
        var cases = NameScope("the cases of '\(name)'")
        var nestedScope = NameScope("the types nested in '\(name)'")
        var nested: [PlannedType] = []
        let planned = choice.branches.map { branch in
            let number = branch.index + 1
            var caseName = choiceCaseName(branch.schema, number: number)
            if cases.isTaken(caseName) { caseName += "\(number)" }
            caseName = cases.claim(
                caseName, for: "branch \(branch.index) of the \(choice.keyword)", at: branch.schema.location,
                diagnostics: diagnostics)
            var nestedName = "Option\(number)"
            if topLevel.isTaken(nestedName) || nestedName == name { nestedName += "Payload" }
            let reference = resolve(branch.schema, naming: .suggested(nestedName), in: type, scope: &nestedScope, nested: &nested)
            return ChoicePlan.Case(branch: branch, name: caseName, type: reference)
        }
        return ChoicePlan(name: name, type: type, schema: schema, choice: choice, cases: planned, nested: nested)
    }

    private func choiceCaseName(_ schema: Schema, number: Int) -> String {
        switch schema.kind {
        case .reference(let target): Namer.memberName(namedTypes[target]?.path?.last ?? Namer.typeName(target))
        case .string(let string) where schema.allowedValues == nil || schema.isConst:
            switch string.format {
            case .dateTime?: "dateTime"
            case .date?: "date"
            default: string.isBinary ? "file" : "string"
            }
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .array: "array"
        case .object(let object) where object.properties.isEmpty && object.additionalProperties != .forbidden: "dictionary"
        case .any: "value"
        case .string, .object, .union, .choice: "option\(number)"
        }
    }
}
