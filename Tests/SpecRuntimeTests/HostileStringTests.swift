import SpecCore
@_spi(Generated) import SpecRuntime
import Testing

/// Values a hostile server could send against the checks generated validators call: patterns and
/// formats are matched in linear time, so these finish (no time is asserted; a regression hangs).
@Suite struct HostileStringTests {
    @Test func nestedQuantifierPatternOnAHostileValueIsReported() {
        let pattern = CompiledPattern("^(a+)+$")
        var context = ValidationContext()
        context.checkPattern(String(repeating: "a", count: 50_000) + "!", pattern)
        #expect(context.violations.map(\.keyword) == ["pattern"])
        #expect(pattern.matches(String(repeating: "a", count: 50)))
    }

    @Test func patternIsSearchedForAndAnchoredOnlyByCaretAndDollar() {
        #expect(CompiledPattern("b+").matches("abbbc"))
        #expect(!CompiledPattern("^b+$").matches("abbbc"))
        #expect(CompiledPattern("^sess_[A-Za-z0-9]+$").matches("sess_Ab12"))
    }

    @Test func patternOutsideTheSupportedSubsetMatchesNothing() {
        #expect(!CompiledPattern(#"(a)\1"#).matches("aa"))
    }

    /// RFC 5321's Mailbox: a one-label domain (`a@b`) is valid, consecutive dots in the local part are not.
    @Test func formatsFollowTheirRFCs() {
        #expect(StringFormat.email.matches("a.b+c@example.co.uk"))
        #expect(StringFormat.email.matches("a@b"))
        #expect(!StringFormat.email.matches("te..st@example.com"))
        #expect(!StringFormat.email.matches("a@b..c"))
        #expect(!StringFormat.email.matches("a b@example.com"))
        #expect(StringFormat.uri.matches("https://example.com/a?b=c"))
        #expect(!StringFormat.uri.matches("not a uri"))
        #expect(StringFormat.uuid.matches("123e4567-e89b-12d3-a456-426614174000"))
        #expect(!StringFormat.uuid.matches("123e4567-e89b-12d3-a456-42661417400"))
        #expect(!StringFormat.uuid.matches("123e4567-e89b-12d3-a456-426614174000\n"))
    }

    /// "a@" and many dots took over ten seconds for 8,000 dots with the former backtracking `wholeMatch`.
    @Test func emailFormatOnAHostileValueFinishes() {
        #expect(!StringFormat.email.matches("a@" + String(repeating: ".", count: 200_000) + " "))
    }
}
