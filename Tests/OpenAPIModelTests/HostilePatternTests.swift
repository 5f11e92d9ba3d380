import OpenAPIModel
import Testing

/// Patterns that take exponential time in a backtracking engine: the generator's checks of
/// examples against their schema must still finish, and report the example that does not match.
@Suite struct HostilePatternTests {
    private func diagnostics(pattern: String, example: String) -> [String] {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                P:
                  type: string
                  pattern: '\(pattern)'
                  example: '\(example)'

            """
        return SpecLoader.load(text: text, file: "t.yaml").diagnostics.map(\.description)
    }

    @Test func nestedQuantifierPatternOnANonMatchingExampleIsReportedRatherThanHanging() {
        let example = String(repeating: "a", count: 40) + "!"
        #expect(
            diagnostics(pattern: "^(a+)+$", example: example) == [
                "t.yaml:9:16: warning: example breaks its own schema at (root): pattern: ^(a+)+$ violated by \"\(example)\""
            ])
    }

    @Test func nestedQuantifierPatternOnAMatchingExampleIsAccepted() {
        #expect(diagnostics(pattern: "^(a+)+$", example: String(repeating: "a", count: 40)) == [])
        #expect(diagnostics(pattern: #"^(\w+\s?)*$"#, example: String(repeating: "word ", count: 10)) == [])
    }

    @Test func patternOutsideTheLinearSubsetIsAnErrorWithItsReasonAndOffset() {
        #expect(
            diagnostics(pattern: #"^(a)\1$"#, example: "aa") == [
                #"t.yaml:8:16: error: pattern '^(a)\1$': a backreference (\1) is not supported (it cannot be matched in linear time), at offset 4"#
            ])
        #expect(
            diagnostics(pattern: "^a(?=b)", example: "ab") == [
                "t.yaml:8:16: error: pattern '^a(?=b)': lookahead (?=…) is not supported, at offset 2"
            ])
    }
}
