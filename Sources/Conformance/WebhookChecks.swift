import Foundation
import OpenAPIModel
import SpecCore
import SpecRuntime

/// The checks of a webhook delivery: the webhook exists, the body is labelled (`Content-Type`)
/// with a media type the webhook declares, satisfies the spec and round-trips through the
/// generated event type, and the signature verifies with the secret at the time the delivery was
/// recorded.
struct WebhookChecks {
    let suite: ConformanceSuite

    func run(_ run: inout CaseRun) {
        let entry = run.entry
        guard let name = entry.webhook, let webhook = suite.document.webhooks.first(where: { $0.name == name }) else {
            run.check("matches a webhook", ["the spec has no webhook '\(entry.webhook ?? "")'"])
            return
        }
        run.check("matches a webhook", [])
        guard let body = entry.request.body, !body.isEmpty else {
            run.check("delivery body satisfies the spec", ["the delivery has no body"])
            return
        }
        if ContentTypeCheck(location: "request.header", name: "delivery Content-Type is declared")
            .run(headers: entry.request.headers, declared: webhook.bodyMediaTypes, run: &run)
        {
            if let original = jsonLiteral(body) {
                checkBody(body, original, webhook: webhook, run: &run)
            } else {
                run.check("delivery body satisfies the spec", ["the delivery body is not JSON"])
            }
        }
        checkSignature(body, run: &run)
    }

    /// The delivery body against the spec and through the generated event type.
    private func checkBody(_ body: String, _ original: JSONLiteral, webhook: Webhook, run: inout CaseRun) {
        let name = webhook.name
        var problems = SchemaValidator(document: suite.document).violations(of: original, against: webhook.body).map { "spec: \($0)" }
        run.record("request.body", SchemaValidator(document: suite.document).violations(of: original, against: webhook.body))
        if let codec = suite.webhookEvents[name] {
            let result = codec.roundTrip(Data(body.utf8))
            problems += result.violations.map { "\(codec.typeName): \($0)" }
            if result.decoded, let reencoded = result.reencoded, jsonLiteral(String(decoding: reencoded, as: UTF8.self)) != original {
                problems.append("re-encoding \(codec.typeName) gives different JSON")
            }
        } else {
            problems.append("the generated code has no type for webhook '\(name)'")
        }
        run.check("delivery body decodes, validates and round-trips", problems)
    }

    /// The signature header against the body, with the secret, at the time of the recording.
    private func checkSignature(_ body: String, run: inout CaseRun) {
        let entry = run.entry
        guard let signature = suite.document.webhookSignature else { return }
        guard let secret = suite.webhookSecret else {
            run.check("signature verifies", ["no webhook secret was given to verify with"])
            return
        }
        let scheme = WebhookSignatureScheme(
            header: signature.header, encoding: signature.encoding == "base64" ? .base64 : .hex,
            timestampKey: signature.timestampKey, signatureKey: signature.signatureKey,
            signedPayload: signature.signedPayload, defaultTolerance: .seconds(signature.toleranceSeconds))
        let recordedAt = entry.startedDateTime ?? Date()
        let verifier = WebhookVerifier(scheme: scheme, secret: secret, now: { recordedAt })
        let header = entry.request.headers.first { $0.name.lowercased() == signature.header.lowercased() }?.value
        do {
            try verifier.verify(body: Data(body.utf8), signatureHeader: header)
            run.check("signature verifies", [])
        } catch {
            run.violations.insert(HAREntry.ExpectedViolation(location: "signature", pointer: "", keyword: Self.keyword(error)))
            run.check("signature verifies", ["\(error)"])
        }
    }

    static func keyword(_ error: WebhookVerificationError) -> String {
        switch error {
        case .missingHeader: "missingHeader"
        case .malformedHeader: "malformedHeader"
        case .timestampOutsideTolerance: "timestampOutsideTolerance"
        case .noMatchingSignature: "noMatchingSignature"
        }
    }
}
