import Foundation

/// What contract tests need to know of one generated operation, emitted beside the client so
/// that a recorded exchange can be checked against the generated types without Swift written for
/// it: how to round-trip each documented body, and how to call the operation again with the
/// arguments of a recorded request.
public struct ContractOperation: Sendable {
    public var operationID: String
    public var requestBody: BodyCodec?
    /// By status code; `1`…`5` stand for the ranges `1XX`…`5XX`, `0` for `default`.
    public var responseBodies: [Int: BodyCodec]
    /// Calls the operation through `client` with the arguments found in `request`.
    public var replay: @Sendable (APIClient, RecordedRequest) async throws -> Void

    @_spi(Generated) public init(
        operationID: String, requestBody: BodyCodec?, responseBodies: [Int: BodyCodec],
        replay: @escaping @Sendable (APIClient, RecordedRequest) async throws -> Void
    ) {
        self.operationID = operationID
        self.requestBody = requestBody
        self.responseBodies = responseBodies
        self.replay = replay
    }
}

/// Decodes a body into its generated type, validates it and encodes it again.
public struct BodyCodec: Sendable {
    /// The generated type's name, for reports.
    public let typeName: String
    public let roundTrip: @Sendable (Data) -> BodyRoundTrip

    /// A codec for `type`, checked by `check` where the type does not validate itself.
    @_spi(Generated) public init<Body: Codable & Sendable>(_ type: Body.Type, checkedBy check: BodyCheck<Body>? = nil) {
        typeName = String(describing: type)
        roundTrip = { data in
            let value: Body
            do {
                value = try JSONCoding.makeDecoder().decode(Body.self, from: data)
            } catch let error as DecodingError {
                return BodyRoundTrip(decoded: false, violations: [Violation(error)], reencoded: nil)
            } catch {
                return BodyRoundTrip(
                    decoded: false, violations: [Violation(pointer: .root, keyword: "type", limit: "JSON", actual: "not JSON")], reencoded: nil)
            }
            let violations = ValidationContext.violations(of: value, checkedBy: check)
            return BodyRoundTrip(decoded: true, violations: violations, reencoded: try? JSONCoding.makeEncoder().encode(value))
        }
    }
}

/// The outcome of ``BodyCodec/roundTrip``.
public struct BodyRoundTrip: Sendable {
    /// Whether the body decoded; when it did not, `violations` holds the reason as a violation.
    public var decoded: Bool
    public var violations: [Violation]
    /// The decoded value encoded again, to compare with the original JSON.
    public var reencoded: Data?
}

/// A request as recorded, from which generated replay code reads typed arguments.
public struct RecordedRequest: Sendable {
    public var pathParameters: [String: String]
    public var queryItems: [(name: String, value: String)]
    /// Header values by lowercased name.
    public var headers: [String: String]
    public var body: Data?

    public init(pathParameters: [String: String], queryItems: [(name: String, value: String)], headers: [String: String], body: Data?) {
        self.pathParameters = pathParameters
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
    }

    /// Why a recorded request cannot be replayed.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public func path<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        guard let text = pathParameters[name] else { throw Problem(description: "path parameter '\(name)' is missing") }
        return try convert(text, name)
    }

    public func path<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        guard let text = pathParameters[name], let value = Value(rawValue: text) else { throw Problem(description: "path parameter '\(name)' is missing") }
        return value
    }

    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    public func header<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type) throws -> Value? {
        try headers[name.lowercased()].map { try convert($0, name) }
    }

    public func query<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self) throws -> Value? {
        try queryItems.first { $0.name == name }.map { try convert($0.value, name) }
    }

    public func queryAll<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self) throws -> [Value]? {
        let values = queryItems.filter { $0.name == name }
        return values.isEmpty ? nil : try values.map { try convert($0.value, name) }
    }

    public func requiredHeader<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = try header(name, as: type) else { throw Problem(description: "header '\(name)' is missing") }
        return value
    }

    public func requiredQuery<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = try query(name, as: type) else { throw Problem(description: "query parameter '\(name)' is missing") }
        return value
    }

    public func header<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value? where Value.RawValue == String {
        try headers[name.lowercased()].map { try convert($0, name) }
    }

    public func query<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> Value? where Value.RawValue == String {
        try queryItems.first { $0.name == name }.map { try convert($0.value, name) }
    }

    public func queryAll<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> [Value]? where Value.RawValue == String {
        let values = queryItems.filter { $0.name == name }
        return values.isEmpty ? nil : try values.map { try convert($0.value, name) }
    }

    public func requiredQuery<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        guard let value = try query(name, as: type) else { throw Problem(description: "query parameter '\(name)' is missing") }
        return value
    }

    public func requiredHeader<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        guard let value = try header(name, as: type) else { throw Problem(description: "header '\(name)' is missing") }
        return value
    }

    private func convert<Value: RawRepresentable>(_ text: String, _ name: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw Problem(description: "'\(text)' is not a valid \(Value.self) for '\(name)'") }
        return value
    }

    // Arrays in `simple` style (`a,b,c`), as path parameters and headers carry them.

    public func pathList<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type) throws -> [Value] {
        guard let text = pathParameters[name] else { throw Problem(description: "path parameter '\(name)' is missing") }
        return try Self.items(text).map { try convert($0, name) }
    }

    public func pathList<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> [Value] where Value.RawValue == String {
        guard let text = pathParameters[name] else { throw Problem(description: "path parameter '\(name)' is missing") }
        return try Self.items(text).map { try convert($0, name) }
    }

    public func headerList<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type) throws -> [Value]? {
        try headers[name.lowercased()].map { text in try Self.items(text).map { try convert($0, name) } }
    }

    public func headerList<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> [Value]? where Value.RawValue == String {
        try headers[name.lowercased()].map { text in try Self.items(text).map { try convert($0, name) } }
    }

    public func requiredHeaderList<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type) throws -> [Value] {
        guard let values = try headerList(name, as: type) else { throw Problem(description: "header '\(name)' is missing") }
        return values
    }

    public func requiredHeaderList<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> [Value] where Value.RawValue == String {
        guard let values = try headerList(name, as: type) else { throw Problem(description: "header '\(name)' is missing") }
        return values
    }

    private static func items(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    public func jsonBody<Body: Decodable>(_ type: Body.Type) throws -> Body {
        guard let body else { throw Problem(description: "the request has no body") }
        return try JSONCoding.makeDecoder().decode(type, from: body)
    }

    /// The body as UTF-8 text.
    public func textBody() throws -> String {
        guard let body else { throw Problem(description: "the request has no body") }
        guard let text = String(data: body, encoding: .utf8) else { throw Problem(description: "the request body is not UTF-8 text") }
        return text
    }

    /// The body's bytes.
    public func dataBody() throws -> Data {
        guard let body else { throw Problem(description: "the request has no body") }
        return body
    }

    /// Fails the replay of an operation with a parameter contract tests cannot read back (a cookie,
    /// an object, a style other than the default, JSON content).
    public func unreplayableParameter<Value>(_ name: String, as type: Value.Type) throws -> Value {
        throw Problem(description: "parameter '\(name)' is not read back from a recording, so the call is not replayed")
    }

    /// Fails the replay of an operation whose body contract tests cannot read back (`mediaType`).
    public func unreplayableBody<Body>(_ mediaType: String, as type: Body.Type) throws -> Body {
        throw Problem(description: "a '\(mediaType)' request body is not read back from a recording, so the call is not replayed")
    }

    private func convert<Value: LosslessStringConvertible>(_ text: String, _ name: String) throws -> Value {
        guard let value = Value(text) else { throw Problem(description: "'\(text)' is not a valid \(Value.self) for '\(name)'") }
        return value
    }
}
