import OpenAPIModel
import SwiftSource

/// Emits `Validators.swift`: a `Validatable` conformance per generated type, checking every
/// constraint keyword of its schema and reporting each violation with its JSON Pointer.
struct ValidatorEmitter {
    let context: EmissionContext

    func emit() -> SourceWriter {
        var patterns = ValidationTable()
        var file = context.beginFile()
        for declaration in context.plan.declarations {
            for conformance in conformances(declaration, patterns: &patterns) { file.append(conformance) }
        }
        // Last, because the patterns are known only once every check is built.
        for table in patterns.declarations(doc: "The spec's `pattern`s, compiled once.", registry: context.document.schemaRegistry) { file.append(table) }
        return file
    }

    private func conformance(_ type: SwiftType, _ body: [Statement]) -> Declaration {
        .extension(
            ExtensionDeclaration(
                modifiers: Modifiers(isNonisolated: true), extendedType: type, conformances: [.named(["Validatable"])],
                members: [
                    .function(
                        FunctionDeclaration(
                            modifiers: context.modifiers(), kind: .function("validate"),
                            parameters: [FunctionParameter(label: "in", name: "context", type: .named(["ValidationContext"]), isInout: true)], body: body))
                ]))
    }

    private func conformances(_ declaration: PlannedType, patterns: inout ValidationTable) -> [Declaration] {
        switch declaration {
        case .alias:
            return []
        case .stringEnum(let plan):
            let values = plan.cases.map(\.value).joined(separator: ", ")
            return [
                conformance(
                    plan.type,
                    [
                        .if(
                            .matches(.enumCase(plan.fallbackCase, bindings: ["value"]), .selfValue),
                            [
                                .expression(
                                    Expr.id("context").dot("report").call(
                                        (nil, .string("enum")), ("limit", .string(values)),
                                        ("actual", Expr.id("ValidationContext").dot("excerpt").call(.id("value")))))
                            ])
                    ])
            ]
        case .union(let plan):
            // A branch held as JSONValue (its schema is evaluated) is checked like any other value of its schema.
            let checker = CheckEmitter(context: context)
            return [
                conformance(
                    plan.type,
                    [
                        .switch(
                            .selfValue,
                            plan.cases.map { unionCase in
                                let branch = context.document.schema(named: unionCase.branch.schemaName)?.schema
                                let checks =
                                    branch.map {
                                        checker.checks(value: .id("value"), schema: $0, type: unionCase.type, patterns: &patterns, depth: 0)
                                    } ?? [CheckEmitter.selfValidation(of: .id("value"))]
                                return SwitchCase([.enumCase(unionCase.name, bindings: checks.isEmpty ? [] : ["value"])], checks.isEmpty ? [.break] : checks)
                            })
                    ])
            ]
        case .choice(let plan):
            var result = [ChoiceEmitter(context: context).conformance(plan, patterns: &patterns)]
            for nested in plan.nested {
                result += conformances(nested, patterns: &patterns)
            }
            return result
        case .structure(let plan):
            var result = [conformance(plan.type, structChecks(plan, patterns: &patterns))]
            for nested in plan.nested {
                result += conformances(nested, patterns: &patterns)
            }
            return result
        }
    }

    private func structChecks(_ plan: StructPlan, patterns: inout ValidationTable) -> [Statement] {
        var result: [Statement] = []
        if DecodingFindingsRule(context: context).applies(to: plan) {
            result.append(.expression(Expr.id("context").dot("report").call(.selfMember(DecodingFindingsRule.memberName))))
        }
        let checker = CheckEmitter(context: context)
        if case .object(let object) = plan.schema.kind, object.minProperties != nil || object.maxProperties != nil {
            let findings = Expr.selfMember(DecodingFindingsRule.memberName)
            var counted: [Expr] = plan.properties.map { property in
                // A default that stood in for an absent member is not counted: the JSON did not have it.
                if property.decodeDefault != nil {
                    return .parenthesized(.ternary(findings.dot("appliedDefault").call(.string(property.wireName)), .integer(0), .integer(1)))
                }
                return property.isRequired
                    ? .integer(1) : .parenthesized(.ternary(.binary(property.access(on: .selfValue), "==", .nil), .integer(0), .integer(1)))
            }
            if plan.additionalValueType != nil { counted.append(Expr.id("additionalProperties").dot("count")) }
            // Members decoding saw but the value does not keep count too.
            if DecodingFindingsRule(context: context).countsUnheldMembers(plan) { counted.append(findings.dot("membersNotHeld")) }
            let sum = counted.dropFirst().reduce(counted.first ?? .integer(0)) { .binary($0, "+", $1) }
            result.append(.let("memberCount", nil, sum))
            result.append(
                .expression(
                    Expr.id("context").dot("checkPropertyCount").call(
                        (nil, .id("memberCount")), ("minProperties", object.minProperties.map(Expr.integer) ?? .nil),
                        ("maxProperties", object.maxProperties.map(Expr.integer) ?? .nil))))
        }
        for property in plan.properties {
            let checks = checker.checks(value: .id("value"), schema: property.schema, type: property.type.type, patterns: &patterns, depth: 0)
            guard !checks.isEmpty else { continue }
            let stored = property.access(on: .selfValue)
            let body: [Statement]
            switch (property.isRequired, property.isNullable) {
            case (true, false): body = [.let("value", nil, stored)] + checks
            case (true, true), (false, false): body = [.if(.optionalBinding("value", stored), checks)]
            case (false, true): body = [.if(.matches(.optional(.enumCase("value", bindings: ["value"])), stored), checks)]
            }
            result.append(checker.nested(.string(property.wireName), body))
        }
        if let additional = plan.additionalValueType, case .object(let object) = plan.schema.kind,
            case .typed(let valueSchema)? = object.additionalProperties
        {
            var checks = checker.checks(value: .id("value"), schema: valueSchema, type: additional.unwrapped, patterns: &patterns, depth: 0)
            if valueSchema.isNullable, !checks.isEmpty { checks = [.if(.optionalBinding("value", nil), checks)] }
            if !checks.isEmpty {
                result.append(
                    .for(
                        pattern: .tuple([.binding("name"), .binding("value")]),
                        sequence: Expr.id("additionalProperties").dot("sorted").call(("by", .raw("{ $0.key < $1.key }"))), condition: nil,
                        body: [checker.nested(.id("name"), checks)]))
            }
        }
        return result
    }
}
