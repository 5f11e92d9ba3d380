import Foundation

/// A body that travels in chunks, for bodies too large to hold in memory: a file upload read
/// as it is sent, a download handed over as it arrives. It is iterated once: a second
/// iteration sees no more chunks.
public struct ByteStream: AsyncSequence, Sendable {
    public typealias Element = Data

    /// The whole length in bytes, when known beforehand (sent as `Content-Length`).
    public let length: Int?
    private let chunks: AsyncThrowingStream<Data, any Error>

    /// A stream of `chunks`; `length`, when given, must be their total size.
    public init(length: Int? = nil, _ chunks: AsyncThrowingStream<Data, any Error>) {
        self.length = length
        self.chunks = chunks
    }

    /// The chunks of any sequence, pulled one at a time as the stream is read (no buffering).
    public init<Chunks: AsyncSequence & Sendable>(length: Int? = nil, chunksOf sequence: Chunks) where Chunks.Element == Data {
        let source = PullSource(sequence)
        self.init(length: length, AsyncThrowingStream(unfolding: { try await source.next() }))
    }

    /// One chunk holding `data`.
    public init(_ data: Data) {
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        if !data.isEmpty { continuation.yield(data) }
        continuation.finish()
        self.init(length: data.count, stream)
    }

    /// The contents of a file, read `chunkSize` bytes at a time as the stream is consumed.
    public static func contentsOfFile(at url: URL, chunkSize: Int = 64 << 10) throws -> ByteStream {
        let handle = try FileHandle(forReadingFrom: url)
        let length = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        let reader = FileChunks(handle: handle, chunkSize: Swift.max(1, chunkSize))
        return ByteStream(length: Int(length), AsyncThrowingStream(unfolding: { try reader.next() }))
    }

    public func makeAsyncIterator() -> AsyncThrowingStream<Data, any Error>.AsyncIterator {
        chunks.makeAsyncIterator()
    }

    /// Every chunk joined; throws ``TransportError/responseTooLarge(limit:)`` past `limit` bytes.
    public func collected(upTo limit: Int) async throws -> Data {
        var result = Data()
        for try await chunk in self {
            guard result.count + chunk.count <= limit else { throw TransportError.responseTooLarge(limit: limit) }
            result.append(chunk)
        }
        return result
    }
}

/// Pulls the chunks of a sequence one at a time for a stream's single consumer.
private final class PullSource<Chunks: AsyncSequence & Sendable>: @unchecked Sendable where Chunks.Element == Data {
    private var iterator: Chunks.AsyncIterator

    init(_ sequence: Chunks) { iterator = sequence.makeAsyncIterator() }

    func next() async throws -> Data? { try await iterator.next() }
}

/// Reads a file in chunks for a stream's single consumer; closes it at the end.
private final class FileChunks: @unchecked Sendable {
    private let handle: FileHandle
    private let chunkSize: Int
    private var isClosed = false

    init(handle: FileHandle, chunkSize: Int) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    func next() throws -> Data? {
        guard !isClosed else { return nil }
        if let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty { return chunk }
        isClosed = true
        try handle.close()
        return nil
    }

    deinit {
        if !isClosed { try? handle.close() }
    }
}
