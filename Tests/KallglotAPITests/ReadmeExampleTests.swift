import Foundation
import KallglotAPI
import Logging
import SpecRuntime
import Testing

// The README's example, compiled and run here against recorded responses so it cannot rot.
// Keep it in sync with README.md ("Using the SDK").

func readmeCreateAndWait(client: KallglotAnalysisClient) async -> String {
    do {
        let analysis = try await client.createAnalysisAndWait(
            sessionID: "sess_01HXYZ123456789",
            body: CreateAnalysisRequest(analyses: [.sentiment, .summary, .actionItems, .quality]))
        if analysis.status == .complete, let summary = analysis.results?.summary {
            return summary.overview
        } else if let failure = analysis.failure {
            return "analysis failed: \(failure.message)"
        }
        return "unexpected status \(analysis.status.rawValue)"
    } catch .api(let error) where error.envelope.error.code == "session_not_analyzable" {
        return "the session has no completed transcript yet"
    } catch {
        return "request failed: \(error)"
    }
}

func readmeHandleDelivery(webhooks: KallglotAnalysisWebhooks, body: Data, signatureHeader: String?) -> String {
    do {
        let event = try webhooks.analysisComplete(body: body, signatureHeader: signatureHeader)
        return "analysis \(event.data.id) complete"
    } catch let error as WebhookVerificationError {
        return "refused: \(error)"  // answer 400; never act on an unverified body
    } catch {
        return "not an analysis.complete event: \(error)"
    }
}

func latestSummary(of analysisID: AnalysisID, using analyses: some KallglotAnalysisClientProtocol) async -> String? {
    try? await analyses.getAnalysis(analysisID: analysisID).results?.summary?.overview
}

/// A mock of the client, as an app's test would write one.
struct MockAnalyses: KallglotAnalysisClientProtocol {
    let analysis: Analysis

    func createAnalysis(sessionID: SessionID, idempotencyKey: String?, body: CreateAnalysisRequest)
        async throws(APIClientError<ErrorResponse>) -> Analysis
    { analysis }
    func getAnalysis(analysisID: AnalysisID) async throws(APIClientError<ErrorResponse>) -> Analysis { analysis }
}

@Suite struct ReadmeExampleTests {
    @Test func protocolExampleRunsAgainstAMockAndTheRealClientThroughAMiddleware() async throws {
        let complete = try Fixtures.exchange("poll/complete-all-six-results.har")
        let analysis = try JSONCoding.makeDecoder().decode(Analysis.self, from: complete.responseBody)
        #expect(
            await latestSummary(of: "ana_01HDEF456789012", using: MockAnalyses(analysis: analysis))
                == "The customer reported a duplicate charge; the agent issued a refund.")
        var configuration = ClientConfiguration(
            baseURL: KallglotAnalysisClient.defaultServerURL, apiKey: APIKey("sk_test"),
            transport: ScriptedTransport(complete))
        configuration.middlewares = [LoggingMiddleware(logger: Logger(label: "kallglot"))]
        #expect(
            await latestSummary(of: "ana_01HDEF456789012", using: KallglotAnalysisClient(configuration: configuration))
                == "The customer reported a duplicate charge; the agent issued a refund.")
    }

    @Test func createAndWaitExampleRunsToTheSummary() async throws {
        let replies = try ["create/page-example.har", "poll/processing.har", "poll/complete-all-six-results.har"].map { name in
            let exchange = try Fixtures.exchange(name)
            return Result<ScriptedTransport.Reply, TransportError>.success((exchange.status, exchange.responseHeaders, exchange.responseBody))
        }
        let client = makeClient(ScriptedTransport(replies))
        #expect(await readmeCreateAndWait(client: client) == "The customer reported a duplicate charge; the agent issued a refund.")
    }

    @Test func createAndWaitExampleExplainsAnUnanalyzableSession() async throws {
        let client = makeClient(ScriptedTransport(try Fixtures.exchange("errors/409-session-not-analyzable.har")))
        #expect(await readmeCreateAndWait(client: client) == "the session has no completed transcript yet")
    }

    @Test func webhookExampleAcceptsASignedDeliveryAndRefusesATamperedOne() throws {
        let good = try Fixtures.exchange("webhooks/analysis-complete.har")
        let started = good.started
        let webhooks = KallglotAnalysisWebhooks(secret: Fixtures.webhookSecret, now: { started })
        #expect(
            readmeHandleDelivery(webhooks: webhooks, body: try #require(good.requestBody), signatureHeader: good.requestHeaders["kallglot-signature"])
                == "analysis ana_01HDEF456789012 complete")
        let bad = try Fixtures.exchange("negative/webhook-tampered-signature.har")
        #expect(
            readmeHandleDelivery(webhooks: webhooks, body: try #require(bad.requestBody), signatureHeader: bad.requestHeaders["kallglot-signature"])
                == "refused: no signature matches")
    }
}
