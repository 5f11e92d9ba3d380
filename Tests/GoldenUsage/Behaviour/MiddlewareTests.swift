import Foundation
import GoldenBodiesAndMedia
import HTTPTypes
import LoopbackServer
import SpecRuntime
import Testing

/// `ClientConfiguration.middlewares`: every attempt passes through the chain, first to last,
/// with its operation's ID, before the transport.
@Suite struct MiddlewareTests {
    /// Records what it sees and adds a header on the way out.
    final class Recorder: HTTPMiddleware, @unchecked Sendable {
        let name: String
        private let lock = NSLock()
        private var seen: [String] = []

        init(_ name: String) { self.name = name }

        var log: [String] { lock.withLock { seen } }

        func intercept(
            _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
        ) async throws -> (HTTPResponse, Data) {
            var request = request
            request.headerFields[HTTPField.Name("X-Through")!] = [request.headerFields[HTTPField.Name("X-Through")!], name]
                .compactMap { $0 }.joined(separator: ",")
            let hasKey = request.headerFields[HTTPField.Name("X-API-Key")!] != nil
            let (response, data) = try await next(request, body, baseURL)
            lock.withLock { seen.append("\(name) \(operationID) key:\(hasKey) → \(response.status.code)") }
            return (response, data)
        }
    }

    /// Answers every request itself: nothing reaches the transport.
    struct Stub: HTTPMiddleware {
        func intercept(
            _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
        ) async throws -> (HTTPResponse, Data) {
            (HTTPResponse(status: .created, headerFields: [.contentType: "application/json"]), Data(#"{"id": "stubbed"}"#.utf8))
        }
    }

    @Test func eachAttemptPassesThroughTheChainInOrderWithItsOperationIDAndCredentials() async throws {
        let server = try await LoopbackServer { request, attempt in
            attempt == 0 ? LoopbackServer.Reply(status: 503, json: "{}") : LoopbackServer.Reply(status: 200, json: #"{"name": "Rex"}"#)
        }
        let (outer, inner) = (Recorder("outer"), Recorder("inner"))
        var configuration = ClientConfiguration(
            baseURL: server.baseURL, retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: .zero),
            sleeper: { _ in })
        configuration.credentials = ["keyHeader": .secret(APIKey("hk_1"))]
        configuration.middlewares = [outer, inner]
        _ = try await MediaClient(configuration: configuration).getPet(petID: "p1")
        #expect(outer.log == ["outer getPet key:true → 503", "outer getPet key:true → 200"])
        #expect(inner.log == ["inner getPet key:true → 503", "inner getPet key:true → 200"])
        #expect(server.requests.map { $0.header("X-Through") } == ["outer,inner", "outer,inner"])
        try await server.shutdown()
    }

    @Test func aMiddlewareMayAnswerWithoutTheTransport() async throws {
        var configuration = ClientConfiguration(baseURL: try #require(URL(string: "http://127.0.0.1:9")))
        configuration.credentials = ["keyHeader": .secret(APIKey("hk_1"))]
        configuration.middlewares = [Stub()]
        let receipt = try await MediaClient(configuration: configuration).uploadImage(body: Data([1, 2, 3]))
        #expect(receipt.id == "stubbed")
    }
}
