import Foundation
import HTTPTypes
import OpenAPIRuntime
import SpecRuntime

/// Sends a generated client's requests through any swift-openapi-runtime `ClientTransport`
/// (`OpenAPIURLSession.URLSessionTransport`, `OpenAPIAsyncHTTPClient.AsyncHTTPClientTransport`, …)
/// and its `ClientMiddleware`s, which see each attempt with the operation's ID, after this
/// client's own ``HTTPMiddleware``s and credentials.
///
/// ```swift
/// var configuration = ClientConfiguration(baseURL: url, transport: OpenAPITransport(URLSessionTransport(), middlewares: [tracing]))
/// ```
public struct OpenAPITransport: HTTPTransport {
    public var transport: any ClientTransport
    public var middlewares: [any ClientMiddleware]
    /// A larger response body is refused as ``TransportError/responseTooLarge(limit:)``.
    public var maxResponseBytes: Int

    public init(_ transport: any ClientTransport, middlewares: [any ClientMiddleware] = [], maxResponseBytes: Int = 10 << 20) {
        self.transport = transport
        self.middlewares = middlewares
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        try await send(request, body: body, baseURL: baseURL, timeout: timeout, operationID: "")
    }

    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration, operationID: String) async throws -> (HTTPResponse, Data) {
        let (response, received) = try await exchange(request, body: body.map { HTTPBody($0) }, baseURL: baseURL, operationID: operationID)
        guard let received else { return (response, Data()) }
        // Refused from the declared length when there is one, otherwise once the limit is passed.
        if case .known(let length) = received.length, length > maxResponseBytes { throw TransportError.responseTooLarge(limit: maxResponseBytes) }
        var collected = Data()
        let limit = maxResponseBytes
        try await Self.asTransportFailures {
            for try await chunk in received {
                guard collected.count + chunk.count <= limit else { throw TransportError.responseTooLarge(limit: limit) }
                collected.append(contentsOf: chunk)
            }
        }
        return (response, collected)
    }

    /// Streams both ways when the wrapped transport does: the request body as a single-pass
    /// `HTTPBody`, the response body handed over as it arrives.
    public func send(_ request: HTTPRequest, streaming body: ByteStream?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, ByteStream) {
        let outgoing = body.map { stream in
            HTTPBody(stream.map { ArraySlice($0) }, length: stream.length.map { .known(Int64($0)) } ?? .unknown, iterationBehavior: .single)
        }
        let (response, received) = try await exchange(request, body: outgoing, baseURL: baseURL, operationID: "")
        guard let received else { return (response, ByteStream(Data())) }
        let length: Int? = if case .known(let count) = received.length { Int(count) } else { nil }
        return (response, ByteStream(length: length, chunksOf: received.map { Data($0) }))
    }

    private func exchange(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let transport = transport
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = { request, body, baseURL in
            try await transport.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, baseURL in
                try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        return try await Self.asTransportFailures { try await next(request, body, baseURL) }
    }

    /// `work`'s result; a failure that is neither a ``TransportError`` nor a cancellation becomes
    /// a connection failure, as the engine expects of a transport.
    private static func asTransportFailures<Result>(_ work: () async throws -> Result) async throws -> Result {
        do {
            return try await work()
        } catch let error as TransportError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw TransportError.connectionFailed(String(describing: error))
        }
    }
}
