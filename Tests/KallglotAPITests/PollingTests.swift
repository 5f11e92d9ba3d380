import Foundation
import HTTPTypes
import KallglotAPI
import SpecRuntime
import Testing

@Suite struct PollingTests {
    private func reply(_ fixture: String) throws -> Result<ScriptedTransport.Reply, TransportError> {
        let exchange = try Fixtures.exchange(fixture)
        return .success((exchange.status, exchange.responseHeaders, exchange.responseBody))
    }

    @Test func createAndWaitGoesFromQueuedThroughProcessingToComplete() async throws {
        let transport = ScriptedTransport([
            try reply("create/page-example.har"), try reply("poll/queued.har"),
            try reply("poll/processing.har"), try reply("poll/complete-all-six-results.har"),
        ])
        let sleeper = RecordingSleeper()
        // "Now" is the page's created_at: the first wait is the 30 s to estimated_completion.
        let client = makeClient(transport, sleeper: sleeper.sleeper, now: { RFC3339.date(from: "2026-03-26T11:10:00Z")! })
        let analysis = try await client.createAnalysisAndWait(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        #expect(analysis.status == .complete)
        #expect(analysis.results?.quality?.interruptionCount == 2)
        #expect(
            transport.requests.map { $0.0.path ?? "" } == [
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
        // Time moves only by the sleeps, so a loaded machine cannot eat into the 10 s budget.
        let clock = ManualClock()
        let sleep = sleeper.sleeper
        let client = makeClient(
            transport,
            sleeper: { duration in
                try await sleep(duration)
                clock.advance(by: duration)
            },
            now: { clock.now })
        let options = PollingOptions(initialInterval: .seconds(2), multiplier: 2, maxInterval: .seconds(5), timeout: .seconds(10))
        do {
            _ = try await client.waitForAnalysis(analysisID: "ana_01HDEF456789012", polling: options)
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

    /// The timeout bounds the wait as a whole, time in requests included, not only the sleeps.
    @Test func theTimeoutCountsTheTimeRequestsTake() async throws {
        let clock = ManualClock()
        let transport = SlowTransport(ScriptedTransport([try reply("poll/processing.har")]), takes: 0.8, clock: clock)
        let client = makeClient(transport, sleeper: { duration in clock.advance(by: duration) }, now: { clock.now })
        let options = PollingOptions(initialInterval: .seconds(1), multiplier: 1, timeout: .seconds(3))
        do {
            _ = try await client.waitForAnalysis(analysisID: "ana_01HDEF456789012", polling: options)
            Issue.record("expected a timeout")
        } catch {
            guard case .pollingTimedOut = error else {
                Issue.record("expected .pollingTimedOut, got \(error)")
                return
            }
        }
        // Requests at 0–0.8 s, 1.8–2.6 s and 3.0–3.8 s; the sleeps (1 s, then the 0.4 s left) never exceed the budget.
        #expect(transport.calls == 3)
        #expect(clock.elapsed <= 3.8 + 1e-9, "the wait ran \(clock.elapsed) s of a 3 s timeout")
    }

    @Test func cancellingTheWaitEndsItPromptly() async throws {
        let transport = ScriptedTransport([try reply("poll/processing.har")])
        let client = makeClient(transport, sleeper: { _ in try await Task.sleep(for: .seconds(3600)) })
        let task = Task { try await client.waitForAnalysis(analysisID: "ana_01HDEF456789012") }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result, case .cancelled? = error as? APIClientError<ErrorResponse> else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
    }
}

/// A clock that moves only when told: by sleeps, and by requests that "take" time.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private var offset: TimeInterval = 0

    var now: Date { lock.withLock { start.addingTimeInterval(offset) } }
    var elapsed: TimeInterval { lock.withLock { offset } }

    func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        advance(seconds: seconds)
    }

    func advance(seconds: TimeInterval) { lock.withLock { offset += seconds } }
}

/// A transport whose every request takes `seconds` on a ``ManualClock``.
final class SlowTransport: HTTPTransport, @unchecked Sendable {
    private let inner: ScriptedTransport
    private let seconds: TimeInterval
    private let clock: ManualClock
    private let lock = NSLock()
    private var count = 0

    var calls: Int { lock.withLock { count } }

    init(_ inner: ScriptedTransport, takes seconds: TimeInterval, clock: ManualClock) {
        self.inner = inner
        self.seconds = seconds
        self.clock = clock
    }

    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        lock.withLock { count += 1 }
        clock.advance(seconds: seconds)
        return try await inner.send(request, body: body, baseURL: baseURL, timeout: timeout)
    }
}
