import OpenAPIModel

/// A media type as HTTP writes it (RFC 9110 §8.3.1): `type/subtype` and `; name=value`
/// parameters. Type, subtype and parameter names compare case-insensitively (they are kept
/// lowercased); parameter values are kept unquoted, and compare case-insensitively only for
/// `charset`, whose values are case-insensitive by definition.
public struct MediaType: Hashable, Sendable, CustomStringConvertible {
    public var type: String
    public var subtype: String
    public var parameters: [String: String]

    /// Reads `text`; `nil` when it is not `token/token` followed by well-formed parameters.
    /// Wildcards (`*/*`, `application/*`) are read too: a spec's `content` keys may be ranges.
    public init?(_ text: String) {
        var scanner = HeaderScanner(Array(text.unicodeScalars))
        scanner.skipSpaces()
        guard let type = scanner.token(), scanner.take("/"), let subtype = scanner.token() else { return nil }
        var parameters: [String: String] = [:]
        scanner.skipSpaces()
        while scanner.take(";") {
            scanner.skipSpaces()
            if scanner.atEnd { break }  // a trailing `;` is common and harmless
            guard let name = scanner.token(), scanner.take("="), let value = scanner.quotedString() ?? scanner.token() else { return nil }
            parameters[name.lowercased()] = value
            scanner.skipSpaces()
        }
        guard scanner.atEnd else { return nil }
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
        if self.type == "*" && self.subtype != "*" { return nil }
    }

    public var description: String {
        ([type + "/" + subtype] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "; ")
    }

    /// Whether this is a range (`*/*`, `application/*`, `application/*+json`) rather than one type.
    public var isRange: Bool { type == "*" || subtype == "*" || subtype.hasPrefix("*+") }

    /// How specifically this media type, as declared by a spec, covers `actual` (a concrete
    /// `Content-Type`): `nil` when it does not cover it, and otherwise higher for a more specific
    /// declaration. From least to most specific: `*/*`, `type/*`, `type/*+suffix`, `type/subtype`;
    /// at each level a declaration with more parameters is more specific, and every parameter it
    /// declares must be present in `actual` with the same value (so `text/plain; charset=utf-8`
    /// covers only UTF-8 text, while `application/json` covers `application/json; charset=utf-8`).
    ///
    /// A structured-syntax suffix names the syntax, not the type (RFC 6838 §4.2.8):
    /// `application/problem+json` is not `application/json`, and is covered only by a
    /// declaration of it, `application/*+json`, `application/*` or `*/*`.
    public func specificity(covering actual: MediaType) -> Int? {
        guard !actual.isRange else { return nil }
        let level: Int
        if type == "*" {
            level = 0
        } else if type != actual.type {
            return nil
        } else if subtype == "*" {
            level = 1
        } else if subtype.hasPrefix("*+") {
            let suffix = subtype.dropFirst()  // "+json"
            guard actual.subtype.hasSuffix(suffix), actual.subtype.count > suffix.count else { return nil }
            level = 2
        } else if subtype == actual.subtype {
            level = 3
        } else {
            return nil
        }
        for (name, value) in parameters {
            guard let other = actual.parameters[name] else { return nil }
            let same = name == "charset" ? other.lowercased() == value.lowercased() : other == value
            if !same { return nil }
        }
        return level * 1000 + parameters.count
    }

    /// The declared media type that covers a `Content-Type` most specifically (as OpenAPI
    /// resolves `content` keys: the most specific key wins), the first of equals in document
    /// order; `nil` when none does or the header is not a concrete media type. Declarations that
    /// are not media types cover nothing.
    public static func bestMatch(for contentType: String, among declared: [String]) -> Int? {
        guard let actual = MediaType(contentType), !actual.isRange else { return nil }
        var best: (index: Int, score: Int)?
        for (index, name) in declared.enumerated() {
            guard let score = MediaType(name)?.specificity(covering: actual) else { continue }
            if let best, score <= best.score { continue }
            best = (index, score)
        }
        return best?.index
    }
}

/// The media-type check of a body: its `Content-Type` is present and covered by a media type
/// the spec declares for it. Reported in `<side>.header` at `/Content-Type` with the keyword
/// `contentType` (spec/fixtures/README.md).
struct ContentTypeCheck {
    /// `request.header` or `response.header`.
    let location: String
    /// The check's name in reports.
    let name: String

    /// Runs the check on a body that is present; returns whether the body's media type is
    /// declared (and so whether its schema applies to it).
    func run(headers: [(name: String, value: String)], declared: [DeclaredMediaType], run: inout CaseRun) -> Bool {
        let names = declared.map(\.name)
        let list = names.joined(separator: ", ")
        let value = headers.first { $0.name.lowercased() == "content-type" }?.value
        let problem: String?
        if let value {
            if MediaType(value).map({ !$0.isRange }) != true {
                problem = "Content-Type '\(value)' is not a media type (the spec declares \(list))"
            } else if MediaType.bestMatch(for: value, among: names) == nil {
                problem = "Content-Type '\(value)' is not declared (the spec declares \(list))"
            } else {
                problem = nil
            }
        } else {
            problem = "the body has no Content-Type header (the spec declares \(list))"
        }
        if let problem {
            run.record(location, [SchemaViolation(pointer: "/Content-Type", keyword: "contentType", message: problem)])
        }
        run.check(name, problem.map { [$0] } ?? [])
        return problem == nil
    }
}

/// A cursor over the characters of a header value.
private struct HeaderScanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { index == scalars.count }

    mutating func skipSpaces() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == character else { return false }
        index += 1
        return true
    }

    /// An RFC 9110 token (`tchar`s), or `nil` when there is none here.
    mutating func token() -> String? {
        let start = index
        while index < scalars.count, Self.isTokenCharacter(scalars[index]) { index += 1 }
        return index == start ? nil : String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// A quoted string with its quotes and escapes removed, or `nil` when none starts here (an
    /// unterminated one is not a quoted string).
    mutating func quotedString() -> String? {
        guard index < scalars.count, scalars[index] == "\"" else { return nil }
        var position = index + 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\"" {
                index = position + 1
                return String(value)
            }
            if scalar == "\\" {
                position += 1
                guard position < scalars.count else { return nil }
            }
            value.append(scalars[position])
            position += 1
        }
        return nil
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~": true
        default: false
        }
    }
}
