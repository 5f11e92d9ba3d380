import Crypto
import Foundation

/// Verifies webhook deliveries: parses the signature header, checks the timestamp against a
/// tolerance in both directions, and compares HMAC-SHA256 signatures in constant time. Any
/// signature under ``WebhookSignatureScheme/signatureKey`` may match (secret rotation); values
/// under other keys are ignored, so a delivery cannot be downgraded to a weaker scheme.
public struct WebhookVerifier: Sendable, CustomStringConvertible {
    public let scheme: WebhookSignatureScheme
    private let key: SymmetricKey
    public let tolerance: Duration
    private let now: @Sendable () -> Date

    /// The header is bounded so that a hostile one costs little to refuse.
    static let maxHeaderBytes = 8192

    public init(scheme: WebhookSignatureScheme, secret: WebhookSecret, tolerance: Duration? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.scheme = scheme
        self.key = SymmetricKey(data: Data(secret.value.utf8))
        self.tolerance = tolerance ?? scheme.defaultTolerance
        self.now = now
    }

    public var description: String { "WebhookVerifier(header: \(scheme.header), secret: redacted)" }

    public func verify(body: Data, signatureHeader: String?) throws(WebhookVerificationError) {
        guard let header = signatureHeader else { throw .missingHeader(scheme.header) }
        let (timestamp, signatures) = try parse(header)
        let skew = now().timeIntervalSince1970 - Double(timestamp)
        let skewDuration = Duration.milliseconds(Int64((skew * 1000).rounded()))
        let toleranceSeconds = Double(tolerance.components.seconds) + Double(tolerance.components.attoseconds) / 1e18
        guard abs(skew) <= toleranceSeconds else {
            throw .timestampOutsideTolerance(skew: skewDuration, tolerance: tolerance)
        }
        let expected = Data(HMAC<SHA256>.authenticationCode(for: signedBytes(timestamp: timestamp, body: body), using: key))
        var matched = false
        for candidate in signatures {
            // Compare every candidate, without stopping early, in time independent of content.
            if Self.constantTimeEqual(candidate, expected) { matched = true }
        }
        if !matched { throw .noMatchingSignature }
    }

    /// The header's timestamp and the decoded signatures of the expected scheme.
    func parse(_ header: String) throws(WebhookVerificationError) -> (Int64, [Data]) {
        guard header.utf8.count <= Self.maxHeaderBytes else { throw .malformedHeader("longer than \(Self.maxHeaderBytes) bytes") }
        var timestamp: Int64?
        var signatures: [Data] = []
        for pair in header.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .malformedHeader("'\(pair.prefix(40))' is not key=value") }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if name == scheme.timestampKey {
                guard timestamp == nil else { throw .malformedHeader("more than one timestamp") }
                guard let seconds = Int64(value), seconds >= 0 else { throw .malformedHeader("timestamp '\(value.prefix(20))' is not Unix seconds") }
                timestamp = seconds
            } else if name == scheme.signatureKey {
                // A value that does not decode can match nothing; it is skipped, not fatal, so
                // that one bad value cannot hide a good one.
                if let data = decode(value) { signatures.append(data) }
            }
        }
        guard let timestamp else { throw .malformedHeader("no '\(scheme.timestampKey)=' timestamp") }
        return (timestamp, signatures)
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

    /// Equal length and equal bytes, in time that depends only on the length.
    static func constantTimeEqual(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }
}
