import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests of clients over real
/// sockets. It answers each request with what `respond` returns for it (see ``Reply``, which can
/// also misbehave: stall, close mid-body, stream a large body) and records the requests.
public final class LoopbackServer: @unchecked Sendable {
    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: [(name: String, value: String)]
        public var body: Data

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel?
    private let lock = NSLock()
    private var received: [Request] = []
    private var bodyBytes = 0
    private var finished = 0
    private let respond: @Sendable (Request, Int) -> Reply

    /// Starts the server; `respond` gets each request and its index (0 for the first).
    public init(respond: @escaping @Sendable (Request, Int) -> Reply) async throws {
        self.respond = respond
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [unowned self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ReplyHandler(server: self))
                }
            }
        channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(channel?.localAddress?.port ?? 0)")!
    }

    /// The requests received so far, in order.
    public var requests: [Request] {
        lock.withLock { received }
    }

    /// Body bytes handed to the socket so far, over all replies.
    public var bodyBytesWritten: Int {
        lock.withLock { bodyBytes }
    }

    /// Replies written to the end (a reply cut short by the client or by its ``Reply/Ending`` does not count).
    public var completedReplies: Int {
        lock.withLock { finished }
    }

    /// Closes the listening socket and every connection.
    public func shutdown() async throws {
        try await channel?.close()
        try await group.shutdownGracefully()
    }

    func reply(to request: Request) -> Reply {
        let index = lock.withLock {
            received.append(request)
            return received.count - 1
        }
        return respond(request, index)
    }

    func noteWritten(bodyBytes count: Int) {
        lock.withLock { bodyBytes += count }
    }

    func noteCompleted() {
        lock.withLock { finished += 1 }
    }
}
