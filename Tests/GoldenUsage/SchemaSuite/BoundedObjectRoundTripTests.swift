import Foundation
import GoldenJSONSchemaSuite
import SpecRuntime
import Testing

/// An object whose member count is bounded keeps the members its struct does not declare, so
/// that re-encoding it keeps the count that `minProperties`/`maxProperties` judged (found by the
/// model-decoding fuzzer: a round trip made a valid value invalid).
@Suite struct BoundedObjectRoundTripTests {
    @Test func undeclaredMembersOfABoundedObjectSurviveARoundTripAndKeepItValid() throws {
        let json = Data(#"{"value": {"z": 1}}"#.utf8)
        let decoded = try JSONCoding.makeDecoder().decode(PropertyCountsCase8Holder.self, from: json)
        #expect(decoded.violations().isEmpty)
        let reencoded = try JSONCoding.makeEncoder().encode(decoded)
        let object = try #require(try JSONSerialization.jsonObject(with: reencoded) as? [String: [String: Int]])
        #expect(object["value"] == ["z": 1])
        #expect(try JSONCoding.makeDecoder().decode(PropertyCountsCase8Holder.self, from: reencoded).violations().isEmpty)
    }
}
