import Testing
import YAMLReader

@Suite struct ScalarResolutionTests {
    let document: YAMLNode

    init() throws {
        document = try YAMLParser().read(contentsOf: InputFiles.path("scalars.yaml"))
    }

    private func values(_ key: String) -> [ScalarValue] {
        document[key]?.sequence?.compactMap { $0.scalar?.value } ?? []
    }

    @Test func coreSchemaBooleansAndNulls() {
        #expect(values("booleans") == [.bool(true), .bool(true), .bool(true), .bool(false), .bool(false), .bool(false)])
        #expect(values("nulls") == [.null, .null, .null, .null, .null])
        #expect(document["empty"]?.scalar?.value == .null)
    }

    @Test func integersInDecimalHexAndOctal() {
        #expect(values("ints") == [.int(0), .int(-17), .int(3), .int(31), .int(15), .int(123_456_789_012)])
    }

    @Test func floatsIncludingInfinityAndNaN() {
        let floats = values("floats")
        #expect(Array(floats.prefix(7)) == [.float(1.5), .float(-0.25), .float(0.5), .float(1000), .float(0.025), .float(.infinity), .float(-.infinity)])
        guard case .float(let nan) = floats.last else {
            Issue.record("expected .nan to resolve to a float")
            return
        }
        #expect(nan.isNaN)
    }

    @Test func yaml11BooleanWordsStayStrings() {
        #expect(values("yaml11_booleans") == ["yes", "no", "on", "off", "y", "n", "Yes", "NO"].map(ScalarValue.string))
    }

    @Test func quotedScalarsAreAlwaysStrings() {
        #expect(values("quoted") == ["true", "null", "42", "1.5"].map(ScalarValue.string))
        #expect(document["quoted"]?.sequence?.first?.scalar?.style == .doubleQuoted)
    }

    @Test func blockScalarsKeepTheirTextAndStyle() {
        #expect(document["block"]?.scalar == YAMLScalar(text: "line one\nline two\n", style: .literal, value: .string("line one\nline two\n")))
        #expect(document["block"]?.scalar?.style == .literal)
        #expect(document["folded"]?.string == "folded text\n")
        #expect(document["folded"]?.scalar?.style == .folded)
    }

    @Test func explicitCoreTagsOverrideResolution() {
        #expect(values("tagged") == [.string("12"), .int(7), .float(3), .null])
        #expect(document["tagged"]?.sequence?.first?.tag == "tag:yaml.org,2002:str")
    }

    @Test func almostNumbersStayStrings() {
        #expect(values("not_numbers") == ["1.2.3", "0x", "12abc", "-", "+", "1e", "1_000"].map(ScalarValue.string))
    }

    @Test func aTagThatContradictsTheTextIsAnError() {
        #expect(readingDiagnostics("n: !!int abc\n") == ["t.yaml:1:4: error: 'abc' is not a valid value for tag tag:yaml.org,2002:int"])
    }
}
