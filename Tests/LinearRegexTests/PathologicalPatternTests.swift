import LinearRegex
import Testing

/// Patterns that take exponential time in a backtracking engine on the inputs below. These tests
/// only have to finish: a regression would make them hang rather than fail, so no time is asserted.
@Suite struct PathologicalPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let input: String
        let match: Bool
        var testDescription: String { "/\(pattern)/ on \(input.unicodeScalars.count) scalars" }
    }

    static let cases: [Case] = [
        Case(pattern: "^(a+)+$", input: String(repeating: "a", count: 40) + "!", match: false),
        Case(pattern: "^(a+)+$", input: String(repeating: "a", count: 50), match: true),
        Case(pattern: "(a|a)*b", input: String(repeating: "a", count: 40), match: false),
        Case(pattern: "(a*)*b", input: String(repeating: "a", count: 50), match: false),
        Case(pattern: #"^(\w+\s?)*$"#, input: String(repeating: "word ", count: 8) + "!", match: false),
        Case(pattern: #"^(\w+\s?)*$"#, input: String(repeating: "ab", count: 25) + "@", match: false),
        Case(pattern: "^(a|aa)+$", input: String(repeating: "a", count: 45) + "b", match: false),
        Case(pattern: "^(.*a){12}$", input: String(repeating: "a", count: 40) + "b", match: false),
        Case(pattern: #"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@)"#, input: String(repeating: "a", count: 40) + "!", match: false),
        Case(pattern: "^(a+)+$", input: String(repeating: "a", count: 100_000) + "!", match: false),
    ]

    @Test(arguments: cases)
    func catastrophicBacktrackingPatternFinishes(_ row: Case) throws {
        #expect(try LinearRegex(row.pattern).matches(row.input) == row.match)
    }
}
