import SpecDiagnostics

/// A `servers` entry: its URL template and the variables it names, as the spec writes them.
public struct Server: Hashable, Sendable {
    /// The `url`, `{variable}` placeholders included.
    public var urlTemplate: String
    public var description: String?
    /// In the order the spec lists them; each one the template uses.
    public var variables: [ServerVariable]
    public var location: SourceLocation?

    public init(urlTemplate: String, description: String? = nil, variables: [ServerVariable] = [], location: SourceLocation? = nil) {
        self.urlTemplate = urlTemplate
        self.description = description
        self.variables = variables
        self.location = location
    }

    /// A piece of a URL template: text as written, or a `{name}` placeholder.
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case variable(String)
    }

    /// The template's literal text and placeholders, in order: the one reading of `{name}` that
    /// building, checking and emitting share.
    public var segments: [Segment] { Self.segments(of: urlTemplate) }

    public static func segments(of template: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { segments.append(.literal(String(rest[..<open]))) }
            segments.append(.variable(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return segments
    }

    /// The URL with every variable at its `default`.
    public var defaultURL: String { url(with: [:]) }

    /// The URL with the given variable values, the others at their defaults (a placeholder no
    /// variable defines stays as written). Values are inserted once, not rescanned for placeholders.
    public func url(with values: [String: String]) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .variable(let name): values[name] ?? variables.first { $0.name == name }?.defaultValue ?? "{\(name)}"
            }
        }.joined()
    }
}

/// A server variable: the value it takes unless the caller chooses, and the values it may take.
public struct ServerVariable: Hashable, Sendable {
    public var name: String
    public var defaultValue: String
    /// The `enum`, when the spec restricts the variable to a list.
    public var allowedValues: [String]?
    public var description: String?

    public init(name: String, defaultValue: String, allowedValues: [String]? = nil, description: String? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.description = description
    }
}
