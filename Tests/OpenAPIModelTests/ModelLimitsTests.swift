import OpenAPIModel
import Testing
import YAMLReader

/// Specs whose references would make the model stage recurse without bound are refused at the
/// place the bound is crossed, instead of overflowing the stack.
@Suite struct ModelLimitsTests {
    /// `A0` is `allOf: [A1, {p0}]`, `A1` is `allOf: [A2, {p1}]`, ... and the last is a plain object.
    private func allOfChain(_ length: Int) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for index in 0..<length {
            text += "    A\(index):\n      allOf:\n        - $ref: '#/components/schemas/A\(index + 1)'\n"
            text += "        - {type: object, properties: {p\(index): {type: string}}}\n"
        }
        text += "    A\(length): {type: object, properties: {last: {type: string}}}\n"
        return text
    }

    private func load(_ text: String, limits: ModelLimits = .default) throws -> SpecLoader.Result {
        SpecLoader.load(try YAMLParser().parse(text, file: "t.yaml"), file: "t.yaml", limits: limits)
    }

    @Test func allOfChainWithinTheLimitMergesEveryMember() throws {
        let result = try load(allOfChain(10), limits: ModelLimits(maxAllOfDepth: 10))
        #expect(result.diagnostics.map(\.description) == [])
        guard case .object(let object)? = result.document?.schema(named: "A0")?.schema.kind else {
            Issue.record("A0 is not an object")
            return
        }
        #expect(object.properties.count == 11)
    }

    @Test func allOfChainBeyondTheLimitIsAnErrorAtTheMemberThatCrossesIt() throws {
        let result = try load(allOfChain(5), limits: ModelLimits(maxAllOfDepth: 3))
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(
            errors.first
                == "t.yaml:20:11: error: 'allOf' merges named schemas more than 3 deep here (at 'A4'); raise the limit maxAllOfDepth if this is intended")
    }

    /// 20,000 levels overflowed the stack before the limit existed; 2,000 already exceed a test thread's stack.
    @Test func hostileAllOfChainIsRefusedNotACrash() throws {
        let result = try load(allOfChain(2_000))
        // One error: past a limit the spec is refused without reporting every consequence.
        #expect(result.diagnostics.map(\.severity) == [.error])
        #expect(result.diagnostics.first?.message.contains("maxAllOfDepth") == true)
    }
}
