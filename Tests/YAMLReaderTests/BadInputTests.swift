import Foundation
import SpecDiagnostics
import Testing
import YAMLReader

/// Every kind of broken or hostile input gives a clear, located error and never a crash.
@Suite struct BadInputTests {
    @Test func syntaxErrorCarriesLibyamlProblemAndPosition() {
        let messages = readingDiagnostics(ofInput: "syntax-error.yaml")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("syntax-error.yaml:6:1: error: found unexpected end of stream") == true)
        #expect(messages.first?.contains("while scanning a quoted scalar at 4:16") == true)
    }

    @Test func everyDuplicateKeyIsReportedWithBothPlaces() {
        #expect(
            readingDiagnostics(ofInput: "duplicate-keys.yaml") == [
                "duplicate-keys.yaml:10:9: error: duplicate key 'language' (first defined at 6:9)",
                "duplicate-keys.yaml:12:5: error: duplicate key 'Request' (first defined at 4:5)",
            ])
    }

    @Test func keysThatDifferOnlyByQuotingAreDuplicates() {
        #expect(readingDiagnostics("200: a\n'200': b\n") == ["t.yaml:2:1: error: duplicate key '200' (first defined at 1:1)"])
    }

    @Test func billionLaughsIsRejectedQuickly() {
        let start = ContinuousClock.now
        let messages = readingDiagnostics(ofInput: "billion-laughs.yaml")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(messages.count == 1)
        #expect(messages.first?.contains("aliases expand to more than 1000000 nodes") == true)
    }

    @Test func aliasToAnUndefinedAnchorIsAnError() {
        #expect(
            readingDiagnostics(ofInput: "undefined-alias.yaml") == [
                "undefined-alias.yaml:1:4: error: alias '*nowhere' refers to no anchor defined before it"
            ])
    }

    /// Documents nested far deeper than any spec; named so that test output stays readable.
    enum DeepDocument: String, CaseIterable {
        case flowSequences, flowMappings, blockSequences, indentedMappings

        var text: String {
            switch self {
            case .flowSequences: String(repeating: "[", count: 100_000)
            case .flowMappings: String(repeating: "{a: ", count: 100_000)
            case .blockSequences: String(repeating: "- ", count: 100_000) + "x\n"
            // Indentation grows with depth, so 100,000 levels would be 5 GB; 3,000 is far past the limit.
            case .indentedMappings: (0..<3_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
            }
        }
    }

    @Test(arguments: DeepDocument.allCases)
    func deepNestingIsRefusedNotOverflowed(document: DeepDocument) {
        let messages = readingDiagnostics(document.text)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("nesting is deeper than 256 levels") == true)
    }

    @Test func nestingWithinTheLimitReads() throws {
        let document = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        var node = try YAMLParser().parse(document)
        var depth = 0
        while let first = node.sequence?.first {
            node = first
            depth += 1
        }
        #expect(depth == 199)
    }

    @Test func invalidUTF8IsReportedAtItsByte() {
        #expect(
            readingDiagnostics(ofInput: "invalid-utf8.yaml") == [
                "invalid-utf8.yaml:2:10: error: invalid leading UTF-8 octet (byte 0xFF)"
            ])
    }

    @Test(arguments: ["empty.yaml", "comment-only.yaml"])
    func emptyFileIsAnError(name: String) {
        #expect(readingDiagnostics(ofInput: name) == ["\(name):1:1: error: the file is empty: expected a YAML or JSON document"])
    }

    @Test(arguments: ["empty.yaml", "comment-only.yaml"])
    func optionalDocumentOfAnEmptyFileIsNil(name: String) throws {
        #expect(try YAMLParser().readOptionalDocument(contentsOf: InputFiles.path(name)) == nil)
    }

    @Test func optionalDocumentReadsADocumentAndReportsItsErrors() throws {
        let node = try YAMLParser().parseOptionalDocument("a: 1\n", file: "t.yaml")
        #expect(node?["a"]?.scalar?.value == .int(1))
        #expect(throws: DiagnosticError.self) { try YAMLParser().parseOptionalDocument("a: [1\n", file: "t.yaml") }
    }

    @Test func missingFileIsAnErrorNamingIt() {
        #expect(readingDiagnostics(ofInput: "empty.yaml").count == 1)
        do {
            _ = try YAMLParser().read(contentsOf: "/nonexistent/spec.yaml")
            Issue.record("reading a missing file succeeded")
        } catch {
            #expect(error.description == "/nonexistent/spec.yaml: error: cannot open file: No such file or directory")
        }
    }

    @Test func secondDocumentInAStreamIsRefused() {
        #expect(
            readingDiagnostics(ofInput: "multi-document.yaml") == [
                "multi-document.yaml:2:1: error: expected a single document, but the stream holds another one starting here"
            ])
    }

    @Test func hugeScalarReadsWhole() throws {
        let payload = String(repeating: "abcdefghij", count: 1_000_000)
        let node = try YAMLParser().parse("big: \"\(payload)\"\n")
        #expect(node["big"]?.string?.utf8.count == 10_000_000)
    }

    @Test func scalarOverTheConfiguredLimitIsRefused() {
        let limits = ReaderLimits(maxScalarBytes: 1000)
        let messages = readingDiagnostics("big: " + String(repeating: "x", count: 1001) + "\n", limits: limits)
        #expect(messages == ["t.yaml:1:6: error: scalar of 1001 bytes is longer than the limit of 1000 bytes (maxScalarBytes)"])
    }

    @Test func inputOverTheConfiguredSizeIsRefused() {
        let messages = readingDiagnostics("a: 1\n", limits: ReaderLimits(maxInputBytes: 4))
        #expect(messages == ["t.yaml: error: the file has 5 bytes, more than the limit of 4 (maxInputBytes)"])
    }

    @Test func mergeKeyWithAScalarIsRefusedClearly() {
        #expect(
            readingDiagnostics(ofInput: "bad-merge.yaml") == [
                "bad-merge.yaml:2:7: error: merge key '<<' needs a mapping or a sequence of mappings, found a string"
            ])
    }
}
