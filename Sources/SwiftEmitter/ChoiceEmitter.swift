import OpenAPIModel
import SwiftSource

/// Emits the enum of an untagged `oneOf`/`anyOf` and its `Validatable` conformance.
///
/// Decoding tries the branches in the spec's order: the first whose Swift type decodes and whose
/// checks pass is taken; failing that, the first that decodes (its violations are then reported
/// by `violations()`); a value no branch decodes is a `DecodingError`. Validation applies the JSON
/// Schema rule: see the runtime's `checkChoice`.
struct ChoiceEmitter {
    let context: EmissionContext

    /// The enum, marked with `attributes`, with `nested` (the inline branches' types) declared inside it.
    func model(_ plan: ChoicePlan, attributes: [String], nested: [Declaration]) -> Declaration {
        var members: [Declaration] = plan.cases.map { choiceCase in
            .enumCase(
                EnumCaseDeclaration(
                    doc: Docs.from(choiceCase.branch.schema.description)
                        ?? Docs.lines("The value matches branch \(choiceCase.branch.index) of the `\(plan.choice.keyword)`."),
                    attributes: Docs.attributes(deprecated: choiceCase.branch.schema.isDeprecated),
                    name: choiceCase.name, associatedValues: [choiceCase.type.type]))
        }
        members.append(decoding(plan))
        members.append(encoding(plan))
        members += nested
        let isIndirect = plan.choice.branches.contains { context.plan.boxing.isBoxed($0.schema, ownerPointer: plan.schema.pointer) }
        return .type(
            TypeDeclaration(
                doc: Docs.from(plan.schema.description, remark: plan.schema.pointer),
                attributes: attributes,
                modifiers: Modifiers(access: context.modifiers().access, isNonisolated: true, isIndirect: isIndirect),
                kind: .enum, name: plan.name,
                conformances: [.named(["Codable"]), .named(["Hashable"]), .named(["Sendable"])], members: members))
    }

    private func decoding(_ plan: ChoicePlan) -> Declaration {
        var body: [Statement] = [.var("firstDecoded", .optional(.named(["Self"])), nil)]
        for choiceCase in plan.cases {
            let decoded =
                choiceCase.type.coding == .dateTime
                ? Expr.type(choiceCase.type.type).call(("dateTimeFrom", .id("decoder")))
                : Expr.type(choiceCase.type.type).call(("from", .id("decoder")))
            body.append(
                .if(
                    .optionalBinding("value", .tryOptional(decoded)),
                    [
                        .let("candidate", .named(["Self"]), Expr.member(nil, choiceCase.name).call(.id("value"))),
                        .if(.expression(Expr.id("candidate").dot("isValidBranch")), [.assignment(.selfValue, .id("candidate")), .return(nil)]),
                        .assignment(.id("firstDecoded"), .binary(.id("firstDecoded"), "??", .id("candidate"))),
                    ]))
        }
        let names = plan.cases.map { Renderer().render($0.type.type) }.joined(separator: ", ")
        body.append(.if(.optionalBinding("firstDecoded", nil), [.assignment(.selfValue, .id("firstDecoded")), .return(nil)]))
        body.append(
            .throw(
                Expr.id("DecodingError").dot("dataCorrupted").call(
                    Expr.id("DecodingError").dot("Context").call(
                        ("codingPath", Expr.id("decoder").dot("codingPath")),
                        ("debugDescription", .string("the value decodes as none of the \(plan.choice.keyword)'s types (\(names))"))))))
        return .function(
            FunctionDeclaration(
                doc: Docs.lines("Tries the branches in the spec's order: the first that decodes and is valid is taken; failing that, the first that decodes."),
                modifiers: context.modifiers(), kind: .initializer(isFailable: false),
                parameters: [FunctionParameter(label: "from", name: "decoder", type: .existential(["Decoder"]))], throwing: .any, body: body))
    }

    private func encoding(_ plan: ChoicePlan) -> Declaration {
        .function(
            FunctionDeclaration(
                modifiers: context.modifiers(), kind: .function("encode"),
                parameters: [FunctionParameter(label: "to", name: "encoder", type: .existential(["Encoder"]))], throwing: .any,
                body: [
                    .switch(
                        .selfValue,
                        plan.cases.map { choiceCase in
                            let method = choiceCase.type.coding == .dateTime ? "encodeDateTime" : "encode"
                            return SwitchCase(
                                [.enumCase(choiceCase.name, bindings: ["value"])],
                                [.expression(Expr.id("value").dot(method).call(("to", .id("encoder"))).tried)])
                        })
                ]))
    }

    /// `Validatable`: the keyword's rule over every branch, with the held branch checked by its
    /// own checks; and `isValidBranch`, which decoding asks of each candidate.
    func conformance(_ plan: ChoicePlan, patterns: inout ValidationTable) -> Declaration {
        let checker = CheckEmitter(context: context)
        let heldChecks = plan.cases.map { choiceCase in
            let checks = checker.checks(
                value: .id("value"), schema: choiceCase.branch.schema, type: choiceCase.type.type,
                patterns: &patterns, depth: 0)
            return SwitchCase([.enumCase(choiceCase.name, bindings: checks.isEmpty ? [] : ["value"])], checks.isEmpty ? [.break] : checks)
        }
        let branches = Expr.array(
            plan.choice.branches.map { branch in
                .raw("(\(branch.index), \(patterns.schemaTypeName).schema\(patterns.index(ofSchema: branch.schema.json)))")
            })
        let validation = Expr.id("context")
        let validate = FunctionDeclaration(
            modifiers: context.modifiers(), kind: .function("validate"),
            parameters: [FunctionParameter(label: "in", name: "context", type: .named(["ValidationContext"]), isInout: true)],
            body: [
                .expression(
                    validation.dot("checkChoice").call(
                        (nil, .selfValue), ("keyword", .string(plan.choice.keyword)), ("branchCount", .integer(plan.choice.specBranchCount)),
                        ("held", .id("heldBranch")), ("branches", branches), ("checkingHeld", .id("validateHeldBranch"))))
            ])
        let heldBranch = PropertyDeclaration(
            doc: Docs.lines("The spec's index of the branch this case is."), name: "heldBranch", type: .int,
            accessors: .get([
                .switch(
                    .selfValue,
                    plan.cases.map {
                        SwitchCase([.enumCase($0.name, bindings: [])], [.expression(.integer($0.branch.index))])
                    })
            ]))
        let validateHeld = FunctionDeclaration(
            doc: Docs.lines("The checks of the branch this case is, alone."), kind: .function("validateHeldBranch"),
            parameters: [FunctionParameter(label: "in", name: "context", type: .named(["ValidationContext"]), isInout: true)],
            body: [.switch(.selfValue, heldChecks)])
        let isValid = PropertyDeclaration(
            doc: Docs.lines("Whether the value is valid as the branch this case is."), name: "isValidBranch", type: .bool,
            accessors: .get([
                .var("context", nil, Expr.id("ValidationContext").call()),
                .expression(Expr.id("validateHeldBranch").call(("in", .inout(.id("context"))))),
                .return(Expr.id("context").dot("violations").dot("isEmpty")),
            ]))
        return .extension(
            ExtensionDeclaration(
                modifiers: Modifiers(isNonisolated: true), extendedType: plan.type, conformances: [.named(["Validatable"])],
                members: [.function(validate), .property(heldBranch), .function(validateHeld), .property(isValid)]))
    }
}
