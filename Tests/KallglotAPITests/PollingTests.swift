import Foundation
import KallglotAPI
import SpecRuntime
import Testing

@Suite struct PollingTests {
    private func reply(_ fixture: String) throws -> Result<ScriptedTransport.Reply, TransportError> {
        let exchange = try Fixtures.exchange(fixture)
        return .success((exchange.status, exchange.responseHeaders, exchange.responseBody))
    }

    @Test func createAndWaitGoesFromQueuedThroughProcessingToComplete() async throws {
        let transport = ScriptedTransport([try reply("create/page-example.har"), try reply("poll/queued.har"),
                                           try reply("poll/processing.har"), try reply("poll/complete-all-six-results.har")])
        let sleeper = RecordingSleeper()
        // "Now" is the page's created_at: the first wait is the 30 s to estimated_completion.
        let client = makeClient(transport, sleeper: sleeper.sleeper, now: { RFC3339.date(from: "2026-03-26T11:10:00Z")! })
        let analysis = try await client.createAnalysisAndWait(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(analysis.status == .complete)
        #expect(analysis.results?.quality?.interruptionCount == 2)
        #expect(transport.requests.map { $0.0.path ?? "" } == [
            "/v1/sessions/sess_01HXYZ123456789/analysis", "/v1/analyses/ana_01HDEF456789012",
            "/v1/analyses/ana_01HDEF456789012", "/v1/analyses/ana_01HDEF456789012",
        ])
        #expect(sleeper.recorded == [.seconds(30), .seconds(1), .milliseconds(1500)])
    }

    @Test func waitingStopsAtFailedAndReturnsTheFailure() async throws {
        let transport = ScriptedTransport([try reply("poll/processing.har"), try reply("poll/failed.har")])
        let analysis = try await makeClient(transport).waitForAnalysis(analysisID: "ana_01HDEF456789012")
        #expect(analysis.status == .failed)
        #expect(analysis.failure?.code == "transcript_unavailable")
    }

    @Test func waitingGivesUpAtTheOverallTimeout() async throws {
        let transport = ScriptedTransport([try reply("poll/processing.har")])
        let sleeper = RecordingSleeper()
        let options = PollingOptions(initialInterval: .seconds(2), multiplier: 2, maxInterval: .seconds(5), timeout: .seconds(10))
        do {
            _ = try await makeClient(transport, sleeper: sleeper.sleeper).waitForAnalysis(analysisID: "ana_01HDEF456789012", polling: options)
            Issue.record("expected a timeout")
        } catch {
            guard case .pollingTimedOut(let after) = error else {
                Issue.record("expected .pollingTimedOut, got \(error)")
                return
            }
            #expect(after == .seconds(10))
        }
        #expect(sleeper.recorded == [.seconds(2), .seconds(4), .seconds(4)])
        #expect(transport.requests.count == 4)
    }

    @Test func cancellingTheWaitEndsItPromptly() async throws {
        let transport = ScriptedTransport([try reply("poll/processing.har")])
        let client = makeClient(transport, sleeper: { _ in try await Task.sleep(for: .seconds(3600)) })
        let task = Task { try await client.waitForAnalysis(analysisID: "ana_01HDEF456789012") }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case .cancelled? = error as? ClientError<ErrorResponse> else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
    }
}
