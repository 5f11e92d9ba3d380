import Foundation
import NIOCore
import NIOHTTP1

/// Reads a request, asks the server for its ``LoopbackServer/Reply`` and writes it, misbehaving
/// as the reply says. Everything here runs on the connection's event loop.
final class ReplyHandler: ChannelInboundHandler {
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
            let request = LoopbackServer.Request(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
            let reply = server.reply(to: request)
            if reply.delay > .zero {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(reply.delay.nanoseconds)) { [self] in
                    write(reply, context: bound.value)
                }
            } else {
                write(reply, context: context)
            }
        }
    }

    private func write(_ reply: LoopbackServer.Reply, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(reply.headers.map { ($0.name, $0.value) })
        headers.remove(name: "Content-Length")
        switch reply.content {
        case .bytes(let data):
            headers.add(name: "Content-Length", value: String(data.count))
        case .partial(_, let declaredLength, _):
            headers.add(name: "Content-Length", value: String(declaredLength))
        case .repeated(let chunk, let count, let declaresLength, _):
            if declaresLength { headers.add(name: "Content-Length", value: String(chunk.count * count)) }
        }
        let status = HTTPResponseStatus(statusCode: reply.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        switch reply.content {
        case .bytes(let data):
            writeBody(data, context: context)
            finish(context: context)
        case .partial(let prefix, let declaredLength, let ending):
            writeBody(prefix, context: context)
            context.flush()
            switch ending {
            case .close: context.close(promise: nil)
            case .stall: break
            case .trickle(let interval): trickle(every: interval, remaining: declaredLength - prefix.count, context: context)
            }
        case .repeated(let chunk, let count, _, let interval):
            stream(ByteBuffer(bytes: chunk), remaining: count, every: interval, context: context)
        }
    }

    private func writeBody(_ data: Data, context: ChannelHandlerContext) {
        guard !data.isEmpty else { return }
        let count = data.count
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: data))))).assumeIsolated().whenSuccess { [server] in
            server.noteWritten(bodyBytes: count)
        }
    }

    private func finish(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenSuccess { [server] in
            server.noteCompleted()
        }
    }

    /// Writes `chunk` `remaining` more times, each write after the previous one reached the socket
    /// (and `interval` passed), so that a client that stops reading stops the server too (and a
    /// closed one ends it).
    private func stream(_ chunk: ByteBuffer, remaining: Int, every interval: Duration, context: ChannelHandlerContext) {
        guard remaining > 0 else { return finish(context: context) }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).assumeIsolated().whenComplete { [self] result in
            switch result {
            case .success:
                server.noteWritten(bodyBytes: chunk.readableBytes)
                // Through the event loop rather than recursion: a write can complete at once.
                bound.value.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(interval.nanoseconds)) { [self] in
                    stream(chunk, remaining: remaining - 1, every: interval, context: bound.value)
                }
            case .failure:
                bound.value.close(promise: nil)
            }
        }
    }

    /// Sends one space every `interval` until the connection closes or the declared length is
    /// reached: never idle for long, and done only after `remaining` intervals.
    private func trickle(every interval: Duration, remaining: Int, context: ChannelHandlerContext) {
        guard remaining > 0 else { return finish(context: context) }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(interval.nanoseconds)) { [self] in
            let context = bound.value
            guard context.channel.isActive else { return }
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: " "))))).assumeIsolated().whenSuccess { [self] in
                server.noteWritten(bodyBytes: 1)
                trickle(every: interval, remaining: remaining - 1, context: bound.value)
            }
        }
    }
}
