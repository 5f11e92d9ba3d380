import Foundation

/// One recorded exchange of a HAR 1.2 file, with the `_` fields the fixtures use.
public struct HAREntry: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var url: String
        public var headers: [(name: String, value: String)]
        public var body: String?
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: String?
    }

    /// A violation a negative entry says must be reported.
    public struct ExpectedViolation: Hashable, Sendable, CustomStringConvertible {
        public var location: String
        public var pointer: String
        public var keyword: String

        public var description: String { "\(location) \(pointer.isEmpty ? "(root)" : pointer) \(keyword)" }
    }

    public var index: Int
    public var startedDateTime: Date?
    public var request: Request
    public var response: Response
    /// `_webhook`: the webhook name when the entry is a delivery to the user's endpoint.
    public var webhook: String?
    /// `_expectedViolations`: non-empty for a negative entry.
    public var expectedViolations: [ExpectedViolation]
    /// `_invalidRequest`: the request is invalid on purpose; only the response is checked.
    public var requestIsInvalidOnPurpose: Bool
}

/// A HAR file read leniently where HAR is lenient and strictly where the checks need a value,
/// with errors that say which field of which entry is wrong.
public enum HARArchive {
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func entries(in data: Data) throws(FormatError) -> [HAREntry] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FormatError(description: "not JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid"))")
        }
        guard let log = (object as? [String: Any])?["log"] as? [String: Any] else {
            throw FormatError(description: "no 'log' object at the top level")
        }
        guard let entries = log["entries"] as? [[String: Any]] else {
            throw FormatError(description: "'log.entries' is missing or not a list of objects")
        }
        return try entries.enumerated().map { (index, entry) throws(FormatError) in try parse(entry, index: index) }
    }

    private static func parse(_ entry: [String: Any], index: Int) throws(FormatError) -> HAREntry {
        let place = "log.entries[\(index)]"
        guard let request = entry["request"] as? [String: Any] else { throw FormatError(description: "\(place).request is missing") }
        guard let response = entry["response"] as? [String: Any] else { throw FormatError(description: "\(place).response is missing") }
        guard let method = request["method"] as? String else { throw FormatError(description: "\(place).request.method is missing") }
        guard let url = request["url"] as? String else { throw FormatError(description: "\(place).request.url is missing") }
        guard let status = response["status"] as? Int else { throw FormatError(description: "\(place).response.status is missing or not a number") }
        var expected: [HAREntry.ExpectedViolation] = []
        if let items = entry["_expectedViolations"] {
            guard let list = items as? [[String: Any]], !list.isEmpty else {
                throw FormatError(description: "\(place)._expectedViolations must be a non-empty list of objects")
            }
            for (number, item) in list.enumerated() {
                guard let location = item["in"] as? String, let keyword = item["keyword"] as? String else {
                    throw FormatError(description: "\(place)._expectedViolations[\(number)] needs 'in' and 'keyword'")
                }
                expected.append(HAREntry.ExpectedViolation(location: location, pointer: item["pointer"] as? String ?? "", keyword: keyword))
            }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let started = (entry["startedDateTime"] as? String).flatMap { formatter.date(from: $0) ?? ISO8601DateFormatter().date(from: $0) }
        return HAREntry(
            index: index, startedDateTime: started,
            request: HAREntry.Request(
                method: method.uppercased(), url: url, headers: headers(request["headers"]),
                body: (request["postData"] as? [String: Any])?["text"] as? String),
            response: HAREntry.Response(
                status: status, headers: headers(response["headers"]),
                body: ((response["content"] as? [String: Any])?["text"] as? String).flatMap { $0.isEmpty ? nil : $0 }),
            webhook: entry["_webhook"] as? String, expectedViolations: expected,
            requestIsInvalidOnPurpose: entry["_invalidRequest"] as? Bool ?? false)
    }

    private static func headers(_ value: Any?) -> [(name: String, value: String)] {
        (value as? [[String: Any]] ?? []).compactMap { header in
            guard let name = header["name"] as? String, let value = header["value"] as? String else { return nil }
            return (name, value)
        }
    }
}
