/// RFC 5321 section 4.1.2 `Mailbox = Local-part "@" ( Domain / address-literal )`, with the
/// length limits of 4.5.3.1 (local part 64 octets, domain 255).
enum MailboxSyntax {
    static func isMailbox(_ bytes: [UInt8]) -> Bool {
        guard let localEnd = localPartEnd(bytes), localEnd <= 64, localEnd < bytes.count,
            bytes[localEnd] == UInt8(ascii: "@")
        else { return false }
        let domain = bytes[(localEnd + 1)...]
        guard !domain.isEmpty, domain.count <= 255 else { return false }
        if domain.first == UInt8(ascii: "[") { return isAddressLiteral(domain) }
        return isDomain(domain)
    }

    /// The end of `Dot-string` or `Quoted-string` at the start of `bytes`.
    private static func localPartEnd(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "\"") {
            var index = 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { return index + 1 }
                if byte == UInt8(ascii: "\\") {
                    // quoted-pairSMTP = "\" %d32-126
                    guard index + 1 < bytes.count, (32...126).contains(bytes[index + 1]) else { return nil }
                    index += 2
                    continue
                }
                // qtextSMTP = %d32-33 / %d35-91 / %d93-126
                guard (32...126).contains(byte) else { return nil }
                index += 1
            }
            return nil
        }
        var index = 0
        var atomLength = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: "@") {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard atomLength > 0 else { return nil }
                atomLength = 0
            } else {
                guard isAtext(byte) else { return nil }
                atomLength += 1
            }
            index += 1
        }
        return atomLength > 0 ? index : nil
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    /// `sub-domain *("." sub-domain)`, each `Let-dig [Ldh-str]` of at most 63 octets.
    static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
            return ASCII.isAlphanumeric(first) && ASCII.isAlphanumeric(last)
                && label.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// `"[" IPv4-address-literal / "IPv6:" IPv6-addr "]"`.
    private static func isAddressLiteral(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count > 2, bytes.last == UInt8(ascii: "]") else { return false }
        let inner = bytes.dropFirst().dropLast()
        let tag = Array("IPv6:".utf8)
        if inner.count > tag.count, inner.prefix(tag.count).elementsEqual(tag) {
            return AddressSyntax.isIPv6(inner.dropFirst(tag.count))
        }
        return AddressSyntax.isIPv4(inner)
    }
}
