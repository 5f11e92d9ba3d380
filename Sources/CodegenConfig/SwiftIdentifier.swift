import SwiftSource

/// Whether a user-chosen name can be declared in Swift as written, without backticks.
///
/// Follows the Swift grammar through Unicode's identifier properties (XID_Start, XID_Continue),
/// which the grammar's identifier-head and identifier-character sets closely track; `$` names
/// are the compiler's, and the keywords of the renderer's one list (`Identifier.keywords`) are refused.
enum SwiftIdentifier {
    /// Why `name` is not a Swift identifier (`'my-client' contains '-'`), or `nil` when it is one.
    static func problem(with name: String) -> String? {
        let shown = "'\(excerpt(name))'"
        guard let first = name.unicodeScalars.first else { return "the name is empty" }
        if Identifier.keywords.contains(name) { return "\(shown) is a Swift keyword" }
        if first.properties.numericType != nil { return "\(shown) starts with a digit" }
        if first != "_" && !first.properties.isXIDStart { return "\(shown) starts with \(describe(first))" }
        if let bad = name.unicodeScalars.dropFirst().first(where: { !$0.properties.isXIDContinue }) {
            return "\(shown) contains \(describe(bad))"
        }
        return nil
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": "a space"
        case "\t": "a tab"
        case "\n", "\r": "a line break"
        default: scalar.properties.isWhitespace || scalar.value < 0x20 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : "'\(scalar)'"
        }
    }

    /// A bounded, single-line excerpt of user text for messages.
    static func excerpt(_ text: String) -> String {
        let oneLine = String(text.map { $0.isNewline ? " " : $0 })
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : oneLine
    }
}
