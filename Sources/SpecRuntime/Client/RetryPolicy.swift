import Foundation

/// When and how long to wait before trying a request again.
///
/// Retried: 429 (honouring `Retry-After`, capped by ``maxRetryAfter``), 500, 502, 503, 504, and
/// connection failures, with exponential backoff and full jitter. A request whose method is not
/// idempotent (POST, PATCH) is retried only when it carries an idempotency key.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; `1` disables retries.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more gets this.
    public var maxRetryAfter: Duration
    public var retryableStatuses: Set<Int>
    /// A number in `0..<1`; injected for deterministic tests.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(60),
        retryableStatuses: Set<Int> = [429, 500, 502, 503, 504],
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
        self.random = random
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1` (attempts count from 1), given the server's `Retry-After`.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxRetryAfter) }
        let exponential = baseDelay * Int(min(1 << min(attempt - 1, 30), Int(Int32.max)))
        let ceiling = min(exponential, maxDelay)
        return ceiling * random()
    }

    /// `Retry-After` as delta-seconds or an HTTP date, relative to `now`.
    public static func parseRetryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000)))
    }
}
