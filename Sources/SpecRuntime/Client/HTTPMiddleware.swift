import Foundation
import HTTPTypes

/// One step of the chain every request of a client passes through: it sees each attempt's
/// request (with the operation's ID) before the transport, and its response after, and may
/// change either, answer itself, or throw. Retries, deadlines and credentials stay in the engine:
/// a middleware sees every attempt, with credentials already applied.
///
/// The `…Streaming` methods of binary operations bypass the chain (their bodies are streams).
public protocol HTTPMiddleware: Sendable {
    /// Handles one attempt; `next` sends it on (through the rest of the chain, then the transport).
    func intercept(
        _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data)
}

extension APIClient {
    /// Sends one attempt through the configured middlewares, then the transport.
    func sendThroughMiddlewares(_ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, Data) {
        try await Self.chain(
            configuration.middlewares[...], transport: configuration.transport, timeout: configuration.timeout,
            operationID: operationID)(request, body, baseURL)
    }

    private static func chain(
        _ middlewares: ArraySlice<any HTTPMiddleware>, transport: any HTTPTransport, timeout: Duration, operationID: String
    ) -> @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data) {
        guard let first = middlewares.first else {
            return { request, body, baseURL in
                try await transport.send(request, body: body, baseURL: baseURL, timeout: timeout, operationID: operationID)
            }
        }
        let rest = chain(middlewares.dropFirst(), transport: transport, timeout: timeout, operationID: operationID)
        return { request, body, baseURL in
            try await first.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: rest)
        }
    }
}
