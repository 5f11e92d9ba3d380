import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import SpecRuntime

/// A transport over AsyncHTTPClient (SwiftNIO), for servers. The response body is read up to
/// ``maxResponseBytes``; a larger one is refused without being held in memory (from its
/// `Content-Length` when it has one). `timeout` is AsyncHTTPClient's deadline for the response
/// head; ``APIClient`` bounds the whole attempt, body included.
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    public var maxResponseBytes: Int

    /// The client a transport uses unless given one: AsyncHTTPClient's defaults, except that a
    /// failed connection is reported at once instead of retried until the deadline (with the
    /// defaults, a refused connection surfaced as a timeout after the whole per-attempt timeout;
    /// ``APIClient`` does its own retries, with backoff).
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public init(client: HTTPClient = AsyncHTTPClientTransport.sharedClient, maxResponseBytes: Int = 10 << 20) {
        self.client = client
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var outgoing = HTTPClientRequest(url: base + (request.path ?? "/"))
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let deadline = TimeAmount.nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(outgoing, timeout: deadline)
            // Refused from the head when the server says how much is coming; dropping the body
            // without reading it cancels the request and closes the connection.
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maxResponseBytes {
                throw TransportError.responseTooLarge(limit: maxResponseBytes)
            }
            var collected = ByteBuffer()
            for try await chunk in response.body {
                if collected.readableBytes + chunk.readableBytes > maxResponseBytes {
                    throw TransportError.responseTooLarge(limit: maxResponseBytes)
                }
                var chunk = chunk
                collected.writeBuffer(&chunk)
            }
            var fields = HTTPFields()
            for header in response.headers {
                if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
            }
            return (HTTPResponse(status: HTTPResponse.Status(code: Int(response.status.code)), headerFields: fields), Data(collected.readableBytesView))
        } catch let error as TransportError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw TransportError.timedOut
        } catch {
            throw TransportError.connectionFailed(String(describing: error))
        }
    }
}
