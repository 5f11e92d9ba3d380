import Foundation
import GoldenBodiesAndMedia
import HTTPTypes
import LoopbackServer
import OpenAPIRuntime
import OpenAPIURLSession
import SpecRuntime
import SpecRuntimeOpenAPI
import Testing

/// A generated client over swift-openapi-runtime's `URLSessionTransport`, with one of its
/// `ClientMiddleware`s seeing the generated client's requests.
@Suite struct OpenAPITransportTests {
    /// Records each request's operation ID and credential header, and tags the request.
    final class Tracing: ClientMiddleware, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        var log: [String] { lock.withLock { seen } }

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            var request = request
            request.headerFields[HTTPField.Name("X-Trace")!] = "t-1"
            let key = request.headerFields[HTTPField.Name("X-API-Key")!] ?? "none"
            let (response, responseBody) = try await next(request, body, baseURL)
            lock.withLock { seen.append("\(operationID) \(request.method.rawValue) \(request.path ?? "") key:\(key) → \(response.status.code)") }
            return (response, responseBody)
        }
    }

    static func client(_ server: LoopbackServer, middlewares: [any ClientMiddleware], maxResponseBytes: Int = 10 << 20) -> MediaClient {
        var configuration = ClientConfiguration(
            baseURL: server.baseURL,
            transport: OpenAPITransport(URLSessionTransport(), middlewares: middlewares, maxResponseBytes: maxResponseBytes))
        configuration.credentials = ["keyHeader": .secret(APIKey("hk_1"))]
        return MediaClient(configuration: configuration)
    }

    @Test func anOpenAPIRuntimeMiddlewareSeesTheGeneratedClientsRequestWithItsOperationID() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, json: #"{"name": "Rex", "tags": ["a"]}"#) }
        let tracing = Tracing()
        let pet = try await Self.client(server, middlewares: [tracing]).getPet(petID: "p 1")
        #expect(pet == PetUpdate(name: "Rex", tags: ["a"]))
        #expect(tracing.log == ["getPet GET /pets/p%201 key:hk_1 → 200"])
        #expect(server.requests.first?.header("X-Trace") == "t-1")
        try await server.shutdown()
    }

    @Test func aRequestBodyGoesThroughAndABodyOverTheLimitIsRefused() async throws {
        let server = try await LoopbackServer { request, _ in
            request.method == "PUT"
                ? LoopbackServer.Reply(status: 204)
                : LoopbackServer.Reply(status: 200, json: "{\"name\": \"" + String(repeating: "x", count: 4096) + "\"}")
        }
        let client = Self.client(server, middlewares: [], maxResponseBytes: 1024)
        try await client.updatePet(petID: "p1", body: PetUpdate(name: "Rex"))
        #expect(try JSONCoding.makeDecoder().decode(PetUpdate.self, from: try #require(server.requests.first).body) == PetUpdate(name: "Rex"))
        do {
            _ = try await client.getPet(petID: "p1")
            Issue.record("expected responseTooLarge")
        } catch {
            guard case .responseTooLarge(let limit) = error else {
                Issue.record("expected .responseTooLarge, got \(error)")
                return
            }
            #expect(limit == 1024)
        }
        try await server.shutdown()
    }
}
