import Foundation
import HTTPTypes
import KallglotAPI
import SpecRuntime
import Testing

/// The recorded exchanges under spec/fixtures/, read as data.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("spec/fixtures")
    static let webhookSecret = WebhookSecret("whsec_test_kallglot_fixture_secret")

    struct Exchange {
        var requestBody: Data?
        var requestHeaders: [String: String]
        var status: Int
        var responseHeaders: [(String, String)]
        var responseBody: Data
        var started: Date
        var json: [String: Any]
    }

    static func exchanges(_ name: String) throws -> [Exchange] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let log = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["log"] as? [String: Any])
        let entries = try #require(log["entries"] as? [[String: Any]])
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return try entries.map { entry in
            let request = try #require(entry["request"] as? [String: Any])
            let response = try #require(entry["response"] as? [String: Any])
            func pairs(_ value: Any?) -> [(String, String)] {
                (value as? [[String: String]] ?? []).compactMap { header in header["name"].flatMap { name in header["value"].map { (name, $0) } } }
            }
            return Exchange(
                requestBody: ((request["postData"] as? [String: Any])?["text"] as? String).map { Data($0.utf8) },
                requestHeaders: Dictionary(pairs(request["headers"]).map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { a, _ in a }),
                status: try #require(response["status"] as? Int),
                responseHeaders: pairs(response["headers"]),
                responseBody: Data((((response["content"] as? [String: Any])?["text"] as? String) ?? "").utf8),
                started: formatter.date(from: entry["startedDateTime"] as? String ?? "") ?? Date(),
                json: entry)
        }
    }

    static func exchange(_ name: String) throws -> Exchange {
        try #require(try exchanges(name).first)
    }
}

/// An in-memory transport that answers with scripted responses and records what it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    typealias Reply = (status: Int, headers: [(String, String)], body: Data)
    private let lock = NSLock()
    private var replies: [Result<Reply, TransportError>]
    private(set) var sent: [(HTTPRequest, Data?)] = []

    init(_ replies: [Result<Reply, TransportError>]) {
        self.replies = replies
    }

    convenience init(_ exchange: Fixtures.Exchange) {
        self.init([.success((exchange.status, exchange.responseHeaders, exchange.responseBody))])
    }

    var requests: [(HTTPRequest, Data?)] { lock.withLock { sent } }

    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        let next: Result<Reply, TransportError> = lock.withLock {
            sent.append((request, body))
            return replies.count > 1 ? replies.removeFirst() : replies[0]
        }
        let reply = try next.get()
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return (HTTPResponse(status: HTTPResponse.Status(code: reply.status), headerFields: fields), reply.body)
    }
}

/// A sleeper that records the waits asked of it and returns at once.
final class RecordingSleeper: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []

    var recorded: [Duration] { lock.withLock { waits } }

    var sleeper: Sleeper {
        { [self] duration in
            lock.withLock { waits.append(duration) }
            try Task.checkCancellation()
        }
    }
}

func makeClient(
    _ transport: any HTTPTransport, sleeper: @escaping Sleeper = { _ in }, retry: RetryPolicy = RetryPolicy(random: { 0.5 }),
    validation: ValidationOptions = ValidationOptions(), now: @escaping @Sendable () -> Date = { Date() }
) -> KallglotAnalysisClient {
    KallglotAnalysisClient(
        configuration: ClientConfiguration(
            baseURL: URL(string: "https://api.kallglot.com")!, apiKey: "sk_test_fixture_key_do_not_use", transport: transport,
            retryPolicy: retry, validation: validation, sleeper: sleeper, now: now))
}

let pageRequest = CreateAnalysisRequest(
    analyses: [.sentiment, .summary, .actionItems, .quality], language: "en",
    webhookURL: "https://your-app.com/webhooks/analysis")
