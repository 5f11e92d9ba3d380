import Foundation
import HTTPTypes

/// The engine under every generated client: adds authentication and the user agent, sends
/// through the transport with retries, and turns responses into values or typed errors.
public struct APIClient: Sendable, CustomStringConvertible {
    public let configuration: ClientConfiguration

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    public var description: String { "APIClient(\(configuration))" }

    /// Sends a request, retrying as ``RetryPolicy`` allows. Returns the last response, whatever
    /// its status; throws only when no response could be had.
    public func send<Envelope>(_ operation: OperationRequest<Envelope>) async throws(ClientError<Envelope>) -> OperationResponse<Envelope> {
        var operation = operation
        if let header = operation.idempotencyKeyHeader, let name = HTTPField.Name(header), operation.headerFields[name] == nil {
            // One key per logical call, reused on every attempt.
            operation.headerFields[name] = UUID().uuidString.lowercased()
        }
        var request = HTTPRequest(method: operation.method, scheme: configuration.baseURL.scheme, authority: configuration.baseURL.host, path: operation.pathAndQuery)
        request.headerFields = operation.headerFields
        request.headerFields[.userAgent] = configuration.userAgent
        request.headerFields[.accept] = "application/json"
        if let apiKey = configuration.apiKey {
            request.headerFields[.authorization] = "Bearer " + apiKey.value
        }
        let policy = configuration.retryPolicy
        let mayRetry = Self.isIdempotent(operation.method) || operation.idempotencyKeyHeader != nil
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled }
            do {
                let (response, body) = try await configuration.transport.send(request, body: operation.body, baseURL: configuration.baseURL, timeout: configuration.timeout)
                let code = response.status.code
                guard mayRetry, attempt < policy.maxAttempts, policy.retryableStatuses.contains(code) else {
                    return OperationResponse(status: response.status, headerFields: response.headerFields, body: body)
                }
                let retryAfter = code == 429 || code == 503
                    ? RetryPolicy.parseRetryAfter(response.headerFields[.retryAfter], now: configuration.now()) : nil
                try await wait(policy.delay(afterAttempt: attempt, retryAfter: retryAfter), as: Envelope.self)
            } catch let error as ClientError<Envelope> {
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

    private func wait<Envelope>(_ duration: Duration, as _: Envelope.Type) async throws(ClientError<Envelope>) {
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

    static func clientError<Envelope>(_ error: TransportError) -> ClientError<Envelope> {
        switch error {
        case .timedOut: .timedOut
        default: .transport(error.description)
        }
    }

    /// Decodes a success body and validates it as ``ValidationOptions/responses`` says.
    public func decodeSuccess<Value: Decodable, Envelope>(_ type: Value.Type, from response: OperationResponse<Envelope>) throws(ClientError<Envelope>) -> Value {
        let value: Value = try decode(type, from: response)
        guard configuration.validation.responses != .off, let validatable = value as? any Validatable else { return value }
        let violations = validatable.violations()
        guard !violations.isEmpty else { return value }
        let error = ValidationError(violations: violations)
        if configuration.validation.responses == .strict {
            throw .responseValidation(status: response.status, error)
        }
        configuration.warningHandler("response with status \(response.status.code) breaks the spec: \(error)")
        return value
    }

    /// The typed error for a documented error status; a body that is not the documented
    /// envelope gives ``ClientError/malformedResponse(_:bodyExcerpt:reason:)``.
    public func documentedError<Envelope: Decodable>(_ type: Envelope.Type, from response: OperationResponse<Envelope>) -> ClientError<Envelope> {
        do {
            let envelope: Envelope = try decode(type, from: response)
            let fields = response.headerFields
            return .api(APIError(
                status: response.status, envelope: envelope, headerFields: fields,
                requestID: HTTPField.Name("X-Request-ID").flatMap { fields[$0] },
                rateLimit: RateLimitInfo(fields),
                retryAfter: RetryPolicy.parseRetryAfter(fields[.retryAfter], now: configuration.now())))
        } catch {
            return error
        }
    }

    public func undocumentedStatus<Envelope>(_ response: OperationResponse<Envelope>) -> ClientError<Envelope> {
        .undocumentedStatus(response.status, bodyExcerpt: excerpt(response.body))
    }

    private func decode<Value: Decodable, Envelope>(_ type: Value.Type, from response: OperationResponse<Envelope>) throws(ClientError<Envelope>) -> Value {
        do {
            return try JSONCoding.makeDecoder().decode(type, from: response.body)
        } catch let error as DecodingError {
            let violation = Violation(error)
            let place = violation.pointer.tokens.isEmpty ? "" : " at \(violation.pointer)"
            let reason = Self.reason(error)
            throw .malformedResponse(response.status, bodyExcerpt: excerpt(response.body),
                                     reason: reason.hasPrefix("the body is not JSON") ? reason : "not a valid \(Value.self)\(place): \(reason)")
        } catch {
            throw .malformedResponse(response.status, bodyExcerpt: excerpt(response.body), reason: "not JSON")
        }
    }

    private func excerpt(_ body: Data) -> String {
        safeExcerpt(body, redacting: [configuration.apiKey?.value].compactMap { $0 })
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
