import Foundation
import KallglotAPI
import SpecRuntime

/// A delivery is the signature header, a newline, and the raw body. The verifier must never
/// accept a body it did not sign: whenever a delivery verifies, the same delivery with one body
/// byte changed must not.
enum WebhookVerifierTarget {
    /// The secret and clock of the recorded deliveries in `spec/fixtures/webhooks/`, so that the
    /// seed corpus starts from deliveries that verify.
    static let secret = WebhookSecret("whsec_test_kallglot_fixture_secret")
    static let recordedAt = Date(timeIntervalSince1970: 1_774_523_428)

    static func run(_ input: Data) throws(FuzzFinding) {
        let newline = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
        let header = String(decoding: input[input.startIndex..<newline], as: UTF8.self)
        let body = newline < input.endIndex ? Data(input[input.index(after: newline)...]) : Data()
        let verifier = KallglotAnalysisWebhooks(secret: secret, now: { recordedAt }).verifier
        do {
            try verifier.verify(body: body, signatureHeader: header)
        } catch {
            if error.description.contains(secret.value) { throw FuzzFinding("an error description holds the secret") }
            return
        }
        var altered = body
        if altered.isEmpty { altered.append(0) } else { altered[altered.startIndex] ^= 0x01 }
        if (try? verifier.verify(body: altered, signatureHeader: header)) != nil {
            throw FuzzFinding("a body with its first byte changed verified under the same header")
        }
    }
}
