import Conformance
import Foundation
@_spi(Contract) import KallglotAPI
import OpenAPIModel
import SpecRuntime
import Testing

/// The repository's files, found from this source file, so tests read the real spec and fixtures.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let spec = root.appendingPathComponent("spec/openapi.yaml").path
    static let fixtures = root.appendingPathComponent("spec/fixtures").path
    /// The signing secret the webhook fixtures were signed with (spec/fixtures/README.md).
    static let webhookSecret = WebhookSecret("whsec_test_kallglot_fixture_secret")

    static func suite() throws -> ConformanceSuite {
        let result = SpecLoader.load(contentsOf: spec)
        let document = try #require(result.document)
        let hasErrors = result.hasErrors
        #expect(!hasErrors)
        return ConformanceSuite(
            document: document, operations: KallglotAnalysisClient.contractOperations,
            webhookEvents: KallglotAnalysisWebhooks.contractEvents, webhookSecret: webhookSecret)
    }
}

/// Every HAR file under spec/fixtures/ is a test case: no Swift is written per fixture.
@Suite struct ContractTests {
    static let fixtureFiles = ConformanceSuite.fixtureFiles(under: Repository.fixtures)

    @Test(arguments: fixtureFiles)
    func recordedExchangeHonoursTheContract(fixture: String) async throws {
        let suite = try Repository.suite()
        let cases = await suite.check(fileAt: Repository.fixtures + "/" + fixture, named: "spec/fixtures/" + fixture)
        #expect(!cases.isEmpty)
        for failure in cases.flatMap(\.failures) {
            Issue.record(Comment(rawValue: failure.description))
        }
    }

    @Test func everyFixtureFolderIsCovered() {
        let folders = Set(Self.fixtureFiles.compactMap { $0.split(separator: "/").first.map(String.init) })
        #expect(folders == ["create", "errors", "negative", "poll", "webhooks"])
        #expect(Self.fixtureFiles.count >= 29)
    }
}

/// The suite's own behaviour: it grows with the fixtures, names broken files, and catches what
/// negative fixtures claim (so a passing run means something).
@Suite struct ConformanceSuiteBehaviourTests {
    private func copyFixtures(_ names: [String], to folder: URL) throws {
        for name in names {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Repository.fixtures + "/" + name, toPath: target.path)
        }
    }

    private func runAll(in folder: URL, suite: ConformanceSuite) async -> [ConformanceCase] {
        var cases: [ConformanceCase] = []
        for file in ConformanceSuite.fixtureFiles(under: folder.path) {
            cases += await suite.check(fileAt: folder.appendingPathComponent(file).path, named: file)
        }
        return cases
    }

    @Test func addingAFixtureAddsCasesAndABrokenOneIsReportedByNameWithoutStoppingTheOthers() async throws {
        let suite = try Repository.suite()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try copyFixtures(["create/page-example.har", "poll/failed.har"], to: folder)
        let before = await runAll(in: folder, suite: suite)
        #expect(before.count == 2)
        #expect(before.filter { !$0.passed }.isEmpty)

        try copyFixtures(["create/idempotent-retry.har"], to: folder)
        try Data("{\"log\": {\"entries\": [{\"request\": {}}]}}".utf8).write(to: folder.appendingPathComponent("poll/broken.har"))
        let after = await runAll(in: folder, suite: suite)
        #expect(after.count == 2 + 2 + 1)
        let broken = after.filter { !$0.passed }
        #expect(broken.map(\.fixture) == ["poll/broken.har"])
        #expect(broken.first?.failures.first?.description == "poll/broken.har: file: readable HAR: not a valid HAR file: log.entries[0].response is missing")
    }

    @Test func aNegativeFixtureWhoseClaimIsWrongFails() async throws {
        let suite = try Repository.suite()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOfFile: Repository.fixtures + "/negative/response-score-out-of-range.har", encoding: .utf8)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try original.replacingOccurrences(of: "\"keyword\": \"maximum\"", with: "\"keyword\": \"minimum\"")
            .write(to: folder.appendingPathComponent("wrong-claim.har"), atomically: true, encoding: .utf8)
        let cases = await runAll(in: folder, suite: suite)
        #expect(cases.count == 1)
        #expect(
            cases.first?.failures.map(\.description) == [
                "wrong-claim.har: entry 0 (GET /v1/analyses/ana_01HDEF456789012 → 200): reports exactly the stated violations: not reported: response.body /results/sentiment/overall_score minimum; reported but not stated: response.body /results/sentiment/overall_score maximum"
            ])
    }

    @Test func aPositiveFixtureThatBreaksTheContractFailsWithOneLinePerCheck() async throws {
        let suite = try Repository.suite()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOfFile: Repository.fixtures + "/poll/queued.har", encoding: .utf8)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try original.replacingOccurrences(of: "\\\"status\\\": \\\"queued\\\"", with: "\\\"status\\\": \\\"paused\\\"")
            .replacingOccurrences(of: "\"status\": 200", with: "\"status\": 418")
            .write(to: folder.appendingPathComponent("drifted.har"), atomically: true, encoding: .utf8)
        let cases = await runAll(in: folder, suite: suite)
        #expect(
            cases.first?.failures.map(\.description) == [
                "drifted.har: entry 0 (GET /v1/analyses/ana_01HDEF456789012 → 418): status is declared: 418 is not a documented status of getAnalysis"
            ])
    }
}
