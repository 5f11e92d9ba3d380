import OpenAPIModel
import SwiftSource

/// Emits `Webhooks.swift`: the signing scheme read from `x-webhook-signature`, and a method per
/// webhook that verifies a delivery's raw bytes and decodes its typed payload.
struct WebhookEmitter {
    let context: EmissionContext

    func emit() -> SourceWriter {
        var patterns = ValidationTable(typeName: "PayloadPatterns")
        let document = context.document
        guard !document.webhooks.isEmpty else { return context.render([]) }
        var members: [Declaration] = []
        if let signature = document.webhookSignature {
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: Docs.lines("How deliveries are signed, from the spec's `x-webhook-signature`."),
                        modifiers: context.modifiers(isStatic: true), isMutable: false, name: "signatureScheme", type: nil,
                        initializer: Expr.id("WebhookSignatureScheme").call(
                            ("header", .string(signature.header)), ("encoding", .member(nil, signature.encoding)),
                            ("timestampKey", .string(signature.timestampKey)), ("signatureKey", .string(signature.signatureKey)),
                            ("signedPayload", .string(signature.signedPayload)),
                            ("defaultTolerance", Expr.member(nil, "seconds").call(.integer(signature.toleranceSeconds)))))))
            members.append(
                .property(
                    PropertyDeclaration(
                        doc: Docs.lines("Checks signatures and timestamps of deliveries."), modifiers: context.modifiers(), isMutable: false,
                        name: "verifier", type: .named(["WebhookVerifier"]))))
            members.append(
                .function(
                    FunctionDeclaration(
                        doc: DocComment(lines: [
                            "- Parameters:", "  - secret: The endpoint's signing secret.",
                            "  - tolerance: How far a delivery's timestamp may be from `now`, in either direction.",
                            "  - now: The clock; inject one in tests.",
                        ]),
                        modifiers: context.modifiers(), kind: .initializer(isFailable: false),
                        parameters: [
                            FunctionParameter("secret", .named(["WebhookSecret"])),
                            FunctionParameter(
                                "tolerance", .named(["Duration"]), defaultValue: Expr.member(nil, "seconds").call(.integer(signature.toleranceSeconds))),
                            FunctionParameter(
                                label: "now", name: "now", type: .function(FunctionType(attributes: ["@Sendable"], result: .date)),
                                isEscaping: true, defaultValue: .closure(Closure(body: [.expression(Expr.id("Date").call())]))),
                        ],
                        body: [
                            .assignment(
                                .selfMember("verifier"),
                                Expr.id("WebhookVerifier").call(
                                    ("scheme", .raw("Self.signatureScheme")), ("secret", .id("secret")), ("tolerance", .id("tolerance")), ("now", .id("now"))))
                        ])))
        } else {
            // A method that took a signature and ignored it would look secure and accept forgeries.
            context.diagnostics.warning(
                "the spec has webhooks but no x-webhook-signature: deliveries are decoded without verifying who sent them "
                    + "(the generated methods take no signature)", at: document.webhooks.first?.body.location)
            members.append(.function(FunctionDeclaration(modifiers: context.modifiers(), kind: .initializer(isFailable: false), body: [])))
        }
        var codecs: [DictionaryEntry] = []
        for webhook in document.webhooks {
            guard let type = context.plan.webhookTypes[webhook.name] else { continue }
            codecs.append(
                DictionaryEntry(
                    .string(webhook.name),
                    CheckEmitter(context: context).bodyCodec(schema: webhook.body, type: type.type, patterns: &patterns)))
        }
        members.append(
            .property(
                PropertyDeclaration(
                    doc: Docs.lines("The payload type of each webhook, by name, for contract tests over recorded deliveries."),
                    attributes: context.contractSPI, modifiers: context.modifiers(isStatic: true), isMutable: false, name: "contractEvents",
                    type: .dictionary(key: .string, value: .named(["BodyCodec"])), initializer: .dictionary(codecs))))
        var methods = NameScope("the methods of '\(context.webhooksName)'")
        methods.reserve(["verifier", "signatureScheme", "contractEvents"])
        for webhook in document.webhooks {
            guard let type = context.plan.webhookTypes[webhook.name] else { continue }
            let name = methods.claim(
                Namer.memberName(webhook.name), for: "webhook '\(webhook.name)'", at: webhook.body.location,
                diagnostics: context.diagnostics)
            members.append(method(webhook, name: name, type: type.type, patterns: &patterns))
        }
        var declarations: [Declaration] = [
            .type(
                TypeDeclaration(
                    doc: DocComment(lines: [
                        "Verifies and decodes the webhook deliveries this API sends.", "",
                        "Create one with the endpoint's signing secret; pass each delivery's raw body bytes (not re-serialised JSON) "
                            + "and its signature header.",
                    ]),
                    modifiers: context.modifiers(isNonisolated: true), kind: .struct, name: context.webhooksName, conformances: [.named(["Sendable"])],
                    members: members))
        ]
        declarations += patterns.declarations(doc: "The `pattern`s of webhook payloads, compiled once.", registry: context.document.schemaRegistry)
        return context.render(declarations)
    }

    private func method(_ webhook: Webhook, name: String, type: SwiftType, patterns: inout ValidationTable) -> Declaration {
        let signature = context.document.webhookSignature
        var lines = DocComment([webhook.summary, webhook.description].compactMap { $0 }.joined(separator: "\n\n"))?.lines ?? []
        if !lines.isEmpty { lines.append("") }
        if let signature {
            lines += [
                "- Parameters:", "  - body: The delivery's raw body bytes.",
                "  - signatureHeader: The value of the `\(signature.header)` header, or `nil` when absent.",
                "- Throws: ``WebhookVerificationError`` when the delivery is not authentic, `DecodingError` when the body is not a valid payload, "
                    + "``ValidationError`` when the payload breaks its schema (an event of another type, among others).",
            ]
        } else {
            lines += [
                "The spec does not say how deliveries are signed, so this decodes without verifying the sender.", "",
                "- Parameter body: The delivery's body bytes.",
                "- Throws: `DecodingError` when the body is not a valid payload, ``ValidationError`` when it breaks its schema.",
            ]
        }
        lines.append("- Remark: Generated from `#/webhooks/\(webhook.name)`.")
        var body: [Statement] = []
        if signature != nil {
            body.append(.expression(Expr.id("verifier").dot("verify").call(("body", .id("body")), ("signatureHeader", .id("signatureHeader"))).tried))
        }
        let decode = Expr.id("JSONCoding").dot("makeDecoder").call().dot("decode").call((nil, .metatype(type)), ("from", .id("body"))).tried
        // A verified delivery is validated as well: a signed event of another webhook must not
        // decode as this one just because the shapes are alike.
        let checks = CheckEmitter(context: context).checks(
            value: .id("payload"), schema: webhook.body, type: type.unwrapped,
            patterns: &patterns, depth: 0)
        if checks.isEmpty {
            body.append(.return(decode))
        } else if checks == [CheckEmitter.selfValidation(of: .id("payload"))], type == type.unwrapped {
            body += [.let("payload", nil, decode), .expression(Expr.id("payload").dot("validate").call().tried), .return(.id("payload"))]
        } else {
            let validated = CheckEmitter.collecting(checks) { Expr.id("ValidationError").call(("violations", $0)) }
            body.append(.let("payload", nil, decode))
            body += type == type.unwrapped ? validated : [.if(.optionalBinding("payload", nil), validated)]
            body.append(.return(.id("payload")))
        }
        return .function(
            FunctionDeclaration(
                doc: DocComment(lines: lines), modifiers: context.modifiers(), kind: .function(name),
                parameters: [FunctionParameter("body", .data)] + (signature == nil ? [] : [FunctionParameter("signatureHeader", .optional(.string))]),
                throwing: .any, result: type,
                body: body))
    }
}
