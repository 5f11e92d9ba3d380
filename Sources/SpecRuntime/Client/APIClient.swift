import Foundation
import HTTPTypes

/// The engine under every generated client: adds authentication and the user agent, sends
/// through the transport with retries, and turns responses into values or typed errors.
public struct APIClient: Sendable, CustomStringConvertible {
    public let configuration: ClientConfiguration
    /// Where a response's request ID and rate-limit state are read from (the spec's names).
    public let responseHeaderNames: ResponseHeaderNames

    @_spi(Generated) public init(configuration: ClientConfiguration, responseHeaderNames: ResponseHeaderNames = .none) {
        self.configuration = configuration
        self.responseHeaderNames = responseHeaderNames
    }

    public var description: String { "APIClient(\(configuration))" }

    /// Sends a request, retrying as ``RetryPolicy`` allows. Returns the last response, whatever
    /// its status; throws only when no response could be had.
    @_spi(Generated) public func send<Envelope>(_ operation: OperationRequest<Envelope>) async throws(APIClientError<Envelope>) -> OperationResponse<Envelope> {
        var operation = operation
        let (request, baseURL) = try await prepare(&operation)
        let policy = configuration.retryPolicy
        let mayRetry = Self.isIdempotent(operation.method) || operation.idempotencyKeyHeader != nil
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled }
            do {
                let (response, body) = try await exchange(request, body: operation.body, baseURL: baseURL, operationID: operation.operationID)
                let code = response.status.code
                guard mayRetry, attempt < policy.maxAttempts, policy.retryableStatuses.contains(code) else {
                    return OperationResponse(status: response.status, headerFields: response.headerFields, body: body)
                }
                let retryAfter =
                    code == 429 || code == 503
                    ? RetryPolicy.parseRetryAfter(response.headerFields[.retryAfter], now: configuration.now()) : nil
                try await wait(policy.delay(afterAttempt: attempt, retryAfter: retryAfter), as: Envelope.self)
            } catch let error as APIClientError<Envelope> {
                throw error
            } catch is CancellationError {
                throw .cancelled
            } catch let error as TransportError {
                guard mayRetry, attempt < policy.maxAttempts, Self.isRetryable(error) else { throw Self.clientError(error) }
                try await wait(policy.delay(afterAttempt: attempt, retryAfter: nil), as: Envelope.self)
            } catch {
                throw .transport(String(describing: error))
            }
            attempt += 1
        }
    }

    /// The HTTP request of an operation, with its idempotency key, credentials, user agent and
    /// `Accept`, and the base URL it goes to.
    func prepare<Envelope>(_ operation: inout OperationRequest<Envelope>) async throws(APIClientError<Envelope>) -> (HTTPRequest, URL) {
        if let header = operation.idempotencyKeyHeader, let name = HTTPField.Name(header), operation.headerFields[name] == nil {
            // One key per logical call, reused on every attempt.
            operation.headerFields[name] = UUID().uuidString.lowercased()
        }
        try await authenticate(&operation)
        let baseURL = serverURL(of: operation)
        var request = HTTPRequest(method: operation.method, scheme: baseURL.scheme, authority: baseURL.host, path: operation.pathAndQuery)
        request.headerFields = operation.headerFields
        request.headerFields[.userAgent] = configuration.userAgent
        request.headerFields[.accept] = operation.headerFields[.accept] ?? "application/json"
        return (request, baseURL)
    }

    /// Where an operation is sent: its own server when it has one (and the configuration uses
    /// them), resolved against the base URL; otherwise the base URL.
    func serverURL<Envelope>(of operation: OperationRequest<Envelope>) -> URL {
        guard configuration.usesOperationServers, let server = operation.server,
            let url = URL(string: server, relativeTo: configuration.baseURL)?.absoluteURL
        else { return configuration.baseURL }
        return url
    }

    /// One attempt through the middlewares and the transport, bounded as a whole (body included)
    /// by the configured timeout whatever the transport does with it: a server that trickles its
    /// body never idles long enough for an inactivity timeout, and some transports time only the
    /// response head.
    private func exchange(_ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, Data) {
        let client = self
        return try await Self.within(configuration.timeout) {
            try await client.sendThroughMiddlewares(request, body: body, baseURL: baseURL, operationID: operationID)
        }
    }

    /// `work`'s result, or ``TransportError/timedOut`` once `timeout` has passed (no bound when
    /// it is zero). Leaving the race cancels the loser and waits for it; transports end on
    /// cancellation.
    static func within<Result: Sendable>(_ timeout: Duration, _ work: @escaping @Sendable () async throws -> Result) async throws -> Result {
        guard timeout > .zero else { return try await work() }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else { throw TransportError.timedOut }
            return result
        }
    }

    /// `work`'s result, its failures as the client's errors.
    static func mappingFailures<Envelope, Result>(as _: Envelope.Type, _ work: () async throws -> Result) async throws(APIClientError<Envelope>) -> Result {
        do {
            return try await work()
        } catch let error as TransportError {
            throw clientError(error)
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transport(String(describing: error))
        }
    }

    private func wait<Envelope>(_ duration: Duration, as _: Envelope.Type) async throws(APIClientError<Envelope>) {
        do {
            try await configuration.sleeper(duration)
        } catch {
            throw .cancelled
        }
        if Task.isCancelled { throw .cancelled }
    }

    static func isIdempotent(_ method: HTTPRequest.Method) -> Bool {
        method != .post && method != .patch
    }

    static func isRetryable(_ error: TransportError) -> Bool {
        switch error {
        case .connectionFailed, .timedOut: true
        case .responseTooLarge, .invalidResponse: false
        }
    }

    static func clientError<Envelope>(_ error: TransportError) -> APIClientError<Envelope> {
        switch error {
        case .timedOut: .timedOut
        case .responseTooLarge(let limit): .responseTooLarge(limit: limit)
        default: .transport(error.description)
        }
    }

    /// Decodes a success body and validates it as ``ValidationOptions/responses`` says: by `check`
    /// where the body's type does not validate itself.
    @_spi(Generated) public func decodeSuccess<Value: Decodable, Envelope>(
        _ type: Value.Type, from response: OperationResponse<Envelope>, checkedBy check: BodyCheck<Value>? = nil
    ) throws(APIClientError<Envelope>) -> Value {
        let value: Value = try decode(type, from: response)
        guard configuration.validation.responses != .off else { return value }
        try checkResponse(ValidationContext.violations(of: value, checkedBy: check), of: response)
        return value
    }

    /// A text success body (UTF-8), validated by `check` as ``ValidationOptions/responses`` says.
    @_spi(Generated) public func decodeText<Envelope>(
        from response: OperationResponse<Envelope>, checkedBy check: BodyCheck<String>? = nil
    ) throws(APIClientError<Envelope>) -> String {
        guard let text = String(data: response.body, encoding: .utf8) else {
            throw .malformedResponse(response.status, bodyExcerpt: excerpt(response.body), reason: "the body is not UTF-8 text")
        }
        if configuration.validation.responses != .off, let check {
            try checkResponse(ValidationContext.violations(of: text, checkedBy: check), of: response)
        }
        return text
    }

    /// A success body already read (text or bytes) with the documented headers, validated as
    /// ``ValidationOptions/responses`` says.
    @_spi(Generated) public func typedSuccess<Value: Sendable, Headers: ResponseHeaders, Envelope>(
        _ value: Value, headers: Headers.Type, from response: OperationResponse<Envelope>
    ) throws(APIClientError<Envelope>) -> TypedResponse<Value, Headers> {
        var reader = ResponseHeaderReader(response.headerFields)
        let headers = Headers(reading: &reader)
        if configuration.validation.responses != .off {
            try checkResponse(reader.violations + headers.violations(), of: response)
        }
        return TypedResponse(status: response.status, body: value, headers: headers, headerFields: response.headerFields)
    }

    /// A binary success body, as received.
    @_spi(Generated) public func successData<Envelope>(from response: OperationResponse<Envelope>) -> Data {
        response.body
    }

    /// Decodes a success body and its documented headers, and validates both (violations in a
    /// header at `/Name`, in the header) as ``ValidationOptions/responses`` says.
    @_spi(Generated) public func decodeSuccess<Value: Decodable, Headers: ResponseHeaders, Envelope>(
        _ type: Value.Type, headers: Headers.Type, from response: OperationResponse<Envelope>, checkedBy check: BodyCheck<Value>? = nil
    ) throws(APIClientError<Envelope>) -> TypedResponse<Value, Headers> {
        let value: Value = try decode(type, from: response)
        var reader = ResponseHeaderReader(response.headerFields)
        let headers = Headers(reading: &reader)
        if configuration.validation.responses != .off {
            let bodyViolations = ValidationContext.violations(of: value, checkedBy: check)
            try checkResponse(reader.violations + headers.violations() + bodyViolations, of: response)
        }
        return TypedResponse(status: response.status, body: value, headers: headers, headerFields: response.headerFields)
    }

    /// The documented headers of a success response without a body, validated as
    /// ``ValidationOptions/responses`` says.
    @_spi(Generated) public func successHeaders<Headers: ResponseHeaders, Envelope>(
        _ headers: Headers.Type, from response: OperationResponse<Envelope>
    ) throws(APIClientError<Envelope>) -> TypedResponse<Void, Headers> {
        var reader = ResponseHeaderReader(response.headerFields)
        let headers = Headers(reading: &reader)
        if configuration.validation.responses != .off {
            try checkResponse(reader.violations + headers.violations(), of: response)
        }
        return TypedResponse(status: response.status, body: (), headers: headers, headerFields: response.headerFields)
    }

    /// Throws or warns about a response's violations, as ``ValidationOptions/responses`` says.
    private func checkResponse<Envelope>(_ violations: [Violation], of response: OperationResponse<Envelope>) throws(APIClientError<Envelope>) {
        guard !violations.isEmpty else { return }
        let status = response.status
        let error = ValidationError(violations: violations)
        if configuration.validation.responses == .strict {
            throw .responseValidation(status: status, error)
        }
        let message = "response with status \(status.code) breaks the spec: \(error)"
        if let handler = configuration.warningHandler {
            handler(message)
        } else {
            configuration.logger.warning("\(message)")
        }
    }

    /// The typed error for a documented error status; a body that is not the documented
    /// envelope gives ``APIClientError/malformedResponse(_:bodyExcerpt:reason:)``.
    @_spi(Generated) public func documentedError<Envelope: Decodable>(_ type: Envelope.Type, from response: OperationResponse<Envelope>) -> APIClientError<
        Envelope
    > {
        do {
            return apiError(try decode(type, from: response), of: response)
        } catch {
            return error
        }
    }

    /// The typed error for a documented error status whose body is text (`text/*`, XML, or a
    /// form read as text); a body that is not UTF-8 is a malformed response.
    @_spi(Generated) public func documentedTextError(from response: OperationResponse<String>) -> APIClientError<String> {
        guard let text = String(data: response.body, encoding: .utf8) else {
            return .malformedResponse(response.status, bodyExcerpt: excerpt(response.body), reason: "the body is not UTF-8 text")
        }
        return apiError(text, of: response)
    }

    /// The typed error for a documented error status whose body is bytes, as received.
    @_spi(Generated) public func documentedDataError(from response: OperationResponse<Data>) -> APIClientError<Data> {
        apiError(response.body, of: response)
    }

    private func apiError<Envelope>(_ envelope: Envelope, of response: OperationResponse<Envelope>) -> APIClientError<Envelope> {
        let fields = response.headerFields
        return .api(
            APIError(
                status: response.status, envelope: envelope, headerFields: fields,
                requestID: responseHeaderNames.value(responseHeaderNames.requestID, in: fields),
                rateLimit: RateLimitInfo(fields, names: responseHeaderNames),
                retryAfter: RetryPolicy.parseRetryAfter(fields[.retryAfter], now: configuration.now()),
                redacting: configuration.secretValues))
    }

    @_spi(Generated) public func undocumentedStatus<Envelope>(_ response: OperationResponse<Envelope>) -> APIClientError<Envelope> {
        .undocumentedStatus(response.status, bodyExcerpt: excerpt(response.body))
    }

    private func decode<Value: Decodable, Envelope>(_ type: Value.Type, from response: OperationResponse<Envelope>) throws(APIClientError<Envelope>) -> Value {
        do {
            return try JSONCoding.makeDecoder().decode(type, from: response.body)
        } catch let error as DecodingError {
            let violation = Violation(error)
            let place = violation.pointer.tokens.isEmpty ? "" : " at \(violation.pointer)"
            var reason = Self.reason(error)
            guard reason.hasPrefix("the body is not JSON") else {
                throw .malformedResponse(response.status, bodyExcerpt: excerpt(response.body), reason: "not a valid \(Value.self)\(place): \(reason)")
            }
            if String(data: response.body, encoding: .utf8) == nil {
                // The decoder says only "not valid JSON"; the excerpt shows the bad bytes as U+FFFD.
                reason = "the body is not JSON (it is not valid UTF-8)"
            }
            throw .malformedResponse(response.status, bodyExcerpt: excerpt(response.body), reason: reason + Self.contentTypeNote(response.headerFields))
        } catch {
            throw .malformedResponse(response.status, bodyExcerpt: excerpt(response.body), reason: "not JSON" + Self.contentTypeNote(response.headerFields))
        }
    }

    /// `; Content-Type is text/html` when the server labelled the body as something other than JSON.
    private static func contentTypeNote(_ fields: HTTPFields) -> String {
        guard let type = fields[.contentType], !type.isEmpty, !type.lowercased().contains("json") else { return "" }
        return "; Content-Type is \(safeExcerpt(Data(type.utf8)))"
    }

    private func excerpt(_ body: Data) -> String {
        safeExcerpt(body, redacting: configuration.secretValues)
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case .typeMismatch(let type, _): "expected \(type)"
        case .valueNotFound(let type, _): "expected \(type), found null"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "the body is not JSON (\(context.debugDescription))" : context.debugDescription
        @unknown default: "cannot decode"
        }
    }
}
