import Foundation
import GoldenObjectsAndOptionality
import SpecRuntime
import Testing

/// Date-times inside arrays and maps are `Date`s, read and written as RFC 3339 text by the
/// generated model whatever coder the caller uses.
@Suite struct DateTimeCollectionTests {
    static let json = Data(
        """
        {"session_id": "sess_1", "created_at": "2026-03-26T11:10:00Z", "note": null,
         "pauses": ["2026-03-26T11:12:00.250Z", null, "2026-03-26T13:15:00+02:00"],
         "last_seen": {"agent": "2026-03-26T11:20:00Z"}}
        """.utf8)

    @Test(arguments: [false, true])
    func dateTimesInArraysAndMapsDecodeAsDatesWithAnyDecoder(usesRuntimeDecoder: Bool) throws {
        let decoder = usesRuntimeDecoder ? JSONCoding.makeDecoder() : JSONDecoder()
        let session = try decoder.decode(Session.self, from: Self.json)
        #expect(
            session.pauses == [
                RFC3339.date(from: "2026-03-26T11:12:00.250Z"), nil, RFC3339.date(from: "2026-03-26T11:15:00Z"),
            ])
        #expect(session.lastSeen == ["agent": try #require(RFC3339.date(from: "2026-03-26T11:20:00Z"))])
    }

    @Test func dateTimesInCollectionsEncodeAsRFC3339Text() throws {
        let session = try JSONDecoder().decode(Session.self, from: Self.json)
        let encoded = try JSONEncoder().encode(session)
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        let pauses = try #require(object["pauses"] as? [Any])
        #expect(pauses.count == 3)
        #expect(pauses[0] as? String == "2026-03-26T11:12:00.250Z")
        #expect(pauses[1] is NSNull)
        #expect(pauses[2] as? String == "2026-03-26T11:15:00Z")
        #expect((object["last_seen"] as? [String: String]) == ["agent": "2026-03-26T11:20:00Z"])
        #expect(try JSONDecoder().decode(Session.self, from: encoded) == session)
    }

    @Test func aBadDateTimeInAnArrayIsADecodingErrorAtItsIndex() throws {
        let json = Data(#"{"session_id": "s", "created_at": "2026-03-26T11:10:00Z", "note": null, "pauses": [null, "yesterday"]}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Session.self, from: json)
            Issue.record("expected a decoding error")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["pauses", "Index 1"])
            #expect(context.debugDescription.contains("'yesterday' is not an RFC 3339 date-time"))
        }
    }
}
