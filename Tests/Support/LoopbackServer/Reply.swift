import Foundation

extension LoopbackServer {
    /// What to answer: a status, headers, and a body that may misbehave.
    public struct Reply: Sendable {
        /// How the body is sent. `Content-Length` is set by the server (or left out for a
        /// chunked body), replacing any the headers give.
        public enum Body: Sendable {
            /// All of it, with its true length.
            case bytes(Data)
            /// `Content-Length: declaredLength`, then `prefix`, then `ending` instead of the rest.
            case partial(Data, declaredLength: Int, then: Ending)
            /// `chunk` written `count` times, each write once the socket took the previous one and
            /// `every` has passed (the server never holds more than one chunk). With
            /// `declaresLength`, `Content-Length` is the total; without, the body is chunked and its
            /// size is known only by reading it all.
            case repeated(Data, count: Int, declaresLength: Bool, every: Duration = .zero)
        }

        /// What a ``Body/partial(_:declaredLength:then:)`` body does after its prefix.
        public enum Ending: Sendable {
            /// Close the connection.
            case close
            /// Send nothing more, keeping the connection open.
            case stall
            /// Send one more byte of the rest every `interval`: never idle for long, slow to finish.
            case trickle(every: Duration)
        }

        public var status: Int
        public var headers: [(name: String, value: String)]
        public var content: Body
        /// Wait this long before answering (a stalled server when longer than the client's timeout).
        public var delay: Duration

        public init(status: Int, headers: [(name: String, value: String)] = [("Content-Type", "application/json")], content: Body, delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.content = content
            self.delay = delay
        }

        public init(
            status: Int, headers: [(name: String, value: String)] = [("Content-Type", "application/json")], body: Data = Data(), delay: Duration = .zero
        ) {
            self.init(status: status, headers: headers, content: .bytes(body), delay: delay)
        }

        public init(status: Int, json: String, headers: [(name: String, value: String)] = [], delay: Duration = .zero) {
            self.init(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(json.utf8), delay: delay)
        }
    }
}

extension Duration {
    /// Whole nanoseconds, for NIO's `TimeAmount`.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
