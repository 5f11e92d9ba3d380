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

    /// Names that mean something else after a dot (`x.self`, `T.Type`, `.init`).
    static let memberKeywords: Set<String> = ["init", "self", "Self", "Type", "Protocol"]

    /// Argument labels that must be escaped (every other keyword may be a label).
    static let labelKeywords: Set<String> = ["inout", "var", "let"]

    /// A declared name or bare reference: `` `default` ``, `value`.
    public static func declared(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A name after a dot: `.default` needs no backticks, `.init` does when it means a member.
    public static func member(_ name: String) -> String {
        memberKeywords.contains(name) ? "`\(name)`" : name
    }

    /// An argument label in a declaration or a call.
    public static func label(_ name: String) -> String {
        labelKeywords.contains(name) ? "`\(name)`" : name
    }

    /// The one string-literal escaping of the generator: quotes, backslashes, the usual control
    /// escapes, and any other control character (C0, DEL, C1) as `\u{…}`, so a literal is always
    /// one line and shows what it holds.
    public static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
