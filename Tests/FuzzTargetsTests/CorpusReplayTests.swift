import Foundation
import FuzzTargets
import Testing

/// Every input of a fuzz target's corpus, and every crash a fuzzer found (saved under
/// `Tests/Fuzz/regressions/<target>/`), replayed through the target in an ordinary build.
@Suite struct CorpusReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func inputs(_ target: FuzzTarget, _ kind: String) -> [String] {
        CorpusFiles.list(fuzzFolder.appendingPathComponent("\(kind)/\(target.rawValue)").path)
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedCorpusRunsClean(target: FuzzTarget) throws {
        let files = Self.inputs(target, "corpus")
        #expect(!files.isEmpty, "the seed corpus of \(target.rawValue) is empty")
        for file in files {
            let input = try #require(FileManager.default.contents(atPath: file))
            #expect(throws: Never.self, "\(file)") { try target.run(input) }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func savedCrashesStayFixed(target: FuzzTarget) throws {
        for file in Self.inputs(target, "regressions") {
            let input = try #require(FileManager.default.contents(atPath: file))
            #expect(throws: Never.self, "\(file)") { try target.run(input) }
        }
    }
}
