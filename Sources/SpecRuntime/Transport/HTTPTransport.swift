import Foundation
import HTTPTypes

/// The boundary between generated clients and the network, in swift-http-types' terms.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (whose path includes the query) to `baseURL` and returns the whole response.
    /// Throws ``TransportError`` for failures below HTTP.
    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data)
}

/// Failures below HTTP, the same for every transport.
public enum TransportError: Error, Sendable, CustomStringConvertible {
    case timedOut
    case connectionFailed(String)
    /// The body was larger than the transport's limit.
    case responseTooLarge(limit: Int)
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .timedOut: "timed out"
        case .connectionFailed(let reason): "connection failed: \(reason)"
        case .responseTooLarge(let limit): "response body larger than \(limit) bytes"
        case .invalidResponse(let reason): "invalid response: \(reason)"
        }
    }
}

extension HTTPTransport {
    /// The full URL of a request relative to a base URL that may carry a path prefix.
    static func url(for request: HTTPRequest, baseURL: URL) -> URL? {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + (request.path ?? "/"))
    }
}
