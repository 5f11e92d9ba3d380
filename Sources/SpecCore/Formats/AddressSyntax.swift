/// Internet addresses and host names: RFC 2673 dotted quads, RFC 4291 IPv6 text, RFC 1123 names.
enum AddressSyntax {
    /// Four decimal octets 0–255, without leading zeros (`087` could be octal).
    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                guard let value = ASCII.decimal(part), part.count <= 3, value <= 255 else { return false }
                return part.count == 1 || part.first != UInt8(ascii: "0")
            }
    }

    /// Eight groups of 1–4 hexadecimal digits, one `::` standing for one or more zero groups, and
    /// optionally a dotted quad as the last two groups.
    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 2, bytes.count <= 45 else { return false }
        let colon = UInt8(ascii: ":")
        var text = Array(bytes)
        var quadGroups = 0
        if text.contains(UInt8(ascii: ".")) {
            guard let lastColon = text.lastIndex(of: colon), isIPv4(text[(lastColon + 1)...]) else { return false }
            quadGroups = 2
            text.removeSubrange((lastColon + 1)...)
            // `…:6:1.2.3.4` leaves a separator behind; `::1.2.3.4` leaves the elision.
            if !(text.count >= 2 && text[text.count - 2] == colon) { text.removeLast() }
        }
        func groups(_ part: ArraySlice<UInt8>) -> Int? {
            if part.isEmpty { return 0 }
            let pieces = part.split(separator: colon, omittingEmptySubsequences: false)
            guard pieces.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(ASCII.isHexDigit) }) else { return nil }
            return pieces.count
        }
        if let elision = (0..<max(0, text.count - 1)).first(where: { text[$0] == colon && text[$0 + 1] == colon }) {
            guard let left = groups(text[..<elision]), let right = groups(text[(elision + 2)...]) else { return false }
            return left + right + quadGroups <= 7
        }
        guard let all = groups(text[...]) else { return false }
        return all + quadGroups == 8
    }

    /// Labels of letters, digits and hyphens, 1–63 octets, neither starting nor ending with a
    /// hyphen; at most 253 octets in all.
    static func isHostname(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return MailboxSyntax.isDomain(bytes)
    }
}
