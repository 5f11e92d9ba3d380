import Foundation
import Logging

/// When the client checks values against the spec's constraints.
public struct ValidationOptions: Sendable {
    /// What to do when a response breaks the spec.
    public enum ResponseMode: String, Sendable {
        /// Do not validate responses (the default: servers may be ahead of the spec).
        case off
        /// Report violations (to ``ClientConfiguration/warningHandler``, else as a warning of
        /// ``ClientConfiguration/logger``) and return the value.
        case warn
        /// Throw ``APIClientError/responseValidation(status:_:)``.
        case strict
    }

    /// Validate parameters and bodies before sending (on by default: a request the server would
    /// reject fails early, with every violation listed).
    public var validatesRequests: Bool
    public var responses: ResponseMode

    public init(validatesRequests: Bool = true, responses: ResponseMode = .off) {
        self.validatesRequests = validatesRequests
        self.responses = responses
    }
}

/// Waits for a duration; injected so that tests observe retry and polling waits without real time.
public typealias Sleeper = @Sendable (Duration) async throws -> Void

/// Everything a generated client needs to talk to a server.
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    public var baseURL: URL
    /// The bearer token of a spec whose security is one bearer scheme (HTTP bearer, OAuth 2,
    /// OpenID Connect): sent as `Authorization: Bearer …` where no ``credentials`` entry names the
    /// scheme; never printed.
    public var apiKey: APIKey?
    /// Credentials by security scheme name (the keys of the spec's `securitySchemes`); never printed.
    public var credentials: [String: Credential] = [:]
    public var transport: any HTTPTransport
    /// The time one attempt may take, response body included.
    public var timeout: Duration
    public var userAgent: String
    public var retryPolicy: RetryPolicy
    public var validation: ValidationOptions
    /// Receives response-validation warnings in ``ValidationOptions/ResponseMode/warn`` mode;
    /// when `nil` (the default) they are warnings of ``logger``.
    public var warningHandler: (@Sendable (String) -> Void)?
    /// Where the runtime logs: response-validation warnings, and the requests and responses of
    /// ``LoggingMiddleware``. By default it discards everything: a library writes nothing to
    /// stderr unless the app says so (pass a `Logger` of the app's logging backend).
    public var logger: Logger
    public var sleeper: Sleeper
    /// The clock polling compares `estimatedCompletion` and timeouts against.
    public var now: @Sendable () -> Date
    /// Whether an operation the spec serves from its own `servers` entry goes there (a relative
    /// one against ``baseURL``); `false` sends every operation to ``baseURL`` (a test server, a proxy).
    public var usesOperationServers = true
    /// The chain each attempt passes through before the transport, first to last (logging,
    /// request IDs, headers of your own; see ``HTTPMiddleware``).
    public var middlewares: [any HTTPMiddleware] = []

    public init(
        baseURL: URL,
        apiKey: APIKey? = nil,
        transport: any HTTPTransport = URLSessionHTTPTransport(),
        timeout: Duration = .seconds(60),
        userAgent: String = "spec-codegen-swift/\(SpecRuntimeVersion.release)",
        retryPolicy: RetryPolicy = RetryPolicy(),
        validation: ValidationOptions = ValidationOptions(),
        warningHandler: (@Sendable (String) -> Void)? = nil,
        logger: Logger = Logger(label: "spec-codegen-swift", factory: { _ in SwiftLogNoOpLogHandler() }),
        sleeper: @escaping Sleeper = { duration in try await Task.sleep(for: duration) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.transport = transport
        self.timeout = timeout
        self.userAgent = userAgent
        self.retryPolicy = retryPolicy
        self.validation = validation
        self.warningHandler = warningHandler
        self.logger = logger
        self.sleeper = sleeper
        self.now = now
    }

    /// Every credential value known up front, removed from body excerpts in errors.
    var secretValues: [String] {
        var values = [apiKey?.value].compactMap { $0 }
        for credential in credentials.values {
            switch credential {
            case .secret(let key): values.append(key.value)
            case .basic(_, let password): values.append(password.value)
            case .tokenProvider: break
            }
        }
        return values
    }

    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL), apiKey: \(apiKey == nil ? "none" : "redacted"), timeout: \(timeout), retries: \(retryPolicy.maxAttempts) attempts)"
    }
}
