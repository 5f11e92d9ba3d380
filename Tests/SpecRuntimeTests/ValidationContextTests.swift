import Testing
@testable import SpecRuntime

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
}
