import Foundation
import GoldenEnumsAndUnions
import SpecRuntime
import Testing

/// Untagged `oneOf`/`anyOf` are Swift enums: decoding takes the first branch (in the spec's
/// order) that decodes and is valid, and validation applies the JSON Schema rule of the keyword.
@Suite struct UntaggedUnionTests {
    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    private func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
    }

    @Test func eachBranchDecodesAsItsOwnCase() throws {
        #expect(try decode(PetOrName.self, #"{"meow": true}"#) == .cat(Cat(meow: true)))
        #expect(try decode(PetOrName.self, #"{"bark": "woof"}"#) == .dog(Dog(bark: "woof")))
        #expect(try decode(PetOrName.self, #""rex""#) == .string("rex"))
    }

    @Test func aNullBranchMakesTheUnionNullable() throws {
        #expect(try decode(Pets.self, #"{"favourite": null}"#).favourite == .null)
        #expect(try decode(Pets.self, "{}").favourite == nil)
    }

    @Test func theFirstValidBranchIsTakenOverAnEarlierOneThatOnlyDecodes() throws {
        // A string decodes as the date-time branch only when it is one; "ab" is the third branch,
        // 7 the second, and an object the fourth.
        #expect(try decode(Moment.self, #""ab""#) == .string("ab"))
        #expect(try decode(Moment.self, "7") == .integer(7))
        #expect(try decode(Moment.self, #"{"label": "x"}"#) == .option4(Moment.Option4(label: "x")))
        let date = try decode(Moment.self, #""2026-01-02T03:04:05Z""#)
        guard case .dateTime = date else {
            Issue.record("expected the date-time case, got \(date)")
            return
        }
    }

    @Test func aValueThatBreaksEveryBranchKeepsTheFirstThatDecodesAndIsReported() throws {
        // Decodes as Dog (bark too short), breaks Cat (no meow) and the string branch.
        let value = try decode(PetOrName.self, #"{"bark": "w"}"#)
        #expect(value == .dog(Dog(bark: "w")))
        #expect(
            value.violations().map(\.description) == [
                #"(root): oneOf 4 schemas violated by {"bark":"w"} matches none"#,
                #"/bark: minLength 2 violated by "w" (length 1)"#,
            ])
    }

    @Test func aMemberAClosedBranchRefusesMakesTheValueTheNextBranch() throws {
        let value = try decode(PetOrName.self, #"{"meow": true, "bark": "woof"}"#)
        #expect(value == .dog(Dog(bark: "woof")), "Cat is closed, so the undeclared member makes it a Dog")
        #expect(value.violations().isEmpty)
    }

    @Test func aValueMatchingTwoBranchesOfAOneOfIsAViolation() throws {
        let overlapping = try decode(Identifier.self, #""42""#)
        #expect(overlapping == .string("42"))
        #expect(overlapping.violations().map(\.description) == [#"(root): oneOf 2 schemas violated by "42" matches 2 (0, 1)"#])
        #expect(try decode(Identifier.self, #""ab""#).violations().isEmpty)
        #expect(Identifier.string2("7").violations().map(\.keyword) == ["oneOf"])
    }

    @Test func anAnyOfValueMayMatchSeveralBranchesAndIsHeldAsTheFirst() throws {
        // A 20-character date-time is both a date-time and a string of at most 20: valid for anyOf.
        let value = try decode(Moment.self, #""2026-01-02T03:04:05Z""#)
        guard case .dateTime = value else {
            Issue.record("expected the first matching branch, got \(value)")
            return
        }
        #expect(value.violations().isEmpty)
        #expect(Moment.string("2026-01-02T03:04:05Z").violations().isEmpty)
    }

    @Test func aOneOfOfOverlappingBranchesReportsEachMatch() throws {
        // [1, 2] is an array of expressions only; a sum matches only the Sum branch.
        let sum = try decode(Expression.self, #"{"left": 1, "right": [2, 3]}"#)
        #expect(sum == .sum(Sum(left: .number(1), right: .array([.number(2), .number(3)]))))
        #expect(sum.violations().isEmpty)
    }

    @Test func aValueNoBranchDecodesIsADecodingError() throws {
        #expect(throws: DecodingError.self) { try decode(Moment.self, "true") }
    }

    @Test func eachCaseEncodesAsItsBranchValue() throws {
        #expect(try encoded(PetOrName.cat(Cat(meow: false))) == #"{"meow":false}"#)
        #expect(try encoded(PetOrName.string("rex")) == #""rex""#)
        #expect(try encoded(Moment.dateTime(Date(timeIntervalSince1970: 0))) == #""1970-01-01T00:00:00Z""#)
        #expect(try encoded(Expression.array([.number(1.5)])) == "[1.5]")
    }

    @Test func aConstructedValueIsCheckedAgainstTheOtherBranchesToo() throws {
        // A string value built as the pattern branch that breaks the pattern matches no branch.
        #expect(
            PetOrName.string("Rex").violations().map(\.description) == [
                #"(root): oneOf 4 schemas violated by "Rex" matches none"#,
                #"(root): pattern ^[a-z]+$ violated by "Rex""#,
            ])
        // A negative integer breaks its branch but is valid as none of the others either.
        #expect(Moment.integer(-1).violations().map(\.keyword) == ["anyOf", "minimum"])
    }
}

/// `allOf` whose members are not objects keeps a Swift type: a one-member `allOf` is that member,
/// and a typed member narrowed by keywords alone is checked by the whole schema.
@Suite struct NarrowingAllOfTests {
    @Test func aNarrowedMemberKeepsItsTypeAndEveryKeywordOfEveryMemberIsChecked() throws {
        let value = try JSONCoding.makeDecoder().decode(
            Narrowed.self, from: Data(#"{"status": "queued", "count": 11, "name": "Ab", "tags": ["a", "b", "c"]}"#.utf8))
        #expect(value.status == .queued)
        #expect(value.count == 11)
        #expect(
            value.violations().map(\.description) == [
                "/count: maximum 10 violated by 11",
                #"/name: pattern ^[a-z] violated by "Ab""#,
                "/tags: maxItems 2 violated by 3 items",
            ])
        #expect(Narrowed(status: .failed, count: 3, name: "ab", tags: []).violations().isEmpty)
        #expect(Narrowed(count: -1).violations().map(\.keyword) == ["minimum"])
    }
}
