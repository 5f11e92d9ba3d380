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

    /// A Swift string literal of `text`, escaped by the project's one ``TextEscaping`` routine, so
    /// a literal is always one line and shows what it holds.
    public static func stringLiteral(_ text: String) -> String {
        "\"" + TextEscaping.escaped(text, quoting: true) + "\""
    }
}
