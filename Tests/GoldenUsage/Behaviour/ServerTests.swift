import Foundation
import GoldenClientPollingWebhooks
import HTTPTypes
import SpecRuntime
import Testing

/// The client's `Servers`: a URL per server the spec lists, built from the variables a caller chooses.
@Suite struct ServerTests {
    @Test func serverVariablesDefaultAsTheSpecSays() {
        #expect(JobsClient.Servers.server1() == URL(string: "https://jobs.example.com"))
        #expect(JobsClient.Servers.server2() == URL(string: "https://eu.jobs.example.com/v1"))
        #expect(JobsClient.defaultServerURL == JobsClient.Servers.server1())
    }

    @Test func chosenValuesFillTheTemplate() {
        #expect(JobsClient.Servers.server2(region: .usEast, basePath: "v2") == URL(string: "https://us-east.jobs.example.com/v2"))
        #expect(JobsClient.Servers.server2(region: .default) == URL(string: "https://default.jobs.example.com/v1"))
        #expect(JobsClient.Servers.Server2Region.allCases.map(\.rawValue) == ["eu", "us-east", "default"])
    }

    /// Answers 204 and records where each request went.
    final class RecordingTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var sent: [String] = []
        var destinations: [String] { lock.withLock { sent } }

        func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
            lock.withLock { sent.append(baseURL.absoluteString + (request.path ?? "")) }
            return (HTTPResponse(status: .noContent), Data())
        }
    }

    @Test func aClientSendsToTheServerItIsGiven() async throws {
        let url = try #require(JobsClient.Servers.server2(region: .usEast))
        let transport = RecordingTransport()
        let client = JobsClient(configuration: ClientConfiguration(baseURL: url, apiKey: APIKey("k"), transport: transport))
        try await client.checkHealth()
        #expect(transport.destinations == ["https://us-east.jobs.example.com/v1/health"])
    }
}
