import SpecCore

/// When a name must be written between backticks. The renderer alone applies these rules, so
/// emitters pass names as they are and never add or strip backticks.
public enum Identifier {
    /// Words that cannot stand as a declared name or a bare reference without backticks.
    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_", "package", "some", "any",
        "consume", "borrowing", "consuming",
    ]

    /// Keywords by their first byte, so that the common case (not a keyword) costs a few byte
    /// comparisons rather than a hash of the name.
    private static let keywordsByFirstByte: [[String]] = {
        var table = [[String]](repeating: [], count: 256)
        for keyword in keywords { table[Int(keyword.utf8.first ?? 0)].append(keyword) }
        return table
    }()

    static func isKeyword(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        let candidates = keywordsByFirstByte[Int(first)]
        return !candidates.isEmpty && candidates.contains(name)
    }

    /// A declared name or bare reference: `` `default` ``, `value`.
    public static func declared(_ name: String) -> String {
        isKeyword(name) ? "`\(name)`" : name
    }

    /// A name after a dot: `.default` needs no backticks, `.init` does when it means a member.
    public static func member(_ name: String) -> String {
        switch name {
        case "init", "self", "Self", "Type", "Protocol": "`\(name)`"
        default: name
        }
    }

    /// An argument label in a declaration or a call.
    public static func label(_ name: String) -> String {
        switch name {
        case "inout", "var", "let": "`\(name)`"
        default: name
        }
    }

    /// A Swift string literal of `text`, escaped by the project's one ``TextEscaping`` routine, so
    /// a literal is always one line and shows what it holds.
    public static func stringLiteral(_ text: String) -> String {
        "\"" + TextEscaping.escaped(text, quoting: true) + "\""
    }

    /// `#"text"#` (with as many `#` as the text needs) when the text has quotes or backslashes and
    /// nothing else that needs escaping, so embedded JSON reads as JSON; otherwise ``stringLiteral(_:)``.
    public static func rawStringLiteral(_ text: String) -> String {
        // One pass: whether the text has a quote or backslash, nothing else to escape, and the
        // longest run of `#` after a quote or backslash (the delimiter needs one more).
        var quotesOrBackslashes = false
        var longestHashRun = 0
        var hashRun: Int?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                quotesOrBackslashes = true
                hashRun = 0
            case "#":
                if let run = hashRun {
                    hashRun = run + 1
                    longestHashRun = max(longestHashRun, run + 1)
                }
            case "\\":
                // `\#…` would be an escape in a raw literal with that many `#`: counted like a quote's.
                quotesOrBackslashes = true
                hashRun = 0
            default:
                if TextEscaping.escape(scalar, quoting: false) != nil { return stringLiteral(text) }
                hashRun = nil
            }
        }
        guard quotesOrBackslashes else { return stringLiteral(text) }
        let hashes = String(repeating: "#", count: longestHashRun + 1)
        return hashes + "\"" + text + "\"" + hashes
    }
}
