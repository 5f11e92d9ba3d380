/// How a webhook delivery is signed, in terms general enough for the common "timestamp + HMAC
/// of the body" schemes. Generated code fills it from the spec's `x-webhook-signature`.
///
/// The header looks like `t=1711451400,v1=5257a8…,v1=…`: comma-separated `key=value` pairs where
/// ``timestampKey`` gives Unix seconds and each ``signatureKey`` value is one signature.
public struct WebhookSignatureScheme: Sendable, Hashable {
    /// How signature bytes are written in the header.
    public enum Encoding: String, Sendable, Hashable {
        case hex, base64
    }

    public var header: String
    public var encoding: Encoding
    public var timestampKey: String
    public var signatureKey: String
    /// The signed bytes, with `{timestamp}` and `{body}` standing for the header's timestamp
    /// and the raw body (`{timestamp}.{body}`).
    public var signedPayload: String
    public var defaultTolerance: Duration

    public init(
        header: String, encoding: Encoding, timestampKey: String, signatureKey: String,
        signedPayload: String, defaultTolerance: Duration
    ) {
        self.header = header
        self.encoding = encoding
        self.timestampKey = timestampKey
        self.signatureKey = signatureKey
        self.signedPayload = signedPayload
        self.defaultTolerance = defaultTolerance
    }
}

/// Why a delivery was refused; each case is a different thing to fix.
public enum WebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingHeader(String)
    /// The header is not `key=value` pairs with one numeric timestamp.
    case malformedHeader(String)
    /// The timestamp is too old (a replay) or too far in the future; `skew` is now minus timestamp,
    /// to the millisecond of the clock.
    case timestampOutsideTolerance(skew: Duration, tolerance: Duration)
    /// No signature of the expected scheme matches (wrong secret, altered body, or only other schemes).
    case noMatchingSignature

    public var description: String {
        switch self {
        case .missingHeader(let name): "the \(name) header is missing"
        case .malformedHeader(let reason): "malformed signature header: \(reason)"
        case .timestampOutsideTolerance(let skew, let tolerance): "timestamp is \(skew) from now, outside the tolerance of \(tolerance)"
        case .noMatchingSignature: "no signature matches"
        }
    }
}
