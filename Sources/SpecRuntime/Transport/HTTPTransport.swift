import Foundation
import HTTPTypes

/// The boundary between generated clients and the network, in swift-http-types' terms.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (whose path includes the query) to `baseURL` and returns the whole response.
    /// Throws ``TransportError`` for failures below HTTP.
    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data)

    /// Sends `request` with a body read as it goes and returns once the response head has
    /// arrived, its body handed over as it comes. The default implementation collects the
    /// request body, calls ``send(_:body:baseURL:timeout:)`` and hands over the whole response
    /// body as one chunk; a transport that can stream overrides it.
    func send(_ request: HTTPRequest, streaming body: ByteStream?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, ByteStream)

    /// ``send(_:body:baseURL:timeout:)`` told which operation it is for (the engine calls this
    /// one); the default implementation ignores the ID. A transport that passes it on (to
    /// swift-openapi-runtime middlewares, say) overrides it.
    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration, operationID: String) async throws -> (HTTPResponse, Data)
}

extension HTTPTransport {
    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration, operationID: String) async throws -> (HTTPResponse, Data) {
        try await send(request, body: body, baseURL: baseURL, timeout: timeout)
    }
}

extension HTTPTransport {
    public func send(_ request: HTTPRequest, streaming body: ByteStream?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, ByteStream) {
        let data = try await body?.collected(upTo: .max)
        let (response, received) = try await send(request, body: data, baseURL: baseURL, timeout: timeout)
        return (response, ByteStream(received))
    }
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
