import SpecDiagnostics
import Testing

@testable import FuzzTargets

/// The location oracle of the reader and model targets: lines counted as libyaml counts them, and
/// a location outside the input is a finding.
@Suite struct InputExtentTests {
    @Test func linesEndAtLFCRLFLoneCRNELLSAndPS() {
        let text = "a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g"
        #expect(InputExtent(Array(text.utf8)).lines == 7)
    }

    @Test func locationPastTheLastLineIsAFinding() {
        let extent = InputExtent(Array("a: 1\nb: 2\n".utf8))
        #expect(throws: Never.self) { try extent.check(SourceLocation(file: "f", line: 3, column: 1), what: "node") }
        #expect(throws: FuzzFinding.self) { try extent.check(SourceLocation(file: "f", line: 5, column: 1), what: "node") }
        #expect(throws: FuzzFinding.self) { try extent.check(SourceLocation(file: "f", line: 1, column: 0), what: "node") }
    }
}
