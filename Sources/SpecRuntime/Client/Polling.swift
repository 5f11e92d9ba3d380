import Foundation

/// How a generated `waitFor…` method polls.
public struct PollingOptions: Sendable {
    /// The first interval between polls, once any `estimatedCompletion` has passed.
    public var initialInterval: Duration
    public var multiplier: Double
    public var maxInterval: Duration
    /// The longest wait for `estimatedCompletion`, however far the server says it is.
    public var maxInitialDelay: Duration
    /// The whole wait, polls included.
    public var timeout: Duration

    public init(
        initialInterval: Duration = .seconds(1), multiplier: Double = 1.5, maxInterval: Duration = .seconds(10),
        maxInitialDelay: Duration = .seconds(60), timeout: Duration = .seconds(300)
    ) {
        self.initialInterval = initialInterval
        self.multiplier = multiplier
        self.maxInterval = maxInterval
        self.maxInitialDelay = maxInitialDelay
        self.timeout = timeout
    }
}

extension APIClient {
    /// Calls `fetch` until `isTerminal` holds: first waits until `estimatedCompletion` (when in
    /// the future, capped), then polls with backoff. Time is the configuration's clock and sleeper.
    public func poll<Value, Envelope>(
        until estimatedCompletion: Date?,
        options: PollingOptions,
        fetch: () async throws(APIClientError<Envelope>) -> Value,
        isTerminal: (Value) -> Bool
    ) async throws(APIClientError<Envelope>) -> Value {
        // The timeout bounds the whole wait: time asleep and time in requests, by the
        // configuration's clock (which tests may replace; then the sleeps are what count).
        let start = configuration.now()
        var slept = Duration.zero
        var elapsed: Duration {
            let wall = configuration.now().timeIntervalSince(start)
            let wallDuration = Duration.milliseconds(Int64((max(0, wall) * 1000).rounded(.up)))
            return max(slept, wallDuration)
        }
        func sleep(_ duration: Duration) async throws(APIClientError<Envelope>) {
            guard duration > .zero else { return }
            do {
                try await configuration.sleeper(duration)
            } catch {
                throw .cancelled
            }
            slept += duration
        }
        if let estimatedCompletion {
            let seconds = estimatedCompletion.timeIntervalSince(configuration.now())
            if seconds > 0 {
                try await sleep(min(.milliseconds(Int64(seconds * 1000)), options.maxInitialDelay, options.timeout))
            }
        }
        var interval = options.initialInterval
        while true {
            if Task.isCancelled { throw .cancelled }
            let value = try await fetch()
            if isTerminal(value) { return value }
            let spent = elapsed
            if spent >= options.timeout { throw .pollingTimedOut(after: options.timeout) }
            try await sleep(min(interval, options.timeout - spent))
            interval = min(interval * options.multiplier, options.maxInterval)
        }
    }
}
