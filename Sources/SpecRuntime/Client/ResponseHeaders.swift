import Foundation
import HTTPTypes

/// A success response with its documented headers: what a generated `…WithHeaders` method returns.
///
/// ``headerFields`` keeps every field as received, documented or not; ``description`` and the
/// mirror leave them out (a `Set-Cookie` is a credential).
public struct TypedResponse<Body: Sendable, Headers: Sendable>: Sendable, CustomStringConvertible, CustomReflectable {
    public var status: HTTPResponse.Status
    public var body: Body
    /// The headers the spec documents for this response, typed; `nil` where a header is absent
    /// or cannot be read as its schema's type.
    public var headers: Headers
    /// Every header field of the response.
    public var headerFields: HTTPFields

    public init(status: HTTPResponse.Status, body: Body, headers: Headers, headerFields: HTTPFields) {
        self.status = status
        self.body = body
        self.headers = headers
        self.headerFields = headerFields
    }

    public var description: String {
        "TypedResponse(status: \(status.code), body: \(body), headers: \(headers))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["status": status.code, "body": body, "headers": headers])
    }
}

extension TypedResponse: Equatable where Body: Equatable, Headers: Equatable {}
extension TypedResponse: Hashable where Body: Hashable, Headers: Hashable {}

/// The documented headers of an operation's success responses: generated per operation.
public protocol ResponseHeaders: Sendable, Validatable {
    /// Reads every documented header; the reader records what is missing or unreadable.
    init(reading reader: inout ResponseHeaderReader)
}

/// Reads typed header values from a response's fields, recording as violations (at `/Name`, in
/// the header) a required header that is absent and a value that is not of its schema's type.
/// Response validation reports them as it reports the body's.
public struct ResponseHeaderReader: Sendable {
    public let fields: HTTPFields
    public private(set) var violations: [Violation] = []

    public init(_ fields: HTTPFields) {
        self.fields = fields
    }

    /// The value of header `name` (several fields of that name are joined with `, `), or `nil`
    /// when it is absent or unreadable.
    public mutating func value<Value: HeaderValue>(_ name: String, as _: Value.Type = Value.self, isRequired: Bool = false) -> Value? {
        guard let fieldName = HTTPField.Name(name), let text = fields[fieldName] else {
            if isRequired { report(name, keyword: "required", limit: "true", actual: "an absent header") }
            return nil
        }
        guard let value = Value(headerText: text) else {
            report(name, keyword: "type", limit: Value.headerTypeName, actual: safeExcerpt(Data(text.utf8)))
            return nil
        }
        return value
    }

    private mutating func report(_ name: String, keyword: String, limit: String, actual: String) {
        violations.append(
            Violation(
                pointer: JSONPointer([.key(name)]), keyword: keyword, limit: limit, actual: actual,
                parameterLocation: .header))
    }
}

/// A type a header value is read as: its text in the `simple` style of OpenAPI.
public protocol HeaderValue: Sendable {
    /// The value `text` stands for, or `nil` when it is not one.
    init?(headerText text: String)
    /// The schema type named in a `type` violation.
    static var headerTypeName: String { get }
}

extension String: HeaderValue {
    public init?(headerText text: String) { self = text }
    public static var headerTypeName: String { "string" }
}

extension Int: HeaderValue {
    public init?(headerText text: String) { self.init(text.trimmingCharacters(in: .whitespaces)) }
    public static var headerTypeName: String { "integer" }
}

extension Int32: HeaderValue {
    public init?(headerText text: String) { self.init(text.trimmingCharacters(in: .whitespaces)) }
    public static var headerTypeName: String { "integer (int32)" }
}

extension Double: HeaderValue {
    public init?(headerText text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // `Double("nan")` and `Double("inf")` parse, but are no JSON number.
        guard let value = Double(trimmed), value.isFinite else { return nil }
        self = value
    }
    public static var headerTypeName: String { "number" }
}

extension Float: HeaderValue {
    public init?(headerText text: String) {
        guard let value = Double(headerText: text), let narrowed = Float(exactly: Float(value)), narrowed.isFinite else { return nil }
        self = narrowed
    }
    public static var headerTypeName: String { "number (float)" }
}

extension Bool: HeaderValue {
    public init?(headerText text: String) {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
    public static var headerTypeName: String { "boolean" }
}

extension Date: HeaderValue {
    /// An RFC 3339 date-time, as `format: date-time` says (not the HTTP-date of `Date` or `Expires`).
    public init?(headerText text: String) {
        guard let date = RFC3339.date(from: text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self = date
    }
    public static var headerTypeName: String { "string (date-time)" }
}

extension CalendarDate: HeaderValue {
    public init?(headerText text: String) { self.init(text.trimmingCharacters(in: .whitespaces)) }
    public static var headerTypeName: String { "string (date)" }
}

extension Array: HeaderValue where Element: HeaderValue {
    /// The `simple` style of an array: items separated by commas (and optional whitespace, which
    /// is also how several fields of one name are joined).
    public init?(headerText text: String) {
        var items: [Element] = []
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            self = items
            return
        }
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let item = Element(headerText: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            items.append(item)
        }
        self = items
    }
    public static var headerTypeName: String { "array of \(Element.headerTypeName)" }
}
