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

    /// The URL with every variable at its `default`.
    public var defaultURL: String { url(with: [:]) }

    /// The URL with the given variable values, the others at their defaults.
    public func url(with values: [String: String]) -> String {
        var url = urlTemplate
        for variable in variables {
            url = url.replacing("{\(variable.name)}", with: values[variable.name] ?? variable.defaultValue)
        }
        return url
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
