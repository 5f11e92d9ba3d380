/// RFC 3986 section 3 and 4.1: `URI` and `URI-reference`, character by character (every `%` is
/// followed by two hexadecimal digits; spaces, `"<>\^`{|}` and non-ASCII are not allowed).
enum URISyntax {
    static func isURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = schemeEnd(bytes) else { return false }
        return isRelativePart(bytes[(colon + 1)...], allowsColonInFirstSegment: true)
    }

    static func isURIReference(_ bytes: [UInt8]) -> Bool {
        if let colon = schemeEnd(bytes) {
            return isRelativePart(bytes[(colon + 1)...], allowsColonInFirstSegment: true)
        }
        return isRelativePart(bytes[...], allowsColonInFirstSegment: false)
    }

    /// The index of the `:` after `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
    private static func schemeEnd(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, ASCII.isAlpha(first) else { return nil }
        for (index, byte) in bytes.enumerated().dropFirst() {
            if byte == UInt8(ascii: ":") { return index }
            guard ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
        }
        return nil
    }

    /// `hier-part`/`relative-part` followed by `[ "?" query ] [ "#" fragment ]`.
    private static func isRelativePart(_ bytes: ArraySlice<UInt8>, allowsColonInFirstSegment: Bool) -> Bool {
        var rest = bytes
        var fragment: ArraySlice<UInt8>?
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        var query: ArraySlice<UInt8>?
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[(question + 1)...]
            rest = rest[..<question]
        }
        for part in [query, fragment].compactMap({ $0 }) where !isQueryOrFragment(part) { return false }
        var path = rest
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let authorityStart = rest.startIndex + 2
            let authorityEnd = rest[authorityStart...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[authorityStart..<authorityEnd]) else { return false }
            path = rest[authorityEnd...]
        } else if !allowsColonInFirstSegment {
            let firstSegment = rest.prefix { $0 != UInt8(ascii: "/") }
            if firstSegment.contains(UInt8(ascii: ":")) { return false }
        }
        return isCharacters(path, extra: "/:@")
    }

    /// `[ userinfo "@" ] host [ ":" port ]`.
    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        if let at = rest.lastIndex(of: UInt8(ascii: "@")) {
            guard isCharacters(rest[..<at], extra: ":") else { return false }
            rest = rest[(at + 1)...]
        }
        if rest.first == UInt8(ascii: "[") {
            guard let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = rest[(rest.startIndex + 1)..<close]
            guard isIPLiteral(literal) else { return false }
            rest = rest[(close + 1)...]
            if rest.isEmpty { return true }
            guard rest.first == UInt8(ascii: ":") else { return false }
            return rest.dropFirst().allSatisfy(ASCII.isDigit)
        }
        if let colon = rest.lastIndex(of: UInt8(ascii: ":")) {
            guard rest[(colon + 1)...].allSatisfy(ASCII.isDigit) else { return false }
            rest = rest[..<colon]
        }
        return isCharacters(rest, extra: "")
    }

    /// `IPv6address / IPvFuture` inside brackets.
    private static func isIPLiteral(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first.map({ $0 | 0x20 }) == UInt8(ascii: "v") {
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
            let version = bytes[(bytes.startIndex + 1)..<dot]
            let rest = bytes[(dot + 1)...]
            return !version.isEmpty && version.allSatisfy(ASCII.isHexDigit) && !rest.isEmpty
                && rest.allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
        }
        return AddressSyntax.isIPv6(bytes)
    }

    private static func isQueryOrFragment(_ bytes: ArraySlice<UInt8>) -> Bool {
        isCharacters(bytes, extra: "/?:@")
    }

    /// Unreserved characters, sub-delimiters, `extra`, and well-formed percent-encodings.
    private static func isCharacters(_ bytes: ArraySlice<UInt8>, extra: String) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard bytes.endIndex - index >= 3, ASCII.isHexDigit(bytes[index + 1]), ASCII.isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(byte) || isSubDelimiter(byte) || extra.utf8.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        "!$&'()*+,;=".utf8.contains(byte)
    }
}
