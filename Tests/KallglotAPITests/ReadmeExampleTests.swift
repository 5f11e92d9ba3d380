import Foundation
@_spi(Contract) import KallglotAPI
import SpecRuntime
import Testing

/// A mock of the client, as an app's test would write one.
struct MockAnalyses: KallglotAnalysisClientProtocol {
    let analysis: Analysis

    func createAnalysis(sessionID: SessionID, idempotencyKey: String?, body: CreateAnalysisRequest)
        async throws(APIClientError<ErrorResponse>) -> Analysis
    { analysis }
    func getAnalysis(analysisID: AnalysisID) async throws(APIClientError<ErrorResponse>) -> Analysis { analysis }
}

/// The README's "Using the SDK" examples, which are `ReadmeSample.swift`: compiled with these tests and run here
/// against recorded responses.
@Suite struct ReadmeExampleTests {
    /// The Swift blocks of the README's "Using the SDK" section, in order.
    static func readmeBlocks() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Using the SDK\n"))
        let section = readme[start.upperBound...]
        let body = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        return body.components(separatedBy: "```swift\n").dropFirst().compactMap { chunk in
            chunk.range(of: "```").map { String(chunk[..<$0.lowerBound]) }
        }
    }

    @Test func theSampleFileIsTheReadmesBlocksVerbatim() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let sample = try String(contentsOf: here.appendingPathComponent("ReadmeSample.swift"), encoding: .utf8)
        let blocks = try Self.readmeBlocks()
        #expect(blocks.count == 2)
        let code = try #require(sample.range(of: "\n\n")).upperBound
        #expect(String(sample[code...]) == blocks.joined(separator: "\n"))
    }

    @Test func protocolExampleRunsAgainstAMockAndTheRealClientThroughAMiddleware() async throws {
        let complete = try Fixtures.exchange("poll/complete-all-six-results.har")
        let analysis = try JSONCoding.makeDecoder().decode(Analysis.self, from: complete.responseBody)
        #expect(
            await latestSummary(of: "ana_01HDEF456789012", using: MockAnalyses(analysis: analysis))
                == "The customer reported a duplicate charge; the agent issued a refund.")
        #expect(
            await latestSummary(of: "ana_01HDEF456789012", using: makeLoggingClient(apiKey: APIKey("sk_test"), transport: ScriptedTransport(complete)))
                == "The customer reported a duplicate charge; the agent issued a refund.")
        #expect(makeAnalysisClient().core.configuration.baseURL == KallglotAnalysisClient.defaultServerURL)
    }

    @Test func createAndWaitExampleRunsToTheSummary() async throws {
        let replies = try ["create/page-example.har", "poll/processing.har", "poll/complete-all-six-results.har"].map { name in
            let exchange = try Fixtures.exchange(name)
            return Result<ScriptedTransport.Reply, TransportError>.success((exchange.status, exchange.responseHeaders, exchange.responseBody))
        }
        let client = makeClient(ScriptedTransport(replies))
        #expect(await summarize(sessionID: "sess_01HXYZ123456789", using: client) == "The customer reported a duplicate charge; the agent issued a refund.")
    }

    @Test func createAndWaitExampleExplainsAnUnanalyzableSession() async throws {
        let client = makeClient(ScriptedTransport(try Fixtures.exchange("errors/409-session-not-analyzable.har")))
        #expect(await summarize(sessionID: "sess_01HXYZ123456789", using: client) == "the session has no completed transcript yet")
    }

    @Test func webhookExampleAcceptsASignedDeliveryAndRefusesATamperedOne() throws {
        let good = try Fixtures.exchange("webhooks/analysis-complete.har")
        let started = good.started
        let webhooks = KallglotAnalysisWebhooks(secret: Fixtures.webhookSecret, now: { started })
        #expect(
            handleDelivery(body: try #require(good.requestBody), signatureHeader: good.requestHeaders["kallglot-signature"], webhooks: webhooks)
                == "analysis ana_01HDEF456789012 complete")
        let bad = try Fixtures.exchange("negative/webhook-tampered-signature.har")
        #expect(
            handleDelivery(body: try #require(bad.requestBody), signatureHeader: bad.requestHeaders["kallglot-signature"], webhooks: webhooks)
                == "refused: no signature matches")
    }
}
