import Conformance
import Foundation
@_spi(Contract) import KallglotAPI
import OpenAPIModel
import SpecRuntime

/// Any bytes as a recording: the archive reader refuses what is not HAR with a reason, and the
/// conformance checks of the project's spec run on what is, each case ending in a verdict.
enum HARArchiveTarget {
    /// The suite over `spec/openapi.yaml`, loaded once; `nil` when the spec cannot be read.
    static let suite: ConformanceSuite? = {
        let result = SpecLoader.load(contentsOf: Repository.root.appendingPathComponent("spec/openapi.yaml").path)
        guard let document = result.document, !result.hasErrors else { return nil }
        return ConformanceSuite(
            document: document, operations: KallglotAnalysisClient.contractOperations,
            webhookEvents: KallglotAnalysisWebhooks.contractEvents,
            webhookSecret: WebhookSecret("whsec_test_kallglot_fixture_secret"))
    }()

    static func run(_ input: Data) throws(FuzzFinding) {
        guard let suite else { throw FuzzFinding("spec/openapi.yaml does not load; run from a checkout of the repository") }
        let cases = Blocking.run { await suite.check(contents: input, named: "fuzz.har") }
        if cases.isEmpty { throw FuzzFinding("a recording gave no case at all") }
        for failed in cases.flatMap(\.failures) where failed.message.isEmpty {
            throw FuzzFinding("\(failed.exchange): \(failed.check) failed without a message")
        }
    }
}

/// Runs async work to completion from synchronous code (libFuzzer's callback is synchronous).
enum Blocking {
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }

    static func run<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let box = Box<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        guard let value = box.value else { preconditionFailure("the task signalled before storing its value") }
        return value
    }
}
