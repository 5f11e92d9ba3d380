import Foundation
import GoldenBodiesAndMedia
import Logging
import LoopbackServer
import SpecRuntime
import Testing

/// The runtime logs through the `Logger` the app passes, and nothing by default.
@Suite struct LoggingTests {
    /// Keeps every entry, as `level message metadata`.
    final class Capture: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        var entries: [String] { lock.withLock { lines } }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let extra = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lock.withLock { lines.append("\(event.level) \(event.message) \(extra)") }
        }
    }

    @Test func byDefaultNothingIsLoggedAndNoWarningHandlerIsSet() throws {
        let configuration = ClientConfiguration(baseURL: try #require(URL(string: "https://example.com")))
        #expect(configuration.warningHandler == nil)
        #expect(configuration.logger.handler is SwiftLogNoOpLogHandler)
    }

    @Test func aResponseThatBreaksTheSpecIsAWarningOfTheLoggerInWarnMode() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 200, json: #"{"name": ""}"#) }
        let capture = Capture()
        var configuration = ClientConfiguration(
            baseURL: server.baseURL, validation: ValidationOptions(responses: .warn),
            logger: Logger(label: "test", factory: { _ in capture }))
        configuration.credentials = ["keyHeader": .secret(APIKey("hk_secret_1"))]
        let pet = try await MediaClient(configuration: configuration).getPet(petID: "p1")
        #expect(pet?.name == "")
        #expect(capture.entries.count == 1)
        #expect(capture.entries.first?.hasPrefix("warning response with status 200 breaks the spec") == true)
        #expect(capture.entries.first?.contains("minLength") == true)
        try await server.shutdown()
    }

    @Test func theLoggingMiddlewareLogsEachAttemptWithQueryValuesMaskedAndNoCredential() async throws {
        let server = try await LoopbackServer { _, _ in
            LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/zip")], body: Data("zip".utf8))
        }
        let capture = Capture()
        let logger = Logger(label: "test", factory: { _ in capture })
        var configuration = ClientConfiguration(baseURL: server.baseURL)
        configuration.credentials = ["keyQuery": .secret(APIKey("qk_secret_2")), "keyCookie": .secret(APIKey("ck_secret_3"))]
        configuration.middlewares = [LoggingMiddleware(logger: logger)]
        _ = try await MediaClient(configuration: configuration).exportAll(ids: [1, 2])
        let entries = capture.entries
        #expect(entries.count == 2)
        #expect(entries.first?.hasPrefix("debug → GET /export?ids=•&api_key=• operation=exportAll") == true)
        #expect(entries.last?.hasPrefix("debug ← 200 GET /export?ids=•&api_key=•") == true)
        #expect(entries.last?.contains("response_bytes=3") == true)
        #expect(!entries.joined().contains("secret"), "no credential reaches the log")
        try await server.shutdown()
    }
}
