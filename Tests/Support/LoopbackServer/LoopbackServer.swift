import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests of clients over real
/// sockets. It answers each request with what `respond` returns for it and records the requests.
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

    /// What to answer.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data
        /// Wait this long before answering (a stalled server when longer than the client's timeout).
        public var delay: Duration

        public init(status: Int, headers: [(name: String, value: String)] = [("Content-Type", "application/json")], body: Data = Data(), delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public init(status: Int, json: String, headers: [(name: String, value: String)] = [], delay: Duration = .zero) {
            self.init(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(json.utf8), delay: delay)
        }
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel?
    private let lock = NSLock()
    private var received: [Request] = []
    private let respond: @Sendable (Request, Int) -> Reply

    /// Starts the server; `respond` gets each request and its index (0 for the first).
    public init(respond: @escaping @Sendable (Request, Int) -> Reply) async throws {
        self.respond = respond
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [unowned self] channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(channel?.localAddress?.port ?? 0)")!
    }

    public var requests: [Request] {
        lock.withLock { received }
    }

    public func shutdown() async throws {
        try await channel?.close()
        try await group.shutdownGracefully()
    }

    fileprivate func reply(to request: Request) -> Reply {
        let index = lock.withLock {
            received.append(request)
            return received.count - 1
        }
        return respond(request, index)
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let server: LoopbackServer
        private var head: HTTPRequestHead?
        private var body = Data()

        init(server: LoopbackServer) {
            self.server = server
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = Data()
            case .body(let buffer):
                body.append(contentsOf: buffer.readableBytesView)
            case .end:
                guard let head else { return }
                let request = Request(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
                let reply = server.reply(to: request)
                let write = { [self] in
                    var headers = HTTPHeaders(reply.headers.map { ($0.name, $0.value) })
                    headers.replaceOrAdd(name: "Content-Length", value: String(reply.body.count))
                    context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers))), promise: nil)
                    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
                if reply.delay > .zero {
                    let nanoseconds = reply.delay.components.seconds * 1_000_000_000 + reply.delay.components.attoseconds / 1_000_000_000
                    context.eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) { write() }
                } else {
                    write()
                }
            }
        }
    }
}
