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
public struct AsyncHTTPClientHTTPTransport: HTTPTransport {
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

    public init(client: HTTPClient = AsyncHTTPClientHTTPTransport.sharedClient, maxResponseBytes: Int = 10 << 20) {
        self.client = client
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, Data) {
        var outgoing = Self.outgoing(request, baseURL: baseURL)
        if let body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        return try await Self.mappingErrors {
            let response = try await client.execute(outgoing, timeout: Self.deadline(timeout))
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
            return (Self.head(of: response), Data(collected.readableBytesView))
        }
    }

    /// Streams both ways: the request body is read as AsyncHTTPClient sends it, and the response
    /// body is handed over chunk by chunk as it arrives (no ``maxResponseBytes`` limit: the
    /// caller reads at its own pace).
    public func send(_ request: HTTPRequest, streaming body: ByteStream?, baseURL: URL, timeout: Duration) async throws -> (HTTPResponse, ByteStream) {
        var outgoing = Self.outgoing(request, baseURL: baseURL)
        if let body {
            outgoing.body = .stream(body.map { ByteBuffer(bytes: $0) }, length: body.length.map { .known(Int64($0)) } ?? .unknown)
        }
        return try await Self.mappingErrors {
            let response = try await client.execute(outgoing, timeout: Self.deadline(timeout))
            let length = response.headers.first(name: "Content-Length").flatMap(Int.init)
            return (Self.head(of: response), ByteStream(length: length, chunksOf: response.body.map { Data($0.readableBytesView) }))
        }
    }

    private static func outgoing(_ request: HTTPRequest, baseURL: URL) -> HTTPClientRequest {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var outgoing = HTTPClientRequest(url: base + (request.path ?? "/"))
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        return outgoing
    }

    private static func deadline(_ timeout: Duration) -> TimeAmount {
        TimeAmount.nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
    }

    private static func head(of response: HTTPClientResponse) -> HTTPResponse {
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return HTTPResponse(status: HTTPResponse.Status(code: Int(response.status.code)), headerFields: fields)
    }

    /// Failures as ``TransportError``s (cancellation stays cancellation).
    private static func mappingErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
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
