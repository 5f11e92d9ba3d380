/// The `format`s of strings that validators assert: one definition for the generator (which
/// checks examples and defaults with it, and picks Swift types by it) and the runtime (whose
/// validators check values with it), so that both mean the same by `email`. Each is checked to
/// its RFC exactly; any other format is an annotation (the generator warns that it is not checked).
public enum StringFormat: String, Hashable, Sendable, CaseIterable {
    /// RFC 3339 `date-time`, with the leap-second rule.
    case dateTime = "date-time"
    /// RFC 3339 `full-date`.
    case date
    /// RFC 3339 `full-time` (an offset is required).
    case time
    /// RFC 5321 `Mailbox`.
    case email
    /// RFC 3986 `URI` (absolute, with a scheme).
    case uri
    /// RFC 3986 `URI-reference` (a URI or a relative reference).
    case uriReference = "uri-reference"
    /// RFC 4122 textual form: 8-4-4-4-12 hexadecimal digits.
    case uuid
    /// RFC 2673 dotted quad, without leading zeros.
    case ipv4
    /// RFC 4291 text form, without a zone.
    case ipv6
    /// RFC 1123 host name.
    case hostname

    /// Whether generated validators check this format on a `String` (date and date-time values
    /// are held as `Date`/`CalendarDate`, checked by decoding).
    public var isCheckedOnStrings: Bool {
        switch self {
        case .dateTime, .date: false
        default: true
        }
    }

    /// Whether `value` is a valid string of this format.
    public func matches(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        switch self {
        case .dateTime: return RFC3339Syntax.isDateTime(bytes)
        case .date: return RFC3339Syntax.isDate(bytes[...])
        case .time: return RFC3339Syntax.isTime(bytes[...])
        case .email: return MailboxSyntax.isMailbox(bytes)
        case .uri: return URISyntax.isURI(bytes)
        case .uriReference: return URISyntax.isURIReference(bytes)
        case .uuid: return Self.isUUID(bytes)
        case .ipv4: return AddressSyntax.isIPv4(bytes[...])
        case .ipv6: return AddressSyntax.isIPv6(bytes[...])
        case .hostname: return AddressSyntax.isHostname(bytes[...])
        }
    }

    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !ASCII.isHexDigit(byte) {
                return false
            }
        }
        return true
    }
}

/// Byte classes of the ABNF rules the format checks use.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isAlpha(byte) }

    /// The value of the decimal digits `bytes`, or `nil` when one is not a digit.
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
