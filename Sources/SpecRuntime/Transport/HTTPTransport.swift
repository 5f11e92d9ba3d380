import Foundation
import HTTPTypes
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The boundary between generated clients and the network, in swift-http-types' terms.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (whose path includes the query) to `baseURL` and returns the whole response.
    /// Throws ``TransportError`` for failures below HTTP.
    func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data)
}

/// Failures below HTTP, the same for every transport.
public enum TransportError: Error, Sendable, CustomStringConvertible {
    case timedOut
    case connectionFailed(String)
    /// The body was larger than the transport's limit.
    case responseTooLarge(limit: Int)
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .timedOut: "timed out"
        case .connectionFailed(let reason): "connection failed: \(reason)"
        case .responseTooLarge(let limit): "response body larger than \(limit) bytes"
        case .invalidResponse(let reason): "invalid response: \(reason)"
        }
    }
}

extension HTTPTransport {
    /// The full URL of a request relative to a base URL that may carry a path prefix.
    static func url(for request: HTTPRequest, baseURL: URL) -> URL? {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + (request.path ?? "/"))
    }
}

/// The default transport: Foundation's `URLSession` (FoundationNetworking on Linux).
public struct URLSessionTransport: HTTPTransport {
    public var session: URLSession
    /// The largest response body accepted.
    public var maxResponseBytes: Int

    public init(session: URLSession = .shared, maxResponseBytes: Int = 10 << 20) {
        self.session = session
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        guard let url = Self.url(for: request, baseURL: baseURL) else {
            throw TransportError.invalidResponse("cannot form a URL from \(baseURL) and \(request.path ?? "")")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        urlRequest.httpBody = body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError where error.code == .timedOut {
            throw TransportError.timedOut
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as URLError where error.code == .cancelled {
            throw CancellationError()
        } catch {
            throw TransportError.connectionFailed(String(describing: error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError.invalidResponse("not an HTTP response")
        }
        if data.count > maxResponseBytes { throw TransportError.responseTooLarge(limit: maxResponseBytes) }
        var fields = HTTPFields()
        for (key, value) in http.allHeaderFields {
            if let text = key as? String, let name = HTTPField.Name(text), let value = value as? String {
                fields.append(HTTPField(name: name, value: value))
            }
        }
        return (HTTPResponse(status: HTTPResponse.Status(code: http.statusCode), headerFields: fields), data)
    }
}
