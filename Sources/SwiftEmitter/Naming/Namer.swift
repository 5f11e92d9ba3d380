import OpenAPIModel
import SpecDiagnostics

/// Every Swift name of the generated code comes from here, by these rules:
/// - wire names split into words at separators, case changes and letter-digit boundaries;
/// - types `UpperCamelCase`, members `lowerCamelCase`, with the acronyms of ``acronyms`` in
///   capitals (`session_id` → `sessionID`, `api-key` → `APIKey`);
/// - a name starting with a digit gets a leading `_`; a type name that would shadow one generated
///   code relies on gets `Value` (`Type` → `TypeValue`);
/// - the element type of a list is its singular (``Singular``), or the whole name + `Item`;
/// - `nameOverrides` from the configuration replace a schema's or operation's name as written.
/// Keywords are not escaped here: the renderer adds backticks where Swift needs them. Names
/// that must be distinct are claimed in a ``NameScope``, which disambiguates after every suffix.
struct Namer: Sendable {
    /// Words written in capitals in Swift API naming (`sessionID`, `webhookURL`).
    static let acronyms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "http", "https", "json", "uuid", "api", "html", "xml", "ip", "sql", "utc",
        "ttl", "sdk",
    ]
    /// Type names that would shadow types generated code relies on.
    static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Date", "Data",
        "URL", "UUID", "Error", "Optional", "Array", "Dictionary", "Set", "Codable", "Decoder", "Encoder", "CodingKeys",
        "CodingKey", "Sendable", "Hashable", "Void", "Never", "Result", "Task", "Duration", "JSONValue", "Nullable",
        "Indirect", "CalendarDate", "Validatable", "ValidationContext", "APIClient", "APIClientError", "BodyCodec",
        "AnyCodingKey", "ValidationPatterns", "ParameterPatterns", "PayloadPatterns", "ValidationSchemas", "ParameterSchemas",
        "PayloadSchemas", "EmbeddedSchema", "EmbeddedSchemaRegistry", "OperationRequest", "PollingOptions",
        "ValidationError", "Violation", "JSONCoding", "RFC3339", "CompiledPattern", "ContractOperation", "ClientConfiguration",
        "WebhookVerifier", "WebhookSecret", "WebhookSignatureScheme", "ParameterLocation", "TypedResponse",
        "ResponseHeaders", "ResponseHeaderReader", "HeaderValue", "OperationResponse", "DateTimeCoded", "DateTimeCoding",
    ]

    let nameOverrides: [String: String]

    init(nameOverrides: [String: String] = [:]) {
        self.nameOverrides = nameOverrides
    }

    /// `UpperCamelCase` for types: `analysis_result` → `AnalysisResult`.
    static func typeName(_ name: String) -> String {
        let joined = WordSplitting.words(name).map(capitalized).joined()
        var result = joined.isEmpty ? "Unnamed" : joined
        if result.first?.isNumber == true { result = "_" + result }
        if reservedTypeNames.contains(result) { result += "Value" }
        return result
    }

    /// `lowerCamelCase` for properties, parameters, methods and enum cases.
    static func memberName(_ name: String) -> String {
        let parts = WordSplitting.words(name)
        guard let first = parts.first else { return "_empty" }
        var result = first.lowercased() + parts.dropFirst().map(capitalized).joined()
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// The element type name of a list named `name`: its last word made singular
    /// (`key_moments` → `KeyMoment`, `required_phrases` → `RequiredPhrase`), or `name` + `Item`.
    static func singularTypeName(_ name: String) -> String {
        var words = WordSplitting.words(name)
        guard let last = words.last, let singular = Singular.of(last.lowercased()) else {
            return typeName(name + "_item")
        }
        words[words.count - 1] = last.first?.isUppercase == true ? singular.prefix(1).uppercased() + singular.dropFirst() : singular
        return typeName(words.joined(separator: "_"))
    }

    /// The type name of a named schema or inline schema at `pointer`, unless overridden.
    func typeName(_ name: String, pointer: String) -> String {
        nameOverrides[pointer] ?? Self.typeName(name)
    }

    /// The method name of an operation, unless overridden by its `operationId`.
    func methodName(operationID: String) -> String {
        nameOverrides[operationID] ?? Self.memberName(operationID)
    }

    /// The argument label of a parameter: `id` after a collection segment reads as that item's ID
    /// (`/sessions/{id}` → `sessionID`); the idempotency key is always `idempotencyKey`.
    static func argumentLabel(for parameter: Parameter, in path: String) -> String {
        if parameter.location == .path, parameter.name == "id" {
            let segments = path.split(separator: "/").map(String.init)
            if let index = segments.firstIndex(of: "{id}"), index > 0, !segments[index - 1].hasPrefix("{") {
                return memberName(singularTypeName(segments[index - 1]) + "_id")
            }
        }
        if parameter.isIdempotencyKey { return "idempotencyKey" }
        return memberName(parameter.name)
    }

    /// The client and webhook verifier type names: the configured client name, or the spec's
    /// title without the word "API" + `Client`; the verifier takes the same stem + `Webhooks`.
    static func clientTypeNames(title: String, configured: String?) -> (client: String, webhooks: String) {
        if let configured {
            let stem = configured.hasSuffix("Client") && configured.count > 6 ? String(configured.dropLast(6)) : configured
            return (configured, stem + "Webhooks")
        }
        let stem = typeName(WordSplitting.words(title).filter { $0.lowercased() != "api" }.joined(separator: "_"))
        return (stem + "Client", stem + "Webhooks")
    }

    /// `waitForAnalysis` for a poll operation returning `Analysis`; `createAnalysisAndWait`.
    static func pollingHelperNames(pollResult: [String], startMethod: String) -> (wait: String, startAndWait: String) {
        ("waitFor" + pollResult.joined(), startMethod + "AndWait")
    }

    static func capitalized(_ word: String) -> String {
        if acronyms.contains(word.lowercased()) { return word.uppercased() }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

/// Names that must be distinct from one another in one Swift scope (top-level types, a type's
/// nested types, its members, an enum's cases). A name already taken gets the first free
/// numeric suffix (`Status2`), checked again after suffixing, and the rename is reported at the
/// spec location of what was renamed, so that the spec can be fixed or `nameOverrides` used.
struct NameScope: Sendable {
    let description: String
    private var taken: [String: String] = [:]
    /// The names of the scope this one was layered over: checked, never written. Held by value,
    /// so the outer scope's storage is shared, not copied, while this one takes claims.
    private var outer: [String: String] = [:]

    init(_ description: String) {
        self.description = description
    }

    /// An empty scope that sees every name of this one as taken: claim into it, then ``absorb(_:)``
    /// it back, so that a large scope (the module's top level) is not copied for a few claims.
    func layered() -> NameScope {
        var layer = NameScope(description)
        layer.outer = taken
        return layer
    }

    /// Takes the names claimed in `layer` (made by ``layered()``) as claimed here, and empties
    /// the layer first: it no longer shares this scope's storage, so the claims go in without a copy.
    mutating func absorb(_ layer: inout NameScope) {
        let claims = layer.taken
        layer = NameScope(description)
        for (name, owner) in claims { taken[name] = owner }
    }

    private func owner(of name: String) -> String? { taken[name] ?? outer[name] }

    /// Marks names as used by the generator itself (`undocumented`, `CodingKeys`).
    mutating func reserve(_ names: [String], by owner: String = "the generated code") {
        for name in names where self.owner(of: name) == nil { taken[name] = owner }
    }

    func isTaken(_ name: String) -> Bool { owner(of: name) != nil }

    /// `name`, or `name` with the first free suffix when another claimed it first.
    mutating func claim(_ name: String, for what: String, at location: SourceLocation?, diagnostics: DiagnosticSink) -> String {
        guard let owner = owner(of: name) else {
            taken[name] = what
            return name
        }
        var counter = 2
        while self.owner(of: name + String(counter)) != nil { counter += 1 }
        let unique = name + String(counter)
        taken[unique] = what
        diagnostics.warning(
            "\(what) and \(owner) both become '\(name)' in \(description); \(what) is named '\(unique)' "
                + "(rename one, or set nameOverrides in spec-codegen.yaml)",
            at: location)
        return unique
    }
}
