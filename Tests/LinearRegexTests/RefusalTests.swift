import LinearRegex
import Testing

@Suite struct RefusalTests {
    @Test(arguments: Tables.refusals)
    func unsupportedOrInvalidPatternIsRefusedWithItsReason(_ row: RefusalCase) {
        do {
            let regex = try LinearRegex(row.pattern)
            Issue.record("\(row.pattern) compiled to \(regex.instructionCount) instructions; expected a refusal")
        } catch {
            #expect("\(error.kind)" == row.kind)
            #expect(error.offset == row.offset)
            #expect(error.reason.contains(row.reason), "reason: \(error.reason)")
            #expect(error.description == "\(error.reason), at offset \(error.offset)")
        }
    }

    @Test func everyConstructOutsideTheSubsetHasARefusalRow() {
        let patterns = Set(Tables.refusals.map(\.pattern))
        for construct in [#"(a)\1"#, #"(?<x>a)\k<x>"#, "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", #"\p{Script=Greek}"#] {
            #expect(patterns.contains(construct), "\(construct)")
        }
    }

    @Test func longPatternBeyondTheInstructionLimitIsRefused() {
        #expect(throws: LinearRegex.SyntaxError.self) { try LinearRegex(String(repeating: "a", count: 10_000)) }
        #expect(throws: Never.self) { try LinearRegex(String(repeating: "a", count: 9_999)) }
        do {
            _ = try LinearRegex(String(repeating: "ab|", count: 4_000))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .tooLarge)
            #expect(error.offset == 0)
        }
    }

    @Test func deeplyNestedGroupsWithinTheLimitCompile() throws {
        let depth = LinearRegex.nestingLimit
        let regex = try LinearRegex(String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth))
        #expect(regex.matches("a"))
    }
}
