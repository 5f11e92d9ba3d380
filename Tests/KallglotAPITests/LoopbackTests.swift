import AsyncHTTPClient
import Foundation
import KallglotAPI
import LoopbackServer
import SpecRuntime
import SpecRuntimeAsyncHTTPClient
import Testing

/// The generated client over real HTTP on 127.0.0.1, through both transports, against a server
/// that replays the recorded fixtures.
@Suite(.serialized) struct LoopbackTests {
    enum TransportKind: String, CaseIterable {
        case urlSession, asyncHTTPClient

        func make() -> any HTTPTransport {
            switch self {
            case .urlSession: URLSessionHTTPTransport()
            case .asyncHTTPClient: AsyncHTTPClientHTTPTransport()
            }
        }
    }

    private func client(_ server: LoopbackServer, _ kind: TransportKind, timeout: Duration = .seconds(10)) -> KallglotAnalysisClient {
        KallglotAnalysisClient(
            configuration: ClientConfiguration(
                baseURL: server.baseURL, apiKey: "sk_test_fixture_key_do_not_use", transport: kind.make(), timeout: timeout,
                retryPolicy: RetryPolicy(random: { 0 }), sleeper: { _ in }))
    }

    private func reply(_ fixture: String) throws -> LoopbackServer.Reply {
        let exchange = try Fixtures.exchange(fixture)
        return LoopbackServer.Reply(status: exchange.status, headers: exchange.responseHeaders.map { (name: $0.0, value: $0.1) }, body: exchange.responseBody)
    }

    /// A refused connection is a transport failure, reported as such, not a timeout.
    @Test(arguments: TransportKind.allCases)
    func aClosedPortIsAConnectionFailureNotATimeout(kind: TransportKind) async throws {
        // A port that was free a moment ago: bound by a server that is then shut down.
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 204, headers: [], content: .bytes(Data())) }
        let url = server.baseURL
        try await server.shutdown()
        let client = KallglotAnalysisClient(
            configuration: ClientConfiguration(
                baseURL: url, apiKey: "sk_test_fixture_key_do_not_use", transport: kind.make(), timeout: .seconds(20),
                retryPolicy: RetryPolicy(maxAttempts: 2, random: { 0 }), sleeper: { _ in }))
        do {
            _ = try await client.getAnalysis(analysisID: "ana_01HDEF456789012")
            Issue.record("expected a connection failure")
        } catch {
            guard case .transport = error else {
                Issue.record("expected .transport, got \(error)")
                return
            }
        }
    }

    @Test(arguments: TransportKind.allCases)
    func pageExampleOverLoopback(kind: TransportKind) async throws {
        let success = try reply("create/page-example.har")
        let server = try await LoopbackServer { _, _ in success }
        let analysis = try await client(server, kind).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        try await server.shutdown()
        #expect(analysis.id == "ana_01HDEF456789012")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.uri == "/v1/sessions/sess_01HXYZ123456789/analysis")
        #expect(request.header("Authorization") == "Bearer sk_test_fixture_key_do_not_use")
        #expect(request.header("Idempotency-Key") != nil)
        let sent = try JSONSerialization.jsonObject(with: request.body) as? NSDictionary
        let recorded = try JSONSerialization.jsonObject(with: try #require(try Fixtures.exchange("create/page-example.har").requestBody)) as? NSDictionary
        #expect(sent == recorded)
    }

    @Test(arguments: TransportKind.allCases)
    func rateLimitedThenSuccessOverLoopback(kind: TransportKind) async throws {
        let limited = try reply("errors/429-retry-after.har")
        let success = try reply("create/page-example.har")
        let server = try await LoopbackServer { _, index in index == 0 ? limited : success }
        let analysis = try await client(server, kind).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        try await server.shutdown()
        #expect(analysis.status == .queued)
        #expect(server.requests.count == 2)
        #expect(Set(server.requests.map { $0.header("Idempotency-Key") }).count == 1)
    }

    @Test(arguments: TransportKind.allCases)
    func stalledServerTimesOut(kind: TransportKind) async throws {
        let stalled = LoopbackServer.Reply(status: 200, json: "{}", delay: .seconds(5))
        let server = try await LoopbackServer { _, _ in stalled }
        let start = ContinuousClock.now
        do {
            _ = try await KallglotAnalysisClient(
                configuration: ClientConfiguration(
                    baseURL: server.baseURL, apiKey: "sk_test_fixture_key_do_not_use", transport: kind.make(), timeout: .milliseconds(500),
                    retryPolicy: .none)
            ).getAnalysis(analysisID: "ana_01HDEF456789012")
            Issue.record("expected a timeout")
        } catch {
            guard case .timedOut = error else {
                Issue.record("expected .timedOut, got \(error)")
                try await server.shutdown()
                return
            }
        }
        #expect(ContinuousClock.now - start < .seconds(4))
        try await server.shutdown()
    }
}
