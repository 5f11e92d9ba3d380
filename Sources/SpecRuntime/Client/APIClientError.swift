import Foundation
import HTTPTypes
import SpecCore

/// The response headers that carry a request ID and rate-limit state, as the spec names them
/// (generated clients pass the names their spec documents; none are assumed).
public struct ResponseHeaderNames: Hashable, Sendable {
    public var requestID: String?
    public var rateLimitLimit: String?
    public var rateLimitRemaining: String?
    /// Unix seconds at which the window resets.
    public var rateLimitReset: String?

    public init(requestID: String? = nil, rateLimitLimit: String? = nil, rateLimitRemaining: String? = nil, rateLimitReset: String? = nil) {
        self.requestID = requestID
        self.rateLimitLimit = rateLimitLimit
        self.rateLimitRemaining = rateLimitRemaining
        self.rateLimitReset = rateLimitReset
    }

    /// No header is read.
    public static let none = ResponseHeaderNames()

    func value(_ name: String?, in fields: HTTPFields) -> String? {
        guard let name, let field = HTTPField.Name(name) else { return nil }
        return fields[field]
    }
}

/// Rate-limit state the server reported, in the headers ``ResponseHeaderNames`` names.
public struct RateLimitInfo: Hashable, Sendable {
    public var limit: Int?
    public var remaining: Int?
    /// When the window resets (Unix seconds on the wire).
    public var reset: Date?

    init?(_ fields: HTTPFields, names: ResponseHeaderNames) {
        func number(_ name: String?) -> Int? { names.value(name, in: fields).flatMap { Int($0) } }
        limit = number(names.rateLimitLimit)
        remaining = number(names.rateLimitRemaining)
        reset = number(names.rateLimitReset).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        if limit == nil, remaining == nil, reset == nil { return nil }
    }
}

/// A response with a status the spec documents as an error, with its decoded body. Printed and
/// dumped as status, request id and body, with the client's secrets removed from the text (a
/// server that echoes the API key in an error message does not put it into logs).
public struct APIError<Envelope: Sendable>: Error, Sendable, CustomStringConvertible, CustomReflectable {
    public var status: HTTPResponse.Status
    /// The error body, decoded as the spec's schema for this status.
    public var envelope: Envelope
    public var headerFields: HTTPFields
    /// The request ID the server sent (in the header the spec documents for it), to quote to the API's support.
    public var requestID: String?
    public var rateLimit: RateLimitInfo?
    /// `Retry-After`, when the server sent one.
    public var retryAfter: Duration?

    /// The body as printed, secrets removed; made when the error is.
    private let printedEnvelope: String

    init(
        status: HTTPResponse.Status, envelope: Envelope, headerFields: HTTPFields, requestID: String?,
        rateLimit: RateLimitInfo?, retryAfter: Duration?, redacting secrets: [String]
    ) {
        self.status = status
        self.envelope = envelope
        self.headerFields = headerFields
        self.requestID = requestID
        self.rateLimit = rateLimit
        self.retryAfter = retryAfter
        var text = String(describing: envelope)
        for secret in secrets where !secret.isEmpty { text = text.replacingOccurrences(of: secret, with: "[redacted]") }
        printedEnvelope = text
    }

    public var description: String {
        var parts = ["HTTP \(status.code)"]
        if let requestID { parts.append("request \(requestID)") }
        return "APIError(\(parts.joined(separator: ", "))): \(printedEnvelope)"
    }

    public var customMirror: Mirror {
        Mirror(
            self, children: ["status": status.code, "requestID": requestID as Any, "envelope": printedEnvelope],
            displayStyle: .struct)
    }
}

/// Everything a generated operation can throw, typed by the spec's error body.
public enum APIClientError<Envelope: Sendable>: Error, Sendable, CustomStringConvertible {
    /// A documented error status, with its decoded body.
    case api(APIError<Envelope>)
    /// A status the spec does not document for the operation.
    case undocumentedStatus(HTTPResponse.Status, bodyExcerpt: String)
    /// A body that is not what the spec says (not JSON, truncated, wrong shape).
    case malformedResponse(HTTPResponse.Status, bodyExcerpt: String, reason: String)
    /// The request broke the spec's constraints and was not sent.
    case requestValidation(ValidationError)
    /// The response broke the spec's constraints (strict response validation).
    case responseValidation(status: HTTPResponse.Status, ValidationError)
    /// The connection failed (after any retries).
    case transport(String)
    /// The response body was larger than the transport accepts; it was not read to the end.
    case responseTooLarge(limit: Int)
    /// The attempt (response body included) took longer than ``ClientConfiguration/timeout``.
    case timedOut
    case cancelled
    /// Polling did not reach a terminal status within its timeout.
    case pollingTimedOut(after: Duration)
    /// The configuration has no credentials for any of the operation's security alternatives
    /// (each a list of scheme names); the request was not sent.
    case missingCredentials([[String]])

    public var description: String {
        switch self {
        case .api(let error): error.description
        case .undocumentedStatus(let status, let excerpt): "undocumented status \(status.code): \(excerpt)"
        case .malformedResponse(let status, let excerpt, let reason): "malformed response (status \(status.code)): \(reason); body: \(excerpt)"
        case .requestValidation(let error): "request not sent: \(error)"
        case .responseValidation(let status, let error): "response (status \(status.code)) breaks the spec: \(error)"
        case .transport(let reason): "transport failure: \(reason)"
        case .responseTooLarge(let limit): "response body larger than the transport's limit of \(limit) bytes"
        case .timedOut: "the request timed out"
        case .cancelled: "the task was cancelled"
        case .pollingTimedOut(let duration): "no terminal status within \(duration)"
        case .missingCredentials(let alternatives):
            "request not sent: no credentials for " + alternatives.map { $0.joined(separator: " and ") }.joined(separator: ", nor for ")
        }
    }
}

/// A bounded, printable excerpt of a body: at most 200 characters, invalid UTF-8 replaced,
/// control characters escaped, and any secret given removed.
func safeExcerpt(_ body: Data, redacting secrets: [String] = []) -> String {
    var text = String(decoding: body.prefix(600), as: UTF8.self)
    for secret in secrets where !secret.isEmpty {
        text = text.replacingOccurrences(of: secret, with: "[redacted]")
    }
    var result = ""
    for scalar in text.unicodeScalars {
        if result.unicodeScalars.count >= 200 {
            result += "…"
            break
        }
        if let escape = TextEscaping.escape(scalar, quoting: false) {
            result += escape
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return body.isEmpty ? "(empty body)" : result
}
