import Crypto
import Foundation
import KallglotAPI
import Testing

@_spi(Generated) @testable import SpecRuntime

/// Deliveries an attacker could send or replay, each refused with the specific reason; beside
/// them the nearest honest deliveries, accepted, so that every refusal is shown to be about the
/// attack and not about the fixture. Timing is covered structurally here (every byte of a
/// signature is read whatever it holds) and measured with callgrind by scripts/webhook-timing.sh.
@Suite struct WebhookAttackTests {
    /// The recorded `analysis.complete` delivery: raw body, its timestamp, its valid signature.
    struct Delivery {
        var body: Data
        var timestamp: Int64
        var signature: String
    }

    static let secret = "whsec_test_kallglot_fixture_secret"

    private func recorded() throws -> Delivery {
        let exchange = try Fixtures.exchange("webhooks/analysis-complete.har")
        let header = try #require(exchange.requestHeaders["kallglot-signature"])
        let fields = Dictionary(
            header.split(separator: ",").map { field in
                let parts = field.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { first, _ in first })
        let timestamp = try #require(fields["t"].flatMap { Int64($0) })
        let body = try #require(exchange.requestBody)
        let delivery = Delivery(body: body, timestamp: timestamp, signature: sign(body, at: "\(timestamp)"))
        // The signing below is independent of the verifier; it must agree with the recording.
        try #require(fields["v1"] == delivery.signature)
        return delivery
    }

    /// HMAC-SHA256 of `{timestamp}.{body}`, lowercase hex, computed here and not by the verifier.
    private func sign(_ body: Data, at timestamp: String, secret: String = secret) -> String {
        var payload = Data("\(timestamp).".utf8)
        payload.append(body)
        return hex(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: Data(secret.utf8))))
    }

    private func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private func bytes(ofHex text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        try #require(digits.count % 2 == 0)
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            try #require(UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16))
        }
    }

    /// The generated webhooks' verifier with its clock fixed at `timestamp + offset` seconds.
    private func verifier(at timestamp: Int64, offset: Double = 0) -> WebhookVerifier {
        let now = Date(timeIntervalSince1970: Double(timestamp) + offset)
        return KallglotAnalysisWebhooks(secret: Fixtures.webhookSecret, now: { now }).verifier
    }

    /// What `verify` throws, or `nil` when the delivery is accepted.
    private func outcome(_ verifier: WebhookVerifier, _ body: Data, _ header: String?) -> WebhookVerificationError? {
        do {
            try verifier.verify(body: body, signatureHeader: header)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Replay and clock skew

    @Test func replayJustOutsideTheToleranceIsRefusedAndJustInsideIsAccepted() throws {
        let delivery = try recorded()
        let header = "t=\(delivery.timestamp),v1=\(delivery.signature)"
        for offset in [0, 1, 299.999, 300] {
            #expect(outcome(verifier(at: delivery.timestamp, offset: offset), delivery.body, header) == nil, "accepted \(offset) s after signing")
        }
        #expect(
            outcome(verifier(at: delivery.timestamp, offset: 300.001), delivery.body, header)
                == .timestampOutsideTolerance(skew: .milliseconds(300_001), tolerance: .seconds(300)))
        #expect(
            outcome(verifier(at: delivery.timestamp, offset: 86_400), delivery.body, header)
                == .timestampOutsideTolerance(skew: .seconds(86_400), tolerance: .seconds(300)))
    }

    @Test func timestampInTheFutureBeyondTheToleranceIsRefused() throws {
        let delivery = try recorded()
        let header = "t=\(delivery.timestamp),v1=\(delivery.signature)"
        #expect(outcome(verifier(at: delivery.timestamp, offset: -300), delivery.body, header) == nil)
        #expect(
            outcome(verifier(at: delivery.timestamp, offset: -300.001), delivery.body, header)
                == .timestampOutsideTolerance(skew: .milliseconds(-300_001), tolerance: .seconds(300)))
        // Signed for a year ahead by someone holding a leaked secret for a while: still refused now.
        let ahead = delivery.timestamp + 365 * 86_400
        #expect(
            outcome(verifier(at: delivery.timestamp), delivery.body, "t=\(ahead),v1=\(sign(delivery.body, at: "\(ahead)"))")
                == .timestampOutsideTolerance(skew: .seconds(-365 * 86_400), tolerance: .seconds(300)))
    }

    @Test func oldSignatureUnderAFreshTimestampIsRefused() throws {
        let delivery = try recorded()
        // The replayer moves `t` into the window but cannot re-sign: the timestamp is signed too.
        let fresh = delivery.timestamp + 3600
        #expect(outcome(verifier(at: fresh), delivery.body, "t=\(fresh),v1=\(delivery.signature)") == .noMatchingSignature)
        #expect(outcome(verifier(at: fresh), delivery.body, "t=\(fresh),v1=\(sign(delivery.body, at: "\(fresh)"))") == nil)
    }

    // MARK: Downgrades

    @Test func validSignatureUnderAnotherSchemeKeyIsRefused() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let valid = delivery.signature
        let bad = String(repeating: "0", count: 64)
        let verifier = verifier(at: t)
        for header in [
            "t=\(t),v0=\(valid)", "t=\(t),v2=\(valid)", "t=\(t),V1=\(valid)", "t=\(t),v1\u{301}=\(valid)",
            "t=\(t),v 1=\(valid)", "t=\(t),sig=\(valid)", "t=\(t),=\(valid)",
            "t=\(t),v1=\(bad),v0=\(valid)", "t=\(t),v0=\(valid),v1=\(bad)",
        ] {
            #expect(outcome(verifier, delivery.body, header) == .noMatchingSignature, "\(header)")
        }
        #expect(outcome(verifier, delivery.body, "t=\(t),v0=\(valid),v1=\(valid)") == nil)
    }

    @Test func signaturesOfWeakerPayloadsOrAlgorithmsAreRefused() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let key = SymmetricKey(data: Data(Self.secret.utf8))
        let bodyOnly = hex(HMAC<SHA256>.authenticationCode(for: delivery.body, using: key))
        var payload = Data("\(t).".utf8)
        payload.append(delivery.body)
        let sha1 = hex(HMAC<Insecure.SHA1>.authenticationCode(for: payload, using: key))
        let unkeyed = hex(SHA256.hash(data: payload))
        for signature in [bodyOnly, sha1, unkeyed, sign(delivery.body, at: "\(t)", secret: "")] {
            #expect(outcome(verifier(at: t), delivery.body, "t=\(t),v1=\(signature)") == .noMatchingSignature)
        }
    }

    // MARK: Signature bytes

    @Test func truncatedSignaturesAreRefused() throws {
        let delivery = try recorded()
        let valid = delivery.signature
        for signature in [
            "", String(valid.dropLast()), String(valid.dropLast(2)), String(valid.dropFirst(2)), String(valid.prefix(32)), String(valid.prefix(2)),
        ] {
            #expect(
                outcome(verifier(at: delivery.timestamp), delivery.body, "t=\(delivery.timestamp),v1=\(signature)") == .noMatchingSignature,
                "\(signature.count) hex digits")
        }
    }

    @Test func extendedSignaturesAreRefused() throws {
        let delivery = try recorded()
        let valid = delivery.signature
        for signature in [valid + "0", valid + "00", valid + "ff", "00" + valid, valid + valid, valid + String(repeating: "0", count: 8000)] {
            let header = "t=\(delivery.timestamp),v1=\(signature)"
            let expected: WebhookVerificationError = header.utf8.count > 8192 ? .malformedHeader("longer than 8192 bytes") : .noMatchingSignature
            #expect(outcome(verifier(at: delivery.timestamp), delivery.body, header) == expected, "\(signature.count) hex digits")
        }
    }

    @Test(arguments: 0..<32)
    func signatureRightUpToAByteAndWrongAfterIsRefused(matching: Int) throws {
        let delivery = try recorded()
        var signature = try bytes(ofHex: delivery.signature)
        // The first `matching` bytes are right; from there on each byte differs in one bit.
        for index in matching..<signature.count { signature[index] ^= 0x01 }
        #expect(outcome(verifier(at: delivery.timestamp), delivery.body, "t=\(delivery.timestamp),v1=\(hex(signature))") == .noMatchingSignature)
        // And only the byte at `matching` wrong, the rest right.
        var oneWrong = try bytes(ofHex: delivery.signature)
        oneWrong[matching] ^= 0x80
        #expect(outcome(verifier(at: delivery.timestamp), delivery.body, "t=\(delivery.timestamp),v1=\(hex(oneWrong))") == .noMatchingSignature)
    }

    @Test func nonHexCharactersInTheSignatureAreRefused() throws {
        let delivery = try recorded()
        let valid = delivery.signature
        let t = delivery.timestamp
        let base64 = Data(try bytes(ofHex: valid)).base64EncodedString()
        // Each keeps the length even, so only the alphabet is wrong.
        let signatures: [String] = [
            "g" + String(valid.dropFirst()), String(valid.dropLast()) + "z", "0x" + String(valid.dropFirst(2)),
            "-" + String(valid.dropFirst()), "é" + String(valid.dropFirst(2)), "\u{FF10}" + String(valid.dropFirst(3)),
            base64, String(valid.dropLast(2)) + "%0",
        ]
        for signature in signatures {
            #expect(outcome(verifier(at: t), delivery.body, "t=\(t),v1=\(signature)") == .noMatchingSignature, "\(signature)")
        }
    }

    @Test func manyBadSignaturesDoNotHideOneGoodOne() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let bad = Array(repeating: "v1=" + String(repeating: "ab", count: 32), count: 100).joined(separator: ",")
        #expect(outcome(verifier(at: t), delivery.body, "t=\(t),\(bad),v1=\(delivery.signature)") == nil)
        #expect(outcome(verifier(at: t), delivery.body, "t=\(t),\(bad)") == .noMatchingSignature)
    }

    // MARK: Body

    @Test(arguments: ["start", "middle", "end"])
    func bodyAlteredByOneByteIsRefused(position: String) throws {
        let delivery = try recorded()
        let index =
            switch position {
            case "start": delivery.body.startIndex
            case "middle": delivery.body.startIndex + delivery.body.count / 2
            default: delivery.body.endIndex - 1
            }
        for flip: UInt8 in [0x01, 0x20, 0x80] {
            var altered = delivery.body
            altered[index] ^= flip
            #expect(outcome(verifier(at: delivery.timestamp), altered, "t=\(delivery.timestamp),v1=\(delivery.signature)") == .noMatchingSignature)
        }
    }

    @Test func bodyLengthenedShortenedOrReserialisedIsRefused() throws {
        let delivery = try recorded()
        let header = "t=\(delivery.timestamp),v1=\(delivery.signature)"
        let reserialised = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: delivery.body), options: [.sortedKeys])
        try #require(reserialised != delivery.body)
        for body in [delivery.body + Data("\n".utf8), delivery.body + Data([0]), delivery.body.dropLast(), delivery.body.dropFirst(), Data(), reserialised] {
            #expect(outcome(verifier(at: delivery.timestamp), Data(body), header) == .noMatchingSignature)
        }
    }

    // MARK: Header syntax

    @Test func whitespaceAndCaseTricksAreRefused() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let valid = delivery.signature
        let verifier = verifier(at: t)
        // HTTP's optional whitespace (spaces, tabs) around keys and values is allowed, and hex
        // digits may be upper case: the same bytes, so the same signature.
        for header in ["t=\(t), v1=\(valid)", " t = \(t) ,\tv1=\(valid)\t", "t=\(t),v1=\(valid.uppercased())"] {
            #expect(outcome(verifier, delivery.body, header) == nil, "\(header)")
        }
        // Whitespace inside a value, or Unicode spaces, are not.
        for header in [
            "t=\(t),v1=\(valid.prefix(32)) \(valid.dropFirst(32))", "t=\(t),v1=\u{00A0}\(valid)", "t=\(t),v1=\(valid)\u{3000}",
            "t=\(t),v1=\(valid)\n", "t=\(t),v1=\n\(valid)", "t=\(t),V1=\(valid)",
        ] {
            #expect(outcome(verifier, delivery.body, header) == .noMatchingSignature, "\(header.debugDescription)")
        }
        for header in ["T=\(t),v1=\(valid)", "t\u{00A0}=\(t),v1=\(valid)", "\u{FEFF}t=\(t),v1=\(valid)"] {
            #expect(outcome(verifier, delivery.body, header) == .malformedHeader("no 't=' timestamp"), "\(header.debugDescription)")
        }
        for value in ["\u{00A0}\(t)", "\(t)\u{3000}", "\(t) 0", "\(t)\n"] {
            #expect(
                outcome(verifier, delivery.body, "t=\(value),v1=\(valid)") == .malformedHeader("timestamp '\(value)' is not Unix seconds"),
                "\(value.debugDescription)")
        }
    }

    @Test func duplicatedTimestampsAreRefused() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let valid = delivery.signature
        for header in [
            "t=\(t),t=\(t),v1=\(valid)", "t=\(t),v1=\(valid),t=\(t)", "t=\(t - 3600),t=\(t),v1=\(valid)", "t=\(t),t=\(t + 1),v1=\(valid)",
            "t=\(t),t=,v1=\(valid)",
        ] {
            #expect(outcome(verifier(at: t), delivery.body, header) == .malformedHeader("more than one timestamp"), "\(header)")
        }
        #expect(outcome(verifier(at: t), delivery.body, "v1=\(valid),t=\(t)") == nil)
    }

    @Test func negativeSignedOrNonCanonicalTimestampsAreMalformed() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let valid = delivery.signature
        // `+t` and `0t` would name the same second as `t` but are not what was signed.
        for value in ["-1", "-0", "-\(t)", "+\(t)", "0\(t)", "00", "\(t).0", "\(t)e0", "0x\(String(t, radix: 16))", "١٧٧٤٥٢٣٤٢٨", ""] {
            #expect(
                outcome(verifier(at: t), delivery.body, "t=\(value),v1=\(valid)") == .malformedHeader("timestamp '\(value)' is not Unix seconds"), "\(value)")
        }
    }

    @Test func overflowingTimestampsAreRefusedWithoutTrapping() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let verifier = verifier(at: t)
        let now = Duration.seconds(t)
        // Before the fix the skew was converted to Int64 milliseconds, which trapped (a crash any
        // sender could cause) for every timestamp above about 9.2e15.
        for value: Int64 in [10_000_000_000_000_000, Int64.max / 1000 + 1, Int64.max] {
            let header = "t=\(value),v1=\(sign(delivery.body, at: "\(value)"))"
            #expect(outcome(verifier, delivery.body, header) == .timestampOutsideTolerance(skew: now - .seconds(value), tolerance: .seconds(300)))
        }
        #expect(outcome(verifier, delivery.body, "t=0,v1=\(sign(delivery.body, at: "0"))") == .timestampOutsideTolerance(skew: now, tolerance: .seconds(300)))
        for value in ["9223372036854775808", "18446744073709551616", String(repeating: "9", count: 400)] {
            #expect(
                outcome(verifier, delivery.body, "t=\(value),v1=\(delivery.signature)")
                    == .malformedHeader("timestamp '\(value.prefix(20))' is not Unix seconds"))
        }
    }

    @Test func clockThatReadsNonsenseRefusesInsteadOfTrapping() throws {
        let delivery = try recorded()
        let header = "t=\(delivery.timestamp),v1=\(delivery.signature)"
        for reading in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
            let verifier = KallglotAnalysisWebhooks(secret: Fixtures.webhookSecret, now: { Date(timeIntervalSince1970: reading) }).verifier
            guard case .timestampOutsideTolerance? = outcome(verifier, delivery.body, header) else {
                Issue.record("clock at \(reading) did not refuse the delivery")
                continue
            }
        }
    }

    @Test func headerIsBoundedInBytesNotCharacters() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let core = "t=\(t),v1=\(delivery.signature),x="
        let exact = core + String(repeating: "a", count: 8192 - core.utf8.count)
        #expect(exact.utf8.count == 8192)
        #expect(outcome(verifier(at: t), delivery.body, exact) == nil)
        #expect(outcome(verifier(at: t), delivery.body, exact + "a") == .malformedHeader("longer than 8192 bytes"))
        // 4,100 two-byte characters: fewer than 8,192 characters, more than 8,192 bytes.
        let wide = core + String(repeating: "é", count: 4100)
        #expect(wide.count < 8192)
        #expect(outcome(verifier(at: t), delivery.body, wide) == .malformedHeader("longer than 8192 bytes"))
        #expect(outcome(verifier(at: t), delivery.body, String(repeating: "t=\(t),", count: 2000)) == .malformedHeader("longer than 8192 bytes"))
    }

    // MARK: Secrets

    @Test func refusalsAndDescriptionsNeverContainTheSecret() throws {
        let delivery = try recorded()
        let t = delivery.timestamp
        let verifier = verifier(at: t)
        let secretBytes = Array(Self.secret.utf8)
        let forms = [
            Self.secret, String(Self.secret.dropFirst(6)), hex(secretBytes), Data(secretBytes).base64EncodedString(),
            secretBytes.map(String.init).joined(separator: ", "), secretBytes.map(String.init).joined(separator: "\n"),
        ]
        var texts = [String(describing: verifier), String(reflecting: verifier)]
        var dumped = ""
        dump(verifier, to: &dumped)
        texts.append(dumped)
        let headers: [String?] = [
            nil, "", "garbage", "t=\(t)", "t=\(t + 3600),v1=\(delivery.signature)", "t=\(t),v1=\(String(repeating: "0", count: 64))", "t=-1,v1=00", "t=1,t=2",
        ]
        for header in headers {
            let error = try #require(outcome(verifier, delivery.body, header))
            texts += [String(describing: error), String(reflecting: error), error.localizedDescription]
        }
        for text in texts {
            for form in forms {
                #expect(!text.contains(form), "\(text.prefix(80)) shows the secret")
            }
        }
    }

    @Test func reflectionShowsNeitherTheKeyNorItsStorage() {
        let verifier = verifier(at: 0)
        // `dump` used to walk into the SymmetricKey and print its byte count, the secret's length.
        #expect(Set(Mirror(reflecting: verifier).children.compactMap(\.label)) == ["scheme", "tolerance"])
        var dumped = ""
        dump(verifier, to: &dumped)
        #expect(!dumped.contains("SymmetricKey") && !dumped.contains("SecureBytes"))
    }

    // MARK: Constant time

    /// 32 bytes whose element reads are counted, to see how much of a signature a comparison reads.
    struct CountingBytes: RandomAccessCollection {
        final class Counter { var reads = 0 }
        let bytes: [UInt8]
        let counter = Counter()
        var startIndex: Int { bytes.startIndex }
        var endIndex: Int { bytes.endIndex }
        subscript(position: Int) -> UInt8 {
            counter.reads += 1
            return bytes[position]
        }
    }

    @Test(arguments: 0...32)
    func comparisonReadsEveryByteHoweverManyLeadingBytesMatch(matching: Int) throws {
        let delivery = try recorded()
        let expected = try bytes(ofHex: delivery.signature)
        var presented = expected
        for index in matching..<presented.count { presented[index] ^= 0x11 }
        let lhs = CountingBytes(bytes: presented)
        let rhs = CountingBytes(bytes: expected)
        #expect(WebhookVerifier.constantTimeEqual(lhs, rhs) == (matching == 32))
        // An early exit at the first difference would read matching + 1 bytes of each.
        #expect(lhs.counter.reads == 32)
        #expect(rhs.counter.reads == 32)
    }

    @Test func comparisonOfDifferentLengthsIsFalseWithoutReadingContent() {
        let short = CountingBytes(bytes: Array(repeating: 7, count: 31))
        let long = CountingBytes(bytes: Array(repeating: 7, count: 32))
        #expect(!WebhookVerifier.constantTimeEqual(short, long))
        #expect(!WebhookVerifier.constantTimeEqual(long, short))
        #expect(short.counter.reads == 0 && long.counter.reads == 0)
        #expect(WebhookVerifier.constantTimeEqual([UInt8](), Data()))
        #expect(WebhookVerifier.constantTimeEqual(Data([1, 2, 3]), [1, 2, 3] as [UInt8]))
        #expect(!WebhookVerifier.constantTimeEqual(Data([1, 2, 3]), [1, 2, 4] as [UInt8]))
    }
}
