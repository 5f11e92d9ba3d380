/// An RFC 6901 JSON Pointer (`/analyses/2`), naming the place of a value in a JSON document.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// One step of a pointer: an object member or an array element.
    public enum Token: Hashable, Sendable {
        case key(String)
        case index(Int)

        var escaped: String {
            switch self {
            case .index(let index): String(index)
            case .key(let key):
                key.contains("~") || key.contains("/")
                    ? key.replacing("~", with: "~0").replacing("/", with: "~1") : key
            }
        }
    }

    public var tokens: [Token]

    public init(_ tokens: [Token] = []) {
        self.tokens = tokens
    }

    /// Parses the textual form (`""` is the whole document, `/a/0` a member then an element).
    /// Tokens made only of digits are taken as array indices.
    public init(parsing text: String) {
        guard !text.isEmpty else {
            self.tokens = []
            return
        }
        self.tokens = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { raw in
            let token = raw.replacing("~1", with: "/").replacing("~0", with: "~")
            if let index = Int(token), !token.isEmpty, token.allSatisfy(\.isASCII) { return .index(index) }
            return .key(String(token))
        }
    }

    public init(stringLiteral value: String) {
        self.init(parsing: value)
    }

    public static let root = JSONPointer()

    public func appending(_ token: Token) -> JSONPointer {
        JSONPointer(tokens + [token])
    }

    public var description: String {
        tokens.map { "/" + $0.escaped }.joined()
    }
}
