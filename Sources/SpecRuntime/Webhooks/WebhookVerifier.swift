import Crypto
import Foundation

/// Verifies webhook deliveries: parses the signature header, checks the timestamp against a
/// tolerance in both directions, and compares HMAC-SHA256 signatures in constant time. Any
/// signature under ``WebhookSignatureScheme/signatureKey`` may match (secret rotation); values
/// under other keys are ignored, so a delivery cannot be downgraded to a weaker scheme.
public struct WebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    /// How deliveries are signed.
    public let scheme: WebhookSignatureScheme
    private let key: SymmetricKey
    /// How far a timestamp may be from now, in either direction (inclusive).
    public let tolerance: Duration
    private let now: @Sendable () -> Date

    /// The header is bounded so that a hostile one costs little to refuse.
    static let maxHeaderBytes = 8192

    public init(
        scheme: WebhookSignatureScheme, secret: WebhookSecret, tolerance: Duration? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.scheme = scheme
        self.key = SymmetricKey(data: Data(secret.value.utf8))
        self.tolerance = tolerance ?? scheme.defaultTolerance
        self.now = now
    }

    public var description: String { "WebhookVerifier(header: \(scheme.header), secret: redacted)" }

    /// The scheme and tolerance only: reflecting the key would show its storage (its length, at
    /// the least) and, depending on swift-crypto's internals, its bytes.
    public var customMirror: Mirror {
        Mirror(self, children: ["scheme": scheme, "tolerance": tolerance], displayStyle: .struct)
    }

    /// Refuses the delivery unless the header carries one timestamp within ``tolerance`` of now
    /// (either direction) and at least one ``WebhookSignatureScheme/signatureKey`` signature that
    /// is the HMAC-SHA256 of the signed payload under the secret.
    public func verify(body: Data, signatureHeader: String?) throws(WebhookVerificationError) {
        guard let header = signatureHeader else { throw .missingHeader(scheme.header) }
        let (timestamp, signatures) = try parse(header)
        // The timestamp is the sender's (or an attacker's) and may be any Int64: compare in
        // Duration, whose 128-bit attoseconds hold every difference of the two, never in Int64.
        let skew = Self.duration(secondsSince1970: now().timeIntervalSince1970) - .seconds(timestamp)
        guard skew <= tolerance, .zero - tolerance <= skew else {
            throw .timestampOutsideTolerance(skew: skew, tolerance: tolerance)
        }
        let expected = Data(HMAC<SHA256>.authenticationCode(for: signedBytes(timestamp: timestamp, body: body), using: key))
        var matched = false
        for candidate in signatures {
            // Compare every candidate, without stopping early, in time independent of content.
            if Self.constantTimeEqual(candidate, expected) { matched = true }
        }
        if !matched { throw .noMatchingSignature }
    }

    /// The clock's reading to the millisecond, saturating (a clock that reads NaN or beyond
    /// ±292 million years refuses every delivery instead of trapping).
    static func duration(secondsSince1970 seconds: Double) -> Duration {
        let milliseconds = (seconds * 1000).rounded()
        guard milliseconds.isFinite, milliseconds.magnitude < 9e18 else {
            return .seconds(seconds < 0 ? Int64.min : Int64.max)
        }
        return .milliseconds(Int64(milliseconds))
    }

    /// The header's timestamp and the decoded signatures of the expected scheme. Parsed as UTF-8
    /// bytes: keys compare exactly (case matters), and only ASCII spaces and tabs around keys and
    /// values are ignored (HTTP's optional whitespace), not other Unicode spaces.
    func parse(_ header: String) throws(WebhookVerificationError) -> (Int64, [Data]) {
        let bytes = Array(header.utf8)
        guard bytes.count <= Self.maxHeaderBytes else { throw .malformedHeader("longer than \(Self.maxHeaderBytes) bytes") }
        var timestamp: Int64?
        var signatures: [Data] = []
        for pair in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else {
                throw .malformedHeader("'\(Self.text(pair.prefix(40)))' is not key=value")
            }
            let name = Self.trimmed(pair[..<equals])
            let value = Self.trimmed(pair[(equals + 1)...])
            if name.elementsEqual(scheme.timestampKey.utf8) {
                guard timestamp == nil else { throw .malformedHeader("more than one timestamp") }
                guard let seconds = Self.unixSeconds(value) else {
                    throw .malformedHeader("timestamp '\(Self.text(value.prefix(20)))' is not Unix seconds")
                }
                timestamp = seconds
            } else if name.elementsEqual(scheme.signatureKey.utf8) {
                // A value that does not decode can match nothing; it is skipped, not fatal, so
                // that one bad value cannot hide a good one.
                if let data = decode(Self.text(value)) { signatures.append(data) }
            }
        }
        guard let timestamp else { throw .malformedHeader("no '\(scheme.timestampKey)=' timestamp") }
        return (timestamp, signatures)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Unix seconds written canonically: ASCII digits only, no sign, no leading zero, within
    /// Int64. The signed payload spells the timestamp the same way, so the header's spelling is
    /// exactly what was signed (`t=+1711451400` or `t=01711451400` are not another way to say it).
    private static func unixSeconds(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1,
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int64(text(digits))
    }

    private func decode(_ value: String) -> Data? {
        switch scheme.encoding {
        case .base64: return Data(base64Encoded: value)
        case .hex:
            guard value.utf8.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(value.utf8.count / 2)
            var high: UInt8?
            for character in value.utf8 {
                let nibble: UInt8
                switch character {
                case 48...57: nibble = character - 48
                case 97...102: nibble = character - 87
                case 65...70: nibble = character - 55
                default: return nil
                }
                if let first = high {
                    bytes.append(first << 4 | nibble)
                    high = nil
                } else {
                    high = nibble
                }
            }
            return Data(bytes)
        }
    }

    private func signedBytes(timestamp: Int64, body: Data) -> Data {
        var result = Data()
        var rest = Substring(scheme.signedPayload)
        while let range = rest.range(of: "{timestamp}") ?? rest.range(of: "{body}") {
            let bodyRange = rest.range(of: "{body}")
            let timestampRange = rest.range(of: "{timestamp}")
            let next = [bodyRange, timestampRange].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound } ?? range
            result.append(contentsOf: rest[..<next.lowerBound].utf8)
            if next == bodyRange { result.append(body) } else { result.append(contentsOf: String(timestamp).utf8) }
            rest = rest[next.upperBound...]
        }
        result.append(contentsOf: rest.utf8)
        return result
    }

    /// Equal length and equal bytes. Every byte of both is read and folded into one difference,
    /// with no branch on content, so the time depends only on the lengths (public: every
    /// signature of a scheme has the same length), not on how many leading bytes match.
    static func constantTimeEqual<L: Collection<UInt8>, R: Collection<UInt8>>(_ lhs: L, _ rhs: R) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }
}
