import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport: Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// The response body is bounded by ``maxResponseBytes``: a `Content-Length` above it is refused
/// when the head arrives, and a body without one is dropped, and its task cancelled, as soon as
/// more than the limit has arrived. The transport runs its own session, whose delegate sees the
/// body as it comes, so that no more than the limit is ever kept. (On Linux the cancellation takes
/// effect asynchronously: bytes that arrive before it does are read and discarded, not kept.)
/// `timeout` is passed to `URLRequest.timeoutInterval`, which `URLSession` applies to inactivity;
/// ``APIClient`` bounds the whole attempt.
public struct URLSessionHTTPTransport: HTTPTransport {
    private let loader: BoundedLoader
    /// The largest response body accepted.
    public var maxResponseBytes: Int

    /// - Parameters:
    ///   - configuration: the configuration of the transport's own session (timeouts, proxies,
    ///     cookies, cache); `nil` shares one session of the default configuration among every
    ///     transport made so.
    ///   - maxResponseBytes: the largest response body accepted; a larger one is refused as
    ///     ``TransportError/responseTooLarge(limit:)`` without being read whole.
    public init(configuration: URLSessionConfiguration? = nil, maxResponseBytes: Int = 10 << 20) {
        self.loader = configuration.map(BoundedLoader.init) ?? .shared
        self.maxResponseBytes = maxResponseBytes
    }

    /// The session requests go through.
    public var session: URLSession { loader.session }

    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        guard let url = Self.url(for: request, baseURL: baseURL) else {
            throw TransportError.invalidResponse("cannot form a URL from \(baseURL) and \(request.path ?? "")")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = Self.timeoutInterval(timeout)
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        urlRequest.httpBody = body
        let (http, data) = try await loader.load(urlRequest, limit: maxResponseBytes)
        var fields = HTTPFields()
        for (key, value) in http.allHeaderFields {
            if let text = key as? String, let name = HTTPField.Name(text), let value = value as? String {
                fields.append(HTTPField(name: name, value: value))
            }
        }
        return (HTTPResponse(status: HTTPResponse.Status(code: http.statusCode), headerFields: fields), data)
    }
}

extension URLSessionHTTPTransport {
    /// FoundationNetworking truncates `timeoutInterval` to whole seconds (`Int(interval) * 1000`
    /// milliseconds), so 0.5 s would time out at once: round up there. The exact bound on the
    /// attempt is ``APIClient``'s.
    static func timeoutInterval(_ timeout: Duration) -> TimeInterval {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        #if canImport(FoundationNetworking)
            return max(1, seconds.rounded(.up))
        #else
            return seconds
        #endif
    }
}

/// A session whose delegate hands each task's events to the task's ``BodyLoad``.
private final class BoundedLoader: @unchecked Sendable {
    static let shared = BoundedLoader(configuration: .default)

    let session: URLSession
    private let router = TaskRouter()

    init(configuration: URLSessionConfiguration) {
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` and collects its body up to `limit` bytes; throws ``TransportError``, or
    /// `CancellationError` when the calling task is cancelled.
    func load(_ request: URLRequest, limit: Int) async throws -> (HTTPURLResponse, Data) {
        let load = BodyLoad(limit: limit)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request)
                router.register(load, for: task)
                load.start(task, continuation: continuation)
            }
        } onCancel: {
            load.cancel()
        }
    }
}

/// The session delegate: finds the ``BodyLoad`` of each task.
private final class TaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var loads: [Int: BodyLoad] = [:]

    func register(_ load: BodyLoad, for task: URLSessionTask) {
        lock.withLock { loads[task.taskIdentifier] = load }
    }

    private func load(for task: URLSessionTask) -> BodyLoad? {
        lock.withLock { loads[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        completionHandler(load(for: dataTask)?.received(response) ?? .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        load(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let load = lock.withLock { loads.removeValue(forKey: task.taskIdentifier) }
        load?.complete(error)
    }
}

/// One request's state: its body so far, and whether it went over the limit or was cancelled.
private final class BodyLoad: @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var continuation: CheckedContinuation<(HTTPURLResponse, Data), any Error>?
    private var response: URLResponse?
    private var body = Data()
    private var exceeded = false
    private var cancelled = false

    init(limit: Int) {
        self.limit = limit
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<(HTTPURLResponse, Data), any Error>) {
        let cancelledAlready = lock.withLock {
            self.task = task
            self.continuation = continuation
            return cancelled
        }
        task.resume()
        if cancelledAlready { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }

    func received(_ response: URLResponse) -> URLSession.ResponseDisposition {
        lock.withLock { self.response = response }
        guard response.expectedContentLength > Int64(limit) else { return .allow }
        refuse()
        return .cancel
    }

    func received(_ data: Data) {
        let over = lock.withLock {
            guard !exceeded else { return false }
            guard body.count + data.count <= limit else { return true }
            body.append(data)
            return false
        }
        if over { refuse() }
    }

    /// Drops the body and cancels the task; the rest is discarded as it arrives.
    private func refuse() {
        let task = lock.withLock {
            exceeded = true
            body = Data()
            return self.task
        }
        task?.cancel()
    }

    func complete(_ error: (any Error)?) {
        let (continuation, result) = lock.withLock {
            () -> (CheckedContinuation<(HTTPURLResponse, Data), any Error>?, Result<(HTTPURLResponse, Data), any Error>) in
            defer { self.continuation = nil }
            return (self.continuation, outcome(error))
        }
        continuation?.resume(with: result)
    }

    /// Called with the lock held.
    private func outcome(_ error: (any Error)?) -> Result<(HTTPURLResponse, Data), any Error> {
        if exceeded { return .failure(TransportError.responseTooLarge(limit: limit)) }
        if cancelled { return .failure(CancellationError()) }
        switch error {
        case let error as URLError where error.code == .timedOut:
            return .failure(TransportError.timedOut)
        case let error as URLError where error.code == .cancelled:
            return .failure(CancellationError())
        case let error?:
            return .failure(TransportError.connectionFailed(String(describing: error)))
        case nil:
            guard let http = (response ?? task?.response) as? HTTPURLResponse else {
                return .failure(TransportError.invalidResponse("not an HTTP response"))
            }
            return .success((http, body))
        }
    }
}
