import Foundation
import HTTPTypes

/// A response whose body is handed over as it arrives.
@_spi(Generated) public struct StreamingResponse<Envelope: Sendable>: Sendable {
    public var status: HTTPResponse.Status
    public var headerFields: HTTPFields
    public var body: ByteStream
}

extension APIClient {
    /// How much of a streamed response is read when it must be held whole (an error body).
    public static let collectedBodyLimit = 1 << 20

    /// Sends a request with a body read as it goes (`nil` for none) and returns once the
    /// response head has arrived. One attempt: a streamed body cannot be sent again, so there
    /// are no retries. The configured timeout bounds the wait for the head; the body is read at
    /// the caller's pace.
    @_spi(Generated) public func sendStreaming<Envelope>(_ operation: OperationRequest<Envelope>, body: ByteStream?) async throws(APIClientError<Envelope>)
        -> StreamingResponse<
            Envelope
        >
    {
        var operation = operation
        let (request, baseURL) = try await prepare(&operation)
        if Task.isCancelled { throw .cancelled }
        let configuration = configuration
        var withLength = request
        if let length = body?.length { withLength.headerFields[.contentLength] = String(length) }
        let streamedRequest = withLength
        let (response, received): (HTTPResponse, ByteStream) = try await Self.mappingFailures(as: Envelope.self) { () async throws in
            try await Self.within(configuration.timeout) {
                try await configuration.transport.send(streamedRequest, streaming: body, baseURL: baseURL, timeout: configuration.timeout)
            }
        }
        return StreamingResponse(status: response.status, headerFields: response.headerFields, body: received)
    }

    /// A streamed response read whole (up to ``collectedBodyLimit``), for the statuses whose body
    /// is decoded: errors, and success bodies that are not bytes.
    @_spi(Generated) public func collected<Envelope>(_ response: StreamingResponse<Envelope>) async throws(APIClientError<Envelope>) -> OperationResponse<
        Envelope
    > {
        let body: Data = try await Self.mappingFailures(as: Envelope.self) { () async throws in try await response.body.collected(upTo: Self.collectedBodyLimit)
        }
        return OperationResponse(status: response.status, headerFields: response.headerFields, body: body)
    }

    /// The head of a response with no body read: what documented headers are read from.
    @_spi(Generated) public func head<Envelope>(of response: StreamingResponse<Envelope>) -> OperationResponse<Envelope> {
        OperationResponse(status: response.status, headerFields: response.headerFields, body: Data())
    }
}
