import LinearRegex
import Testing

@Suite struct MatchingTests {
    @Test(arguments: Tables.matches)
    func patternMatchesAsTheTableSays(_ row: MatchCase) throws {
        let regex = try LinearRegex(row.pattern)
        #expect(regex.matches(row.input) == row.match)
    }

    /// Swift's `Regex`, read as ECMA-262 reads patterns, must agree on every row not marked as a
    /// known difference.
    @Test(arguments: Tables.matches.filter { $0.swiftDiffers == nil })
    func swiftRegexAgrees(_ row: MatchCase) throws {
        #expect(try LinearRegex(row.pattern).matches(row.input) == SwiftRegexOracle.matches(row.pattern, row.input))
    }

    @Test func tableCoversEnoughCasesToMeanSomething() {
        #expect(Tables.matches.count >= 200)
        #expect(Tables.matches.filter { $0.swiftDiffers == nil }.count >= 190)
    }

    @Test func equalPatternsAreEqualRegexes() throws {
        let set: Set<LinearRegex> = [try LinearRegex("^a+$"), try LinearRegex("^a+$"), try LinearRegex("^b+$")]
        #expect(set.count == 2)
        #expect(try LinearRegex("^a+$").description == "/^a+$/")
    }

    @Test func countedRepetitionIsExpandedWithinTheLimit() throws {
        let regex = try LinearRegex("^a{1000}$")
        #expect(regex.instructionCount <= LinearRegex.instructionLimit)
        #expect(regex.matches(String(repeating: "a", count: 1000)))
        #expect(!regex.matches(String(repeating: "a", count: 999)))
        #expect(!regex.matches(String(repeating: "a", count: 1001)))
    }

    @Test func longInputMatchesAtTheEnd() throws {
        let regex = try LinearRegex("needle$")
        #expect(regex.matches(String(repeating: "hay ", count: 50_000) + "needle"))
        #expect(!regex.matches(String(repeating: "hay ", count: 50_000) + "needles"))
    }
}
