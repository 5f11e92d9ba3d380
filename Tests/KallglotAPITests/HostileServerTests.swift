import Foundation
import KallglotAPI
import LoopbackServer
import SpecRuntime
import Testing

/// The generated client over real sockets against a server that misbehaves, through both
/// transports. Each misbehaviour must end in a typed ``APIClientError`` within the configured timeout
/// (the time limit turns a hang into a failure) and with the body bounded in memory; no error
/// description may carry the API key.
@Suite(.serialized, .timeLimit(.minutes(1))) struct HostileServerTests {
    typealias TransportKind = LoopbackTests.TransportKind
    typealias Reply = LoopbackServer.Reply

    static let apiKey = "sk_test_fixture_key_do_not_use"
    static let analysisID = "ana_01HDEF456789012"

    // MARK: Stalling

    /// The head and a first piece of the body arrive, then nothing (checked: the server sent it).
    @Test(arguments: TransportKind.allCases)
    func bodyThatStallsAfterTheHeadTimesOut(kind: TransportKind) async throws {
        let reply = Reply(status: 200, content: .partial(Data(#"{"id": "ana_"#.utf8), declaredLength: 1000, then: .stall))
        let (error, server) = try await failureAndServer(of: reply, kind, timeout: .milliseconds(500), retry: .none)
        guard case .timedOut = error else {
            Issue.record("expected .timedOut, got \(error)")
            return
        }
        #expect(server.requests.count == 1)
        #expect(server.bodyBytesWritten == 12)
    }

    /// A byte every 100 ms never leaves the connection idle for the timeout, so only a bound on the
    /// whole attempt stops it (URLSession's timeout is for inactivity; AsyncHTTPClient's is for the head).
    @Test(arguments: TransportKind.allCases)
    func bodyThatTricklesTimesOutAsAWhole(kind: TransportKind) async throws {
        let reply = Reply(status: 200, content: .partial(Data("{".utf8), declaredLength: 10_000, then: .trickle(every: .milliseconds(100))))
        let (error, server) = try await failureAndServer(of: reply, kind, timeout: .milliseconds(700), retry: .none)
        guard case .timedOut = error else {
            Issue.record("expected .timedOut, got \(error)")
            return
        }
        #expect(server.requests.count == 1)
        #expect(server.bodyBytesWritten > 2)
        #expect(server.completedReplies == 0)
    }

    // MARK: Broken bodies

    /// A GET is retried on a broken connection, as many times as the policy allows, and never
    /// yields the partial body.
    @Test(arguments: TransportKind.allCases)
    func connectionClosedMidBodyIsATransportFailureAfterBoundedRetries(kind: TransportKind) async throws {
        let body = try Fixtures.exchange("poll/queued.har").responseBody
        let reply = Reply(status: 200, content: .partial(body.prefix(40), declaredLength: body.count, then: .close))
        let (error, server) = try await failureAndServer(of: reply, kind)
        guard case .transport(let reason) = error else {
            Issue.record("expected .transport, got \(error)")
            return
        }
        #expect(!reason.isEmpty)
        #expect(server.requests.count == RetryPolicy().maxAttempts)
        #expect(server.completedReplies == 0)
    }

    /// The page echoes the API key, as a misconfigured proxy's error page might: the excerpt hides it.
    @Test(arguments: TransportKind.allCases)
    func htmlWithStatus200IsAMalformedResponseSayingItIsNotJSON(kind: TransportKind) async throws {
        let html = "<!DOCTYPE html><html><head><title>Gateway</title></head><body>Bearer \(Self.apiKey)</body></html>"
        let reply = Reply(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(html.utf8))
        let error = try await failure(of: reply, kind)
        guard case .malformedResponse(let status, let excerpt, let reason) = error else {
            Issue.record("expected .malformedResponse, got \(error)")
            return
        }
        #expect(status.code == 200)
        #expect(reason.contains("not JSON"))
        #expect(reason.contains("text/html"))
        #expect(excerpt.hasPrefix("<!DOCTYPE html>"))
        #expect(excerpt.contains("[redacted]"))
    }

    @Test(arguments: TransportKind.allCases)
    func invalidUTF8InAJSONBodyIsAMalformedResponseWithAPrintableExcerpt(kind: TransportKind) async throws {
        let valid = try Fixtures.exchange("poll/queued.har").responseBody
        let body = try #require(Self.replacing(Data(#""queued""#.utf8), with: Data([0x22, 0x71, 0xFF, 0xC3, 0x28, 0x22]), in: valid))
        let error = try await failure(of: Reply(status: 200, body: body), kind)
        guard case .malformedResponse(let status, let excerpt, let reason) = error else {
            Issue.record("expected .malformedResponse, got \(error)")
            return
        }
        #expect(status.code == 200)
        #expect(reason.contains("not valid UTF-8"))
        #expect(excerpt.contains("\"status\": \"q\u{FFFD}\u{FFFD}("))
    }

    // MARK: Size

    /// 50 MiB, with and without `Content-Length`, against the transports' 10 MiB default. The
    /// server writes a chunk only when the socket took the previous one, so a client that stops
    /// reading leaves the body unfinished; one that buffered it all would let the reply complete.
    /// (Memory: see the transports' documentation; measured with `/usr/bin/time -v` on this test.)
    /// The server sends at 32 MB/s, a fast network rather than loopback: FoundationNetworking
    /// cancels asynchronously, and at loopback speed on a busy machine the whole body can arrive
    /// (to be discarded, not kept) before the cancellation lands.
    @Test(arguments: TransportKind.allCases, [true, false])
    func fiftyMegabyteBodyIsRefusedWithoutReadingItAll(kind: TransportKind, declaresLength: Bool) async throws {
        let chunk = Data(repeating: UInt8(ascii: " "), count: 64 << 10)
        let count = (50 << 20) / chunk.count
        let reply = Reply(status: 200, content: .repeated(chunk, count: count, declaresLength: declaresLength, every: .milliseconds(2)))
        let (error, server) = try await failureAndServer(of: reply, kind)
        guard case .responseTooLarge(let limit) = error else {
            Issue.record("expected .responseTooLarge, got \(error)")
            return
        }
        #expect(limit == 10 << 20)
        #expect(server.requests.count == 1)
        #expect(server.completedReplies == 0)
        #expect(server.bodyBytesWritten < chunk.count * count)
        if declaresLength {
            // Refused from the head, long before the limit's worth could have been read.
            #expect(server.bodyBytesWritten < limit)
        }
    }

    // MARK: Headers

    enum HugeHeaders: String, CaseIterable {
        case oneMegabyteValue, tenThousandFields

        var fields: [(name: String, value: String)] {
            switch self {
            case .oneMegabyteValue: [("X-Padding", String(repeating: "a", count: 1 << 20))]
            case .tenThousandFields: (0..<10_000).map { ("X-Padding-\($0)", String(repeating: "b", count: 100)) }
            }
        }
    }

    /// Both transports refuse the head with a connection error rather than hold it. URLSession on
    /// Linux is libcurl, which caps one header line at 100 KB (reported as "Out of memory") and
    /// all of them at 300 KB ("Too large response headers"); AsyncHTTPClient is SwiftNIO's HTTP
    /// decoder, which caps one field and the whole list at 80 KB ("too many header bytes seen").
    /// Retries are off: a GET would otherwise try three times, as with any connection failure.
    @Test(arguments: TransportKind.allCases, HugeHeaders.allCases)
    func hugeResponseHeadersAreATransportFailure(kind: TransportKind, headers: HugeHeaders) async throws {
        let body = try Fixtures.exchange("poll/queued.har").responseBody
        let reply = Reply(status: 200, headers: [("Content-Type", "application/json")] + headers.fields, body: body)
        let error = try await failure(of: reply, kind, retry: .none)
        guard case .transport(let reason) = error else {
            Issue.record("expected .transport, got \(error)")
            return
        }
        #expect(reason.utf8.count < 4096)
    }

    // MARK: Rate limiting

    /// A year, as delta-seconds and as an HTTP date: the wait asked of the sleeper is the cap.
    @Test(arguments: TransportKind.allCases, ["31536000", "http-date"])
    func retryAfterOfAYearIsCappedAtMaxRetryAfter(kind: TransportKind, form: String) async throws {
        let limited = try Self.reply(
            "errors/429-retry-after.har", retryAfter: form == "http-date" ? Self.httpDate(Date().addingTimeInterval(365 * 86_400)) : form)
        let success = try Self.reply("create/page-example.har")
        let server = try await LoopbackServer { _, index in index == 0 ? limited : success }
        let sleeper = RecordingSleeper()
        let analysis = try await client(server, kind, sleeper: sleeper.sleeper).createAnalysis(sessionID: "sess_01HXYZ123456789", body: pageRequest)
        try await server.shutdown()
        #expect(analysis.id == Self.analysisID)
        #expect(sleeper.recorded == [RetryPolicy().maxRetryAfter])
        #expect(server.requests.count == 2)
    }

    @Test(arguments: TransportKind.allCases)
    func endless429StopsAfterMaxAttemptsWithTheRateLimitError(kind: TransportKind) async throws {
        let limited = try Self.reply("errors/429-retry-after.har")
        let server = try await LoopbackServer { _, _ in limited }
        let sleeper = RecordingSleeper()
        let error = await Self.error(from: client(server, kind, sleeper: sleeper.sleeper))
        try await server.shutdown()
        guard case .api(let apiError)? = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(apiError.status.code == 429)
        #expect(apiError.envelope.error.code == "rate_limit_exceeded")
        #expect(apiError.retryAfter == .seconds(2))
        #expect(server.requests.count == RetryPolicy().maxAttempts)
        #expect(sleeper.recorded == Array(repeating: .seconds(2), count: RetryPolicy().maxAttempts - 1))
        #expect(!apiError.description.contains(Self.apiKey))
    }
}

extension HostileServerTests {
    func client(
        _ server: LoopbackServer, _ kind: TransportKind, timeout: Duration = .seconds(5), retry: RetryPolicy = RetryPolicy(random: { 0 }),
        sleeper: @escaping Sleeper = { _ in }
    ) -> KallglotAnalysisClient {
        KallglotAnalysisClient(
            configuration: ClientConfiguration(
                baseURL: server.baseURL, apiKey: APIKey(Self.apiKey), transport: kind.make(), timeout: timeout, retryPolicy: retry, sleeper: sleeper))
    }

    /// What `getAnalysis` throws, or `nil` when it returns.
    static func error(from client: KallglotAnalysisClient) async -> APIClientError<ErrorResponse>? {
        do {
            _ = try await client.getAnalysis(analysisID: analysisID)
            return nil
        } catch {
            return error
        }
    }

    /// Serves `reply` to every request, calls `getAnalysis`, and returns the error (whose
    /// description must not carry the API key) and the server, shut down, for its records.
    func failureAndServer(
        of reply: Reply, _ kind: TransportKind, timeout: Duration = .seconds(5),
        retry: RetryPolicy = RetryPolicy(random: { 0 })
    ) async throws -> (APIClientError<ErrorResponse>, LoopbackServer) {
        let server = try await LoopbackServer { _, _ in reply }
        let error = await Self.error(from: client(server, kind, timeout: timeout, retry: retry))
        try await server.shutdown()
        let thrown = try #require(error, "expected an error from a hostile server")
        #expect(!String(describing: thrown).contains(Self.apiKey))
        return (thrown, server)
    }

    func failure(
        of reply: Reply, _ kind: TransportKind, timeout: Duration = .seconds(5),
        retry: RetryPolicy = RetryPolicy(random: { 0 })
    ) async throws -> APIClientError<ErrorResponse> {
        try await failureAndServer(of: reply, kind, timeout: timeout, retry: retry).0
    }

    /// A recorded exchange's response, with its `Retry-After` replaced when one is given.
    static func reply(_ fixture: String, retryAfter: String? = nil) throws -> Reply {
        let exchange = try Fixtures.exchange(fixture)
        var headers = exchange.responseHeaders.map { (name: $0.0, value: $0.1) }
        if let retryAfter {
            headers.removeAll { $0.name.lowercased() == "retry-after" }
            headers.append(("Retry-After", retryAfter))
        }
        return Reply(status: exchange.status, headers: headers, body: exchange.responseBody)
    }

    /// An IMF-fixdate, as `Retry-After` may carry.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// `data` with its first `old` replaced by `new`, or `nil` when `old` does not occur.
    static func replacing(_ old: Data, with new: Data, in data: Data) -> Data? {
        guard let range = data.firstRange(of: old) else { return nil }
        var result = data
        result.replaceSubrange(range, with: new)
        return result
    }
}
