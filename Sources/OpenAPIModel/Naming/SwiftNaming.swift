/// How names on the wire become Swift names: `session_id` → `sessionID`, `analysis.complete` →
/// `analysisComplete`, `action-items` → `ActionItems`. The emitter and the collision check both
/// use it, so that what is checked is what is emitted.
public enum SwiftNaming {
    /// Words written in capitals in Swift API naming (`sessionID`, `webhookURL`).
    static let acronyms: Set<String> = ["id", "ids", "url", "urls", "uri", "http", "https", "json", "uuid", "api", "html", "xml", "ip", "sql", "utc", "ttl", "sdk"]

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]
    /// Type names that would shadow types generated code relies on.
    static let reservedTypeNames: Set<String> = ["Type", "Protocol", "Self", "Any", "String", "Int", "Double", "Bool", "Date", "Data", "URL", "UUID", "Error", "Optional", "Array", "Dictionary", "Codable", "Decoder", "Encoder", "CodingKeys"]

    /// Splits a wire name into words at separators, case changes and letter-to-digit boundaries.
    /// Works on Unicode scalars (names are identifiers, not prose), with an ASCII fast path: it
    /// runs for every name of the spec, several times.
    public static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(name.unicodeScalars)
        for index in scalars.indices {
            let scalar = scalars[index]
            let kind = Kind(scalar)
            if kind == .other {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
                continue
            }
            if let previous = current.last {
                let previousKind = Kind(previous)
                let nextKind = index + 1 < scalars.count ? Kind(scalars[index + 1]) : .other
                let startsWord =
                    (previousKind == .lower && kind == .upper)
                    || (previousKind == .upper && kind == .upper && nextKind == .lower)
                    || (previousKind == .lower && kind == .digit)
                if startsWord {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(scalar)
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// What a scalar is, for word splitting.
    private enum Kind: Equatable {
        case lower, upper, digit, otherLetter, other

        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x61...0x7A: self = .lower
            case 0x41...0x5A: self = .upper
            case 0x30...0x39: self = .digit
            case 0..<0x80: self = .other
            default:
                let properties = scalar.properties
                if properties.isLowercase {
                    self = .lower
                } else if properties.isUppercase {
                    self = .upper
                } else if properties.numericType != nil {
                    self = .digit
                } else if properties.isAlphabetic {
                    self = .otherLetter
                } else {
                    self = .other
                }
            }
        }
    }

    /// `UpperCamelCase` for types: `analysis_result` → `AnalysisResult`, `api-key` → `APIKey`.
    public static func typeName(_ name: String) -> String {
        let joined = words(name).map(capitalized).joined()
        var result = joined.isEmpty ? "Unnamed" : joined
        if result.first?.isNumber == true { result = "_" + result }
        if reservedTypeNames.contains(result) { result += "Value" }
        return result
    }

    /// `lowerCamelCase` for properties, parameters, methods and enum cases, escaped when a keyword.
    public static func memberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "_empty" }
        var result = first.lowercased() + parts.dropFirst().map(capitalized).joined()
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// A member name as it must be written in declarations (`` `default` ``).
    public static func escapedMemberName(_ name: String) -> String {
        let member = memberName(name)
        return keywords.contains(member) ? "`\(member)`" : member
    }

    static func capitalized(_ word: String) -> String {
        if acronyms.contains(word.lowercased()) { return word.uppercased() }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// The element name of a list property (`segments` → `Segment`, `key_moments` → `KeyMoment`).
    public static func singularTypeName(_ name: String) -> String {
        let type = typeName(name)
        if type.hasSuffix("ies") { return String(type.dropLast(3)) + "y" }
        if type.hasSuffix("yses") { return String(type.dropLast(2)) + "is" }
        if type.hasSuffix("ses") || type.hasSuffix("xes") { return String(type.dropLast(2)) }
        if type.hasSuffix("s") && !type.hasSuffix("ss") { return String(type.dropLast()) }
        return type + "Item"
    }
}
