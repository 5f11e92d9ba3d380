import Testing

@_spi(Generated) @testable import SpecRuntime

@Suite struct ValidationContextTests {
    @Test func reportedViolationsCarryThePointerOfTheNestedValue() {
        var context = ValidationContext()
        context.nested("analyses") { context in
            context.nested(index: 2) { context in
                context.report("enum", limit: "sentiment, topics", actual: "\"mood\"")
            }
        }
        context.report("required", limit: "status", actual: "absent", atMember: "status")
        #expect(context.violations.map(\.pointer.description) == ["/analyses/2", "/status"])
    }

    @Test func pointerEscapesSlashAndTildeAndParsesBack() {
        let pointer = JSONPointer([.key("a/b"), .key("m~n"), .index(0)])
        #expect(pointer.description == "/a~1b/m~0n/0")
        #expect(JSONPointer(parsing: pointer.description) == pointer)
        #expect(JSONPointer(parsing: "") == .root)
    }

    /// Found by the differential fuzzer: as a Double, Int.max rounds to 2^63, which 3 divides
    /// to within rounding error, so the integer is checked exactly.
    @Test func anIntegerMultipleOfIsExactBeyondDoublePrecision() {
        var context = ValidationContext()
        context.checkBounds(Int.max, multipleOf: 3)
        context.checkBounds(9_223_372_036_854_775_806, multipleOf: 3)
        #expect(context.violations.map(\.description) == ["(root): multipleOf 3 violated by 9223372036854775807"])
    }

    @Test func aMultipleOfWhoseQuotientOverflowsIsNoMultiple() {
        var context = ValidationContext()
        context.checkBounds(1e308, multipleOf: 1e-10)
        #expect(context.violations.map(\.keyword) == ["multipleOf"])
    }
}
