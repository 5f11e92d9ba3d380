import Crypto
import Foundation
import KallglotAPI
import SpecRuntime
import Testing

@Suite struct WebhookTests {
    struct Delivery {
        var body: Data
        var header: String
        var timestamp: Date
    }

    private func delivery(_ fixture: String) throws -> Delivery {
        let exchange = try Fixtures.exchange(fixture)
        return Delivery(
            body: try #require(exchange.requestBody), header: try #require(exchange.requestHeaders["kallglot-signature"]), timestamp: exchange.started)
    }

    private func webhooks(at date: Date, secret: WebhookSecret = Fixtures.webhookSecret) -> KallglotAnalysisWebhooks {
        KallglotAnalysisWebhooks(secret: secret, now: { date })
    }

    private func sign(_ body: Data, at timestamp: Int, secret: String = "whsec_test_kallglot_fixture_secret") -> String {
        var payload = Data("\(timestamp).".utf8)
        payload.append(body)
        return HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: Data(secret.utf8))).map { String(format: "%02x", $0) }.joined()
    }

    private func refusal(_ body: () throws -> Void) -> WebhookVerificationError? {
        do {
            try body()
            return nil
        } catch let error as WebhookVerificationError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func completeDeliveryVerifiesAndDecodes() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        let event = try webhooks(at: delivery.timestamp).analysisComplete(body: delivery.body, signatureHeader: delivery.header)
        #expect(event.id == "evt_01HEVT000000001")
        #expect(event.data.results?.compliance?.overallScore == 92)
    }

    @Test func failedDeliveryVerifiesAndDecodes() throws {
        let delivery = try delivery("webhooks/analysis-failed.har")
        let event = try webhooks(at: delivery.timestamp).analysisFailed(body: delivery.body, signatureHeader: delivery.header)
        #expect(event.data.failure?.code == "transcript_unavailable")
    }

    /// The signature proves who sent the bytes, not which event they are: a correctly signed
    /// `analysis.complete` delivery passed to `analysisFailed` is refused, with the `type` that broke.
    @Test func aSignedEventOfAnotherWebhookIsRefused() throws {
        let complete = try delivery("webhooks/analysis-complete.har")
        let hooks = webhooks(at: complete.timestamp)
        do {
            _ = try hooks.analysisFailed(body: complete.body, signatureHeader: complete.header)
            Issue.record("an analysis.complete event was accepted as analysis.failed")
        } catch let error as ValidationError {
            #expect(error.violations.map { "\($0.pointer) \($0.keyword)" }.contains("/type const"))
        }
        let failed = try delivery("webhooks/analysis-failed.har")
        #expect(throws: ValidationError.self) {
            _ = try webhooks(at: failed.timestamp).analysisComplete(body: failed.body, signatureHeader: failed.header)
        }
    }

    @Test func tamperedBodyIsRefused() throws {
        let delivery = try delivery("negative/webhook-tampered-signature.har")
        #expect(
            refusal { _ = try webhooks(at: delivery.timestamp).analysisComplete(body: delivery.body, signatureHeader: delivery.header) } == .noMatchingSignature
        )
        var altered = try self.delivery("webhooks/analysis-complete.har")
        altered.body[altered.body.count / 2] ^= 0x01
        #expect(
            refusal { _ = try webhooks(at: altered.timestamp).analysisComplete(body: altered.body, signatureHeader: altered.header) } == .noMatchingSignature)
    }

    @Test func wrongSecretIsRefused() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        #expect(
            refusal { _ = try webhooks(at: delivery.timestamp, secret: "whsec_other").analysisComplete(body: delivery.body, signatureHeader: delivery.header) }
                == .noMatchingSignature)
    }

    @Test func oldAndFutureTimestampsAreRefusedBothWays() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        let late = refusal {
            _ = try webhooks(at: delivery.timestamp.addingTimeInterval(301)).analysisComplete(body: delivery.body, signatureHeader: delivery.header)
        }
        #expect(late == .timestampOutsideTolerance(skew: .seconds(301), tolerance: .seconds(300)))
        let early = refusal {
            _ = try webhooks(at: delivery.timestamp.addingTimeInterval(-301)).analysisComplete(body: delivery.body, signatureHeader: delivery.header)
        }
        #expect(early == .timestampOutsideTolerance(skew: .seconds(-301), tolerance: .seconds(300)))
        #expect(
            refusal { _ = try webhooks(at: delivery.timestamp.addingTimeInterval(299)).analysisComplete(body: delivery.body, signatureHeader: delivery.header) }
                == nil)
    }

    @Test func headerWithoutV1OrOnlyAnotherSchemeIsRefused() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        let timestamp = Int(delivery.timestamp.timeIntervalSince1970)
        let valid = sign(delivery.body, at: timestamp)
        let hooks = webhooks(at: delivery.timestamp)
        #expect(refusal { _ = try hooks.analysisComplete(body: delivery.body, signatureHeader: "t=\(timestamp)") } == .noMatchingSignature)
        // A correct signature under another scheme name is not accepted: no downgrade.
        #expect(refusal { _ = try hooks.analysisComplete(body: delivery.body, signatureHeader: "t=\(timestamp),v0=\(valid)") } == .noMatchingSignature)
    }

    @Test func oneValidSignatureAmongSeveralIsAccepted() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        let timestamp = Int(delivery.timestamp.timeIntervalSince1970)
        let rotated = sign(delivery.body, at: timestamp, secret: "whsec_old_secret")
        let header = "t=\(timestamp),v1=\(rotated),v1=\(sign(delivery.body, at: timestamp))"
        #expect(refusal { _ = try webhooks(at: delivery.timestamp).analysisComplete(body: delivery.body, signatureHeader: header) } == nil)
    }

    @Test(arguments: ["", "garbage", "t=,v1=abc", "t=abc,v1=00", "v1=00ff", "t=1,t=2,v1=00", String(repeating: "x", count: 10_000)])
    func garbageHeadersAreMalformed(header: String) throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        guard case .malformedHeader? = refusal({ _ = try webhooks(at: delivery.timestamp).analysisComplete(body: delivery.body, signatureHeader: header) })
        else {
            Issue.record("'\(header.prefix(20))' was not refused as malformed")
            return
        }
    }

    @Test func truncatedOrExtendedSignaturesAreRefused() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        let timestamp = Int(delivery.timestamp.timeIntervalSince1970)
        let valid = sign(delivery.body, at: timestamp)
        for signature in [String(valid.dropLast(2)), valid + "00", String(valid.dropLast())] {
            #expect(
                refusal { _ = try webhooks(at: delivery.timestamp).analysisComplete(body: delivery.body, signatureHeader: "t=\(timestamp),v1=\(signature)") }
                    == .noMatchingSignature)
        }
    }

    @Test func missingHeaderIsItsOwnError() throws {
        let delivery = try delivery("webhooks/analysis-complete.har")
        #expect(
            refusal { _ = try webhooks(at: delivery.timestamp).analysisComplete(body: delivery.body, signatureHeader: nil) }
                == .missingHeader("Kallglot-Signature"))
    }

    @Test func theSecretNeverAppearsInDescriptions() {
        let hooks = webhooks(at: Date())
        var dumped = ""
        dump(hooks, to: &dumped)
        #expect(!dumped.contains("whsec_test_kallglot_fixture_secret"))
        #expect(!String(describing: hooks.verifier).contains("whsec_test"))
    }
}
