import Foundation
import HTTPTypes

/// A request being built by a generated operation: its path with parameters filled in,
/// query, headers and JSON body. `Envelope` is the operation's error body type, so that every
/// failure is a ``APIClientError`` of that type.
@_spi(Generated) public struct OperationRequest<Envelope: Sendable>: Sendable, CustomStringConvertible {
    public var operationID: String
    public var method: HTTPRequest.Method
    public var pathTemplate: String
    public internal(set) var path: String
    public private(set) var queryItems: [(name: String, value: String)] = []
    /// Cookie parameters, sent as one `Cookie` header.
    public private(set) var cookies: [(name: String, value: String)] = []
    public var headerFields = HTTPFields()
    public var body: Data?
    /// The security alternatives the operation accepts, each a set of schemes applied together;
    /// empty when it needs none. ``APIClient`` applies the first it has credentials for.
    public var security: [[SecurityScheme]] = []
    /// Query parameters that carry a credential: masked in ``description``.
    private var secretQueryNames: Set<String> = []
    /// The operation's own server (`servers` of its path item or operation), absolute or
    /// relative to the configured base URL; `nil` for the base URL.
    public var server: String?
    /// The header that carries an idempotency key; when set, the request is safe to retry even
    /// if its method is not idempotent, and a key is generated when the caller gave none.
    public var idempotencyKeyHeader: String?

    public init(operationID: String, method: HTTPRequest.Method, pathTemplate: String) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = pathTemplate
        self.path = pathTemplate
    }

    /// Fills `{name}` with `value` percent-encoded as one path segment (RFC 3986: only
    /// unreserved characters stay as they are; `/`, `?`, `#`, `%` and spaces are encoded).
    public mutating func setPathParameter(_ name: String, _ value: String) {
        path = path.replacingOccurrences(of: "{\(name)}", with: Self.percentEncoded(value))
    }

    public mutating func addQueryItem(_ name: String, _ value: String) {
        queryItems.append((name, value))
    }

    /// Adds a query parameter that carries a credential (masked when the request is printed).
    mutating func addSecretQueryItem(_ name: String, _ value: String) {
        queryItems.append((name, value))
        secretQueryNames.insert(name)
    }

    /// Adds a query parameter of any JSON shape in an OpenAPI `style` (`form` exploded or not,
    /// `spaceDelimited`, `pipeDelimited`, `deepObject`), as ``FormBody`` writes fields; `nil` adds none.
    public mutating func addQueryParameter<Value: Encodable>(
        _ name: String, _ value: Value, style: FormBody.Style = .form, explode: Bool = true
    ) throws(APIClientError<Envelope>) {
        var fields = FormBody()
        fields.append(name, value, style: style, explode: explode)
        if let failure = fields.failure { throw Self.unencodable(failure) }
        queryItems += fields.fields
    }

    /// Adds a cookie parameter (`form` style); `nil` adds none. Values are percent-encoded, so
    /// that a `;` or space in one cannot end it.
    public mutating func addCookie<Value: Encodable>(_ name: String, _ value: Value, explode: Bool = true) throws(APIClientError<Envelope>) {
        var fields = FormBody()
        fields.append(name, value, explode: explode)
        if let failure = fields.failure { throw Self.unencodable(failure) }
        cookies += fields.fields.map { (FormBody.escape($0.name), FormBody.escape($0.value)) }
        headerFields[.cookie] = cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// Sends a parameter whose `content` is `application/json` as JSON text, in `location`; an
    /// absent optional (`null`) sends none.
    public mutating func setJSONParameter<Value: Encodable>(_ name: String, _ value: Value, in location: ParameterLocation) throws(APIClientError<Envelope>) {
        let text: String
        do {
            text = String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
        } catch {
            throw Self.unencodable(String(describing: error))
        }
        guard text != "null" else { return }
        switch location {
        case .path: setPathParameter(name, text)
        case .query: addQueryItem(name, text)
        case .header: setHeader(name, text)
        case .cookie: try addCookie(name, text)
        }
    }

    /// Sets a header; `nil` leaves it out. Invalid header names are ignored (the spec's names are
    /// checked when generating), and values with line breaks are refused by HTTPTypes.
    public mutating func setHeader(_ name: String, _ value: String?) {
        guard let fieldName = HTTPField.Name(name) else { return }
        headerFields[fieldName] = value
    }

    /// Encodes `body` as JSON (generated methods validate it beforehand, with the parameters, so
    /// that one error lists every violation of the request).
    /// `contentType` is the spec's JSON media type (`application/vnd.api+json`, say).
    public mutating func setJSONBody<Body: Encodable>(_ body: Body, contentType: String = "application/json") throws(APIClientError<Envelope>) {
        do {
            self.body = try JSONCoding.makeEncoder().encode(body)
        } catch {
            throw .requestValidation(
                ValidationError(violations: [
                    Violation(pointer: .root, keyword: "type", limit: "encodable", actual: String(describing: error))
                ]))
        }
        headerFields[.contentType] = contentType
    }

    /// Sends `text` as the body, UTF-8, labelled `contentType`.
    public mutating func setTextBody(_ text: String, contentType: String) {
        body = Data(text.utf8)
        headerFields[.contentType] = contentType
    }

    /// Sends `data` as the body, labelled `contentType`.
    public mutating func setBinaryBody(_ data: Data, contentType: String) {
        body = data
        headerFields[.contentType] = contentType
    }

    /// Sends `form` as an `application/x-www-form-urlencoded` body.
    public mutating func setFormBody(_ form: FormBody) throws(APIClientError<Envelope>) {
        if let failure = form.failure { throw Self.unencodable(failure) }
        body = form.encoded
        headerFields[.contentType] = "application/x-www-form-urlencoded"
    }

    /// Sends `multipart` as a `multipart/form-data` body.
    public mutating func setMultipartBody(_ multipart: MultipartBody) throws(APIClientError<Envelope>) {
        if let failure = multipart.failure { throw Self.unencodable(failure) }
        body = multipart.encoded
        headerFields[.contentType] = multipart.contentType
    }

    static func unencodable(_ reason: String) -> APIClientError<Envelope> {
        .requestValidation(ValidationError(violations: [Violation(pointer: .root, keyword: "type", limit: "encodable", actual: reason)]))
    }

    /// The path and query as sent (`/v1/items/a%2Fb?limit=10`).
    public var pathAndQuery: String {
        guard !queryItems.isEmpty else { return path }
        return path + "?" + queryItems.map { Self.queryEncoded($0.name) + "=" + Self.queryEncoded($0.value) }.joined(separator: "&")
    }

    public var description: String {
        var fields = headerFields
        fields[.authorization] = fields[.authorization] == nil ? nil : "[redacted]"
        fields[.cookie] = fields[.cookie] == nil ? nil : "[redacted]"
        var shown = path
        if !queryItems.isEmpty {
            shown +=
                "?"
                + queryItems.map { Self.queryEncoded($0.name) + "=" + (secretQueryNames.contains($0.name) ? "[redacted]" : Self.queryEncoded($0.value)) }
                .joined(separator: "&")
        }
        return "\(method) \(shown) \(fields)"
    }

    static func percentEncoded(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            if PercentEncoding.unreserved.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    static func queryEncoded(_ value: String) -> String {
        percentEncoded(value)
    }
}

/// A response as received: status, headers and the whole body.
@_spi(Generated) public struct OperationResponse<Envelope: Sendable>: Sendable {
    public var status: HTTPResponse.Status
    public var headerFields: HTTPFields
    public var body: Data

    public init(status: HTTPResponse.Status, headerFields: HTTPFields, body: Data) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }
}

enum PercentEncoding {
    /// RFC 3986 unreserved characters, the only ones left unencoded.
    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
}
