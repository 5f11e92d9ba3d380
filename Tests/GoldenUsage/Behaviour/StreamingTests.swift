import Foundation
import GoldenBodiesAndMedia
import LoopbackServer
import SpecRuntime
import SpecRuntimeAsyncHTTPClient
import Testing

/// The `…Streaming` variants of operations with binary bodies: an upload read from a file as it
/// is sent, a download handed over chunk by chunk as it arrives.
@Suite struct StreamingTests {
    static func client(_ server: LoopbackServer, transport: any HTTPTransport) -> MediaClient {
        var configuration = ClientConfiguration(baseURL: server.baseURL, transport: transport)
        configuration.credentials = ["keyHeader": .secret(APIKey("hk_1"))]
        return MediaClient(configuration: configuration)
    }

    @Test func aDownloadLargerThanTheBufferedLimitArrivesInChunks() async throws {
        let chunk = Data((0..<(64 << 10)).map { UInt8(truncatingIfNeeded: $0) })
        let server = try await LoopbackServer { _, _ in
            LoopbackServer.Reply(
                status: 200, headers: [("Content-Type", "image/png"), ("X-Checksum", "c1")],
                content: .repeated(chunk, count: 64, declaresLength: false))
        }
        // 4 MiB against a 1 MiB buffer: the buffered method refuses it, the streaming one does not.
        let client = Self.client(server, transport: AsyncHTTPClientHTTPTransport(maxResponseBytes: 1 << 20))
        await #expect(throws: APIClientError<JSONValue>.self) { _ = try await client.getImagesByID(imageID: "i") }
        let response = try await client.getImagesByIDStreaming(imageID: "i")
        #expect(response.headers.checksum == "c1")
        var total = 0
        var chunks = 0
        var mismatches = 0
        for try await part in response.body {
            for (offset, byte) in part.enumerated() where byte != UInt8(truncatingIfNeeded: (total + offset) % (64 << 10)) { mismatches += 1 }
            total += part.count
            chunks += 1
        }
        #expect(total == 64 << 16)
        #expect(mismatches == 0)
        #expect(chunks > 1, "handed over as it arrived, not as one buffer")
        try await server.shutdown()
    }

    @Test func anUploadIsReadFromAFileAsItIsSentWithItsLength() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin")
        let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 201, json: #"{"id": "img_1"}"#) }
        let client = Self.client(server, transport: AsyncHTTPClientHTTPTransport())
        let receipt = try await client.uploadImageStreaming(body: try .contentsOfFile(at: file, chunkSize: 100_000), contentType: "image/jpeg")
        #expect(receipt.id == "img_1")
        let request = try #require(server.requests.first)
        #expect(request.body == bytes)
        #expect(request.header("Content-Length") == String(bytes.count))
        #expect(request.header("Content-Type") == "image/jpeg")
        try await server.shutdown()
    }

    @Test func aTransportThatCannotStreamStillServesTheStreamingMethodsWhole() async throws {
        let server = try await LoopbackServer { request, _ in
            LoopbackServer.Reply(status: 201, json: #"{"id": "\#(request.body.count)"}"#)
        }
        let client = Self.client(server, transport: URLSessionHTTPTransport())
        let receipt = try await client.uploadImageStreaming(body: ByteStream(Data("abc".utf8)))
        #expect(receipt.id == "3")
        try await server.shutdown()
    }

    @Test func anErrorStatusOfAStreamedCallIsReadWholeAndReportedAsUsual() async throws {
        let server = try await LoopbackServer { _, _ in LoopbackServer.Reply(status: 404, json: #"{"title": "gone"}"#) }
        let client = Self.client(server, transport: AsyncHTTPClientHTTPTransport())
        do {
            _ = try await client.getImagesByIDStreaming(imageID: "i")
            Issue.record("expected an undocumented status")
        } catch {
            guard case .undocumentedStatus(let status, let excerpt) = error else {
                Issue.record("expected .undocumentedStatus, got \(error)")
                return
            }
            #expect(status.code == 404)
            #expect(excerpt.contains("gone"))
        }
        try await server.shutdown()
    }
}
