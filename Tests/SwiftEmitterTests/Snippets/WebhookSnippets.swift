import SwiftEmitter
import Testing

/// `Webhooks.swift`: verification from `x-webhook-signature`, one decoding method per webhook.
@Suite struct WebhookSnippets {
    static let signature = """
        x-webhook-signature:
          header: Example-Signature
          algorithm: hmac-sha256
          encoding: hex
          timestampKey: t
          signatureKey: v1
          signedPayload: "{timestamp}.{body}"
          toleranceSeconds: 300
        """

    static let webhooks = """
        webhooks:
          job.done:
            post:
              summary: A job finished.
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Job'}
              responses: {'200': {description: OK.}}
        components:
          schemas:
            Job:
              type: object
              properties:
                id: {type: string}
        """

    /// A spec with one unsigned webhook `name` whose body is `schema`.
    static func webhook(_ name: String, body schema: String) -> SnippetSpec {
        Snippet.root(
            """
            webhooks:
              \(name):
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: \(schema)
                  responses: {'200': {description: OK.}}
            """)
    }

    @Test func aSignedWebhookIsVerifiedBeforeItIsDecoded() {
        Snippet.root(Self.signature + "\n" + Self.webhooks).expect(
            emitting: """
                /// Verifies and decodes the webhook deliveries this API sends.
                ///
                /// Create one with the endpoint's signing secret; pass each delivery's raw body bytes (not re-serialised JSON) and its
                /// signature header.
                public nonisolated struct SnippetWebhooks: Sendable {
                    /// How deliveries are signed, from the spec's `x-webhook-signature`.
                    public static let signatureScheme = WebhookSignatureScheme(
                        header: "Example-Signature",
                        encoding: .hex,
                        timestampKey: "t",
                        signatureKey: "v1",
                        signedPayload: "{timestamp}.{body}",
                        defaultTolerance: .seconds(300)
                    )

                    /// Checks signatures and timestamps of deliveries.
                    public let verifier: WebhookVerifier

                    /// - Parameters:
                    ///   - secret: The endpoint's signing secret.
                    ///   - tolerance: How far a delivery's timestamp may be from `now`, in either direction.
                    ///   - now: The clock; inject one in tests.
                    public init(
                        secret: WebhookSecret,
                        tolerance: Duration = .seconds(300),
                        now: @escaping @Sendable () -> Date = { Date() }
                    ) {
                        self.verifier = WebhookVerifier(scheme: Self.signatureScheme, secret: secret, tolerance: tolerance, now: now)
                    }
                """,
            """
                /// A job finished.
                ///
                /// - Parameters:
                ///   - body: The delivery's raw body bytes.
                ///   - signatureHeader: The value of the `Example-Signature` header, or `nil` when absent.
                /// - Throws: ``WebhookVerificationError`` when the delivery is not authentic, `DecodingError` when the body is not
                ///   a valid payload, ``ValidationError`` when the payload breaks its schema (an event of another type, among
                ///   others).
                /// - Remark: Generated from `#/webhooks/job.done`.
                public func jobDone(body: Data, signatureHeader: String?) throws -> Job {
                    try verifier.verify(body: body, signatureHeader: signatureHeader)
                    let payload = try JSONCoding.makeDecoder().decode(Job.self, from: body)
                    try payload.validate()
                    return payload
                }
            }
            """, in: .webhooks)
    }

    @Test func anUnsignedWebhookIsDecodedOnly() {
        let spec = Snippet.root(Self.webhooks)
        spec.expect(
            emitting: """
                public nonisolated struct SnippetWebhooks: Sendable {
                    public init() {}
                """,
            """
                /// The spec does not say how deliveries are signed, so this decodes without verifying the sender.
                ///
                /// - Parameter body: The delivery's body bytes.
                /// - Throws: `DecodingError` when the body is not a valid payload, ``ValidationError`` when it breaks its schema.
                /// - Remark: Generated from `#/webhooks/job.done`.
                public func jobDone(body: Data) throws -> Job {
                    let payload = try JSONCoding.makeDecoder().decode(Job.self, from: body)
                    try payload.validate()
                    return payload
                }
            """, in: .webhooks)
        spec.expect(notEmitting: "verifier", in: .webhooks)
        spec.expect(notEmitting: "signatureHeader", in: .webhooks)
    }

    /// A payload that is not a model is checked by its schema's keywords, with its patterns in
    /// the webhooks file's own table.
    @Test func aListPayloadIsValidatedByItsKeywords() {
        Self.webhook("ids.changed", body: "{type: array, minItems: 1, items: {type: string, pattern: '^id_'}}").expect(
            emitting: """
                    let payload = try JSONCoding.makeDecoder().decode([String].self, from: body)
                    var context = ValidationContext()
                    context.checkItemCount(payload.count, minItems: 1, maxItems: nil)
                    for (index, item0) in payload.enumerated() {
                        context.nested(index: index) { context in context.checkPattern(item0, PayloadPatterns.pattern0) }
                    }
                    if !context.violations.isEmpty {
                        throw ValidationError(violations: context.violations)
                    }
                    return payload
                """,
            """
            /// The `pattern`s of webhook payloads, compiled once.
            nonisolated enum PayloadPatterns {
                static let pattern0 = CompiledPattern("^id_")
            }
            """, in: .webhooks)
    }

    /// A payload without constraints is returned as decoded.
    @Test func aPayloadWithNothingToCheckIsReturnedAsDecoded() {
        Self.webhook("ping", body: "{type: string}").expect(
            emitting: """
                    return try JSONCoding.makeDecoder().decode(String.self, from: body)
                """, in: .webhooks)
    }

    @Test func webhookPayloadTypesAreListedForContractTests() {
        Snippet.root(Self.webhooks).expect(
            emitting: """
                /// The payload type of each webhook, by name, for contract tests over recorded deliveries.
                @_spi(Contract)
                public static let contractEvents: [String: BodyCodec] = ["job.done": BodyCodec(Job.self)]
                """, in: .webhooks)
    }

    @Test func anInlineWebhookBodyIsAnEventTypeNamedAfterTheWebhook() {
        let spec = Snippet.root(
            """
            webhooks:
              session.ended:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [id]
                          properties:
                            id: {type: string}
                  responses: {'200': {description: OK.}}
            """)
        spec.expect(
            emitting: """
                /// - Remark: Generated from `#/webhooks/session.ended/post/requestBody/content/application~1json/schema`.
                public nonisolated struct SessionEndedEvent: Codable, Hashable, Sendable {
                """)
        spec.expect(
            emitting: """
                public func sessionEnded(body: Data) throws -> SessionEndedEvent {
                """, in: .webhooks)
    }

    @Test func withoutWebhooksTheFileHoldsOnlyItsHeader() {
        let contents = Snippet.schemas(
            """
            Job: {type: object, properties: {id: {type: string}}}
            """
        ).emitted(.webhooks)
        #expect(
            contents == """
                // Generated by spec-codegen from snippet.yaml. Do not edit.
                // swift-format-ignore-file

                import Foundation
                @_spi(Generated) import SpecRuntime

                """)
    }

    @Test func theWebhooksTypeFollowsTheClientName() {
        Snippet.root(Self.webhooks).expect(
            emitting: """
                public nonisolated struct NotesWebhooks: Sendable {
                """, in: .webhooks, options: EmitterOptions(clientName: "NotesClient"))
    }
}
