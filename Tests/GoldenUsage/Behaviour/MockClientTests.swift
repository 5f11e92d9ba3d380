import Foundation
import GoldenClientPollingWebhooks
import HTTPTypes
import SpecRuntime
import Testing

/// App code depends on the generated `…ClientProtocol`, so that a test can hand it a mock.
@Suite struct MockClientTests {
    /// A mock of the client: canned answers, no network.
    struct CannedJobs: JobsClientProtocol {
        let jobs: [Job]

        func getLabels(ids: [String], xTags: [String], xPages: [Int]?) async throws(APIClientError<JSONValue>) {}
        func checkHealth() async throws(APIClientError<JSONValue>) {}
        func listJobs(state: [State], limit: Int?, xTrace: String?) async throws(APIClientError<JSONValue>) -> [Job] {
            Array(jobs.filter { state.contains($0.state) }.prefix(limit ?? .max))
        }
        func startJob(idempotencyKey: String?, body: StartJobRequest) async throws(APIClientError<Problem>) -> Job {
            throw .cancelled
        }
        func getJob(jobID: String) async throws(APIClientError<Problem>) -> Job {
            guard let job = jobs.first(where: { $0.id == jobID }) else { throw .cancelled }
            return job
        }
        func cancelJob(jobID: String) async throws(APIClientError<JSONValue>) {}
    }

    /// App code written against the protocol, as a view model would be.
    static func doneJobIDs(from jobs: some JobsClientProtocol) async throws -> [String] {
        try await jobs.listJobs(state: [.done], limit: 10, xTrace: nil).map(\.id)
    }

    @Test func appCodeWrittenAgainstTheProtocolRunsOnAMock() async throws {
        let decoded = try JSONCoding.makeDecoder().decode(
            [Job].self, from: Data(#"[{"id": "job_1", "state": "done"}, {"id": "job_2", "state": "queued"}]"#.utf8))
        #expect(try await Self.doneJobIDs(from: CannedJobs(jobs: decoded)) == ["job_1"])
    }

    @Test func theSameAppCodeRunsOnTheGeneratedClientThroughTheProtocol() async throws {
        let configuration = ClientConfiguration(
            baseURL: try #require(URL(string: "https://jobs.example")),
            transport: BodyCheckTests.FixedTransport(body: #"[{"id": "job_3", "state": "done"}]"#))
        #expect(try await Self.doneJobIDs(from: JobsClient(configuration: configuration)) == ["job_3"])
    }
}
