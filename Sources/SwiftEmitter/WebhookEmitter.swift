import OpenAPIModel

/// Emits `Webhooks.swift`: the signing scheme read from `x-webhook-signature`, and a method per
/// webhook that verifies a delivery's raw bytes and decodes its typed payload.
struct WebhookEmitter {
    let context: EmissionContext

    func emit() -> String {
        var writer = SwiftWriter()
        let document = context.document
        let access = context.access
        if !document.webhooks.isEmpty {
            let name = context.clientName.hasSuffix("Client") ? String(context.clientName.dropLast(6)) + "Webhooks" : context.clientName + "Webhooks"
            writer.docComment("Verifies and decodes the webhook deliveries this API sends.\n\nCreate one with the endpoint's signing secret; pass each delivery's raw body bytes (not re-serialised JSON) and its signature header.")
            writer.block("\(access)struct \(name): Sendable") { writer in
                if let signature = document.webhookSignature {
                    writer.docComment("How deliveries are signed, from the spec's `x-webhook-signature`.")
                    writer.line("\(access)static let signatureScheme = WebhookSignatureScheme(")
                    writer.line("    header: \(signature.header.swiftLiteral),")
                    writer.line("    encoding: .\(signature.encoding),")
                    writer.line("    timestampKey: \(signature.timestampKey.swiftLiteral),")
                    writer.line("    signatureKey: \(signature.signatureKey.swiftLiteral),")
                    writer.line("    signedPayload: \(signature.signedPayload.swiftLiteral),")
                    writer.line("    defaultTolerance: .seconds(\(signature.toleranceSeconds))")
                    writer.line(")")
                    writer.line()
                    writer.docComment("Checks signatures and timestamps of deliveries.")
                    writer.line("\(access)let verifier: WebhookVerifier")
                    writer.line()
                    writer.docComment("- Parameters:\n  - secret: The endpoint's signing secret.\n  - tolerance: How far a delivery's timestamp may be from `now`, in either direction.\n  - now: The clock; inject one in tests.")
                    writer.block("\(access)init(secret: WebhookSecret, tolerance: Duration = .seconds(\(signature.toleranceSeconds)), now: @escaping @Sendable () -> Date = { Date() })") { writer in
                        writer.line("self.verifier = WebhookVerifier(scheme: Self.signatureScheme, secret: secret, tolerance: tolerance, now: now)")
                    }
                } else {
                    writer.block("\(access)init()") { _ in }
                }
                writer.line()
                writer.docComment("The payload type of each webhook, by name, for contract tests over recorded deliveries.")
                let codecs = document.webhooks.compactMap { webhook in
                    context.plan.webhookTypes[webhook.name].map { "\(webhook.name.swiftLiteral): BodyCodec(\($0.swift).self)" }
                }
                writer.line("\(access)static let contractEvents: [String: BodyCodec] = [\(codecs.isEmpty ? ":" : codecs.joined(separator: ", "))]")
                for webhook in document.webhooks {
                    guard let type = context.plan.webhookTypes[webhook.name] else { continue }
                    writer.line()
                    var prose = [webhook.summary, webhook.description].compactMap { $0?.trimmingWhitespace() }.joined(separator: "\n\n")
                    prose += "\n\n- Parameters:\n  - body: The delivery's raw body bytes.\n  - signatureHeader: The value of the `\(document.webhookSignature?.header ?? "signature")` header, or `nil` when absent.\n"
                    prose += document.webhookSignature == nil
                        ? "- Throws: `DecodingError` when the body is not a valid payload."
                        : "- Throws: ``WebhookVerificationError`` when the delivery is not authentic, `DecodingError` when the body is not a valid payload."
                    prose += "\n- Remark: Generated from `#/webhooks/\(webhook.name)`."
                    writer.docComment(prose)
                    writer.block("\(access)func \(SwiftNaming.escapedMemberName(webhook.name))(body: Data, signatureHeader: String?) throws -> \(type.swift)") { writer in
                        if document.webhookSignature != nil {
                            writer.line("try verifier.verify(body: body, signatureHeader: signatureHeader)")
                        }
                        writer.line("return try JSONCoding.makeDecoder().decode(\(type.swift).self, from: body)")
                    }
                }
            }
        }
        return context.fileHeader(imports: ["Foundation", "SpecRuntime"]) + (writer.text.isEmpty ? "" : "\n" + writer.text)
    }
}
