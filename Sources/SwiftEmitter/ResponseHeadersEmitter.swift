import OpenAPIModel
import SwiftSource

/// Builds the struct of an operation's documented success headers: optional typed members, a
/// memberwise initializer, reading from a ``ResponseHeaderReader`` and the keyword checks.
struct ResponseHeadersEmitter {
    let context: EmissionContext
    let shape: ResponseHeadersShape
    let operationID: String

    func declaration(patterns: inout ValidationTable) -> Declaration {
        let modifiers = context.modifiers()
        var members: [Declaration] = shape.members.map { member in
            var doc = DocComment(member.header.description) ?? DocComment(lines: [])
            var remark = ["From `\(member.header.name)`."]
            if member.header.isRequired {
                remark.append("Required by the spec: `nil` only in a response that breaks it, which response validation reports.")
            }
            doc = doc.adding([remark.joined(separator: " ")])
            return .property(
                PropertyDeclaration(
                    doc: doc, modifiers: modifiers, name: member.property, type: .optional(member.type)))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Docs.lines("Creates the headers from their values."), modifiers: modifiers, kind: .initializer(isFailable: false),
                    parameters: shape.members.map { FunctionParameter($0.property, .optional($0.type), defaultValue: .nil) },
                    body: shape.members.map { .assignment(.selfMember($0.property), .id($0.property)) })))
        let reader = Expr.id("reader")
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Docs.lines("Reads the documented headers; the reader records a missing required header or an unreadable value."),
                    modifiers: modifiers, kind: .initializer(isFailable: false),
                    parameters: [FunctionParameter(label: "reading", name: "reader", type: .named(["ResponseHeaderReader"]), isInout: true)],
                    body: shape.members.map { member in
                        var arguments = [Argument(.string(member.header.name)), Argument("as", .metatype(member.type))]
                        if member.header.isRequired { arguments.append(Argument("isRequired", .bool(true))) }
                        return .assignment(.selfMember(member.property), .call(reader.dot("value"), arguments))
                    })))
        members.append(
            .function(
                FunctionDeclaration(
                    doc: Docs.lines("Checks each header against its schema's keywords."), modifiers: modifiers, kind: .function("validate"),
                    parameters: [FunctionParameter(label: "in", name: "context", type: .named(["ValidationContext"]), isInout: true)],
                    body: checks(patterns: &patterns))))
        return .type(
            TypeDeclaration(
                doc: DocComment("The headers `\(operationID)` documents on success, typed. Every member is `nil` when the header is absent."),
                modifiers: context.modifiers(isNonisolated: true), kind: .struct, name: shape.typeName,
                conformances: [.named(["ResponseHeaders"]), .named(["Hashable"])], members: members))
    }

    private func checks(patterns: inout ValidationTable) -> [Statement] {
        let checker = CheckEmitter(context: context)
        var result: [Statement] = []
        for member in shape.members {
            guard let schema = member.checkedSchema else { continue }
            let inner = checker.checks(value: .id(member.property), schema: schema, type: member.type, patterns: &patterns, depth: 0)
            guard !inner.isEmpty else { continue }
            result.append(
                .expression(
                    .call(
                        Expr.id("context").dot("parameter"),
                        [Argument(.string(member.header.name)), Argument("in", .member(nil, "header"))],
                        trailingClosure: Closure(parameters: ["context"], body: [.if(.optionalBinding(member.property, nil), inner)]))))
        }
        return result
    }
}
