/// `x-polling` on an operation that starts a job: how to wait for the job to finish.
public struct Polling: Hashable, Sendable {
    /// The operation that reads the job's state.
    public var operationID: String
    /// Path parameters of the poll operation, each taken from a field of the starting response.
    public var parameters: [(parameter: String, responseField: String)]
    /// The field of the poll response that holds the status.
    public var statusField: String
    public var successValues: [String]
    public var failureValues: [String]
    /// A date-time field of the responses saying when the job should be done.
    public var estimatedCompletionField: String?

    public init(
        operationID: String, parameters: [(parameter: String, responseField: String)], statusField: String,
        successValues: [String], failureValues: [String], estimatedCompletionField: String?
    ) {
        self.operationID = operationID
        self.parameters = parameters
        self.statusField = statusField
        self.successValues = successValues
        self.failureValues = failureValues
        self.estimatedCompletionField = estimatedCompletionField
    }

    public static func == (lhs: Polling, rhs: Polling) -> Bool {
        lhs.operationID == rhs.operationID && lhs.parameters.map(\.parameter) == rhs.parameters.map(\.parameter)
            && lhs.parameters.map(\.responseField) == rhs.parameters.map(\.responseField)
            && lhs.statusField == rhs.statusField && lhs.successValues == rhs.successValues
            && lhs.failureValues == rhs.failureValues && lhs.estimatedCompletionField == rhs.estimatedCompletionField
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(operationID)
        hasher.combine(statusField)
    }
}

/// `x-webhook-signature` at the document root: the signing scheme of webhook deliveries, in
/// terms general enough for any "timestamp + HMAC of the body" scheme.
public struct WebhookSignature: Hashable, Sendable {
    public var header: String
    /// Only `hmac-sha256` is supported.
    public var algorithm: String
    /// `hex` or `base64`.
    public var encoding: String
    public var timestampKey: String
    public var signatureKey: String
    /// The signed bytes, with `{timestamp}` and `{body}` placeholders.
    public var signedPayload: String
    public var toleranceSeconds: Int

    public init(
        header: String, algorithm: String, encoding: String, timestampKey: String, signatureKey: String,
        signedPayload: String, toleranceSeconds: Int
    ) {
        self.header = header
        self.algorithm = algorithm
        self.encoding = encoding
        self.timestampKey = timestampKey
        self.signatureKey = signatureKey
        self.signedPayload = signedPayload
        self.toleranceSeconds = toleranceSeconds
    }
}
