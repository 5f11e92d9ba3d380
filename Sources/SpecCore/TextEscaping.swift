/// The one escaping of text for display, used by the generator's Swift string literals and the
/// runtime's body excerpts: line breaks and tabs as `\n`, `\r`, `\t`, NUL as `\0`, and every other
/// control character (C0, DEL, C1, and the line and paragraph separators) as `\u{…}`, so that the
/// result is one line that shows what the text holds.
public enum TextEscaping {
    /// The escape of `scalar`, or `nil` when it stands for itself. With `quoting`, `"` and `\` are
    /// escaped too (inside a Swift string literal).
    public static func escape(_ scalar: Unicode.Scalar, quoting: Bool) -> String? {
        switch scalar {
        case "\"" where quoting: "\\\""
        case "\\" where quoting: "\\\\"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\0": "\\0"
        case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
            "\\u{\(String(scalar.value, radix: 16))}"
        default: nil
        }
    }

    /// `text` with every scalar escaped as ``escape(_:quoting:)`` says.
    public static func escaped(_ text: String, quoting: Bool) -> String {
        // Most text is printable ASCII with nothing to escape: returned as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !(quoting && ($0 == 0x22 || $0 == 0x5C)) }) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar, quoting: quoting) {
                result += escape
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
