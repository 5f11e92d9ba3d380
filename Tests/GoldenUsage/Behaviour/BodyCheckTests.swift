import Foundation
@_spi(Contract) import GoldenClientPollingWebhooks
import HTTPTypes
import SpecRuntime
import Testing

/// Bodies whose Swift type does not validate itself (a top-level array of models, an array of
/// strings) are still checked against their schema, by the client and by contract codecs.
@Suite struct BodyCheckTests {
    /// Answers every request with one JSON body.
    struct FixedTransport: HTTPTransport {
        var body: String

        func send(_ request: HTTPRequest, body _: Data?, baseURL _: URL, timeout _: Duration) async throws -> (HTTPResponse, Data) {
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return (HTTPResponse(status: .ok, headerFields: fields), Data(body.utf8))
        }
    }

    static func client(answering body: String) throws -> JobsClient {
        JobsClient(
            configuration: ClientConfiguration(
                baseURL: try #require(URL(string: "https://jobs.example")), transport: FixedTransport(body: body),
                validation: ValidationOptions(responses: .strict)))
    }

    @Test func anElementOfATopLevelArrayResponseThatBreaksItsSchemaIsAResponseViolationAtItsIndex() async throws {
        let client = try Self.client(answering: #"[{"id": "job_1", "state": "done"}, {"id": "", "state": "queued"}]"#)
        do {
            _ = try await client.listJobs(state: [.done])
            Issue.record("expected a response validation error")
        } catch {
            guard case .responseValidation(_, let validation) = error else {
                Issue.record("expected a response validation error, got \(error)")
                return
            }
            #expect(validation.violations.map(\.description) == [#"/1/id: minLength 1 violated by "" (length 0)"#])
        }
    }

    @Test func aValidTopLevelArrayResponseDecodes() async throws {
        let client = try Self.client(answering: #"[{"id": "job_1", "state": "done"}]"#)
        let jobs = try await client.listJobs(state: [.done])
        #expect(jobs.map(\.id) == ["job_1"])
    }

    @Test func aContractCodecOfAnArrayPayloadChecksItsKeywords() throws {
        let codec = try #require(JobsWebhooks.contractEvents["jobs.removed"])
        #expect(codec.roundTrip(Data(#"["job_1"]"#.utf8)).violations.isEmpty)
        #expect(codec.roundTrip(Data("[]".utf8)).violations.map(\.keyword) == ["minItems"])
        #expect(codec.roundTrip(Data(#"["job_1", "nope"]"#.utf8)).violations.map(\.pointer.description) == ["/1"])
    }
}
