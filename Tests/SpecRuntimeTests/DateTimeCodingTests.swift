import Foundation
@_spi(Generated) import SpecRuntime
import Testing

/// The runtime's JSON coders read and write a `Date` that is a whole body, or inside a collection
/// body, as RFC 3339 text (a response typed `[Date]` decodes), and `DateTimeCoded` does the same
/// for nested collections whatever coder is used.
@Suite struct DateTimeCodingTests {
    @Test func theRuntimeCodersCodeDateBodiesAsRFC3339() throws {
        let body = Data(#"["2026-03-26T11:10:00Z","2026-03-26T12:10:00.5+01:00"]"#.utf8)
        let dates = try JSONCoding.makeDecoder().decode([Date].self, from: body)
        #expect(dates == [RFC3339.date(from: "2026-03-26T11:10:00Z"), RFC3339.date(from: "2026-03-26T11:10:00.5Z")])
        let encoded = try JSONCoding.makeEncoder().encode(dates)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2026-03-26T11:10:00Z","2026-03-26T11:10:00.500Z"]"#)
        #expect(throws: DecodingError.self) { try JSONCoding.makeDecoder().decode(Date.self, from: Data("1774523400".utf8)) }
    }

    @Test func nestedCollectionsOfDateTimesRoundTripThroughAPlainCoder() throws {
        let body = Data(#"{"a": [["2026-03-26T11:10:00Z"], []], "b": [null]}"#.utf8)
        let decoded = try JSONDecoder().decode(DateTimeCoded<[String: [[Date]?]]>.self, from: body).value
        #expect(decoded["a"] == [[try #require(RFC3339.date(from: "2026-03-26T11:10:00Z"))], []])
        #expect(decoded["b"] == [nil])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(DateTimeCoded(decoded)), as: UTF8.self)
        #expect(text == #"{"a":[["2026-03-26T11:10:00Z"],[]],"b":[null]}"#)
    }

    /// Decoding accepts exactly what the `date-time` format check accepts (both found apart by the
    /// differential fuzzer): a leap second only at 23:59 UTC, and `T` (or `t`) between date and time.
    @Test func decodingAppliesTheFormatsLeapSecondRuleAndRefusesASpaceSeparator() {
        #expect(RFC3339.date(from: "1998-12-31T23:59:60Z") != nil)
        #expect(RFC3339.date(from: "1998-12-31T15:59:60-08:00") != nil)
        #expect(RFC3339.date(from: "1998-12-31T23:58:60Z") == nil)
        #expect(RFC3339.date(from: "2026-03-27 10:00:00Z") == nil)
        #expect(RFC3339.date(from: "2026-03-27t10:00:00z") != nil)
    }
}
