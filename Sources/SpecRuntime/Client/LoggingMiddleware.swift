import Foundation
import HTTPTypes
import Logging

/// Logs each attempt's request and response through a `Logger`, redacted: the method, the path
/// with query values masked (a query parameter may carry a credential), the operation's ID, the
/// status, body sizes and the time taken. No header value and no body is ever logged.
public struct LoggingMiddleware: HTTPMiddleware {
    public var logger: Logger
    public var level: Logger.Level

    public init(logger: Logger, level: Logger.Level = .debug) {
        self.logger = logger
        self.level = level
    }

    public func intercept(
        _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        let target = "\(request.method.rawValue) \(Self.redacted(request.path ?? "/"))"
        logger.log(level: level, "→ \(target)", metadata: ["operation": "\(operationID)", "request_bytes": "\(body?.count ?? 0)"])
        let start = ContinuousClock.now
        do {
            let (response, data) = try await next(request, body, baseURL)
            let elapsed = ContinuousClock.now - start
            logger.log(
                level: level, "← \(response.status.code) \(target)",
                metadata: [
                    "operation": "\(operationID)", "response_bytes": "\(data.count)",
                    "duration_ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
                ])
            return (response, data)
        } catch {
            logger.log(level: level, "✕ \(target): \(Self.kind(of: error))", metadata: ["operation": "\(operationID)"])
            throw error
        }
    }

    /// The path with every query value replaced by `•` (names kept).
    static func redacted(_ path: String) -> String {
        guard let mark = path.firstIndex(of: "?") else { return path }
        let items = path[path.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
            item.split(separator: "=", maxSplits: 1).first.map { $0 + "=•" } ?? ""
        }
        return path[..<mark] + "?" + items.joined(separator: "&")
    }

    /// What failed, without the error's text (a transport's message may quote the URL).
    private static func kind(of error: any Error) -> String {
        if let transport = error as? TransportError {
            switch transport {
            case .timedOut: return "timed out"
            case .connectionFailed: return "connection failed"
            case .responseTooLarge(let limit): return "response larger than \(limit) bytes"
            case .invalidResponse: return "invalid response"
            }
        }
        return error is CancellationError ? "cancelled" : String(describing: type(of: error))
    }
}
