import Foundation

/// A value of a form field or multipart part as JSON, the form the spec's schema describes it
/// in: encoded with the SDK's JSON coding (dates as RFC 3339 text) and read back.
enum FieldValues {
    /// `nil` for a value that encodes as `null` (an absent optional), which sends no field.
    static func json<Value: Encodable>(_ value: Value) throws -> JSONValue? {
        let data = try JSONCoding.makeEncoder().encode(value)
        let json = try JSONDecoder().decode(JSONValue.self, from: data)
        if case .null = json { return nil }
        return json
    }

    /// A scalar's text (`true`, `12`, `1.5`, the string itself); `nil` for an array or object.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .null: ""
        case .array, .object: nil
        }
    }

    /// JSON text of any value, members in sorted order.
    static func jsonText(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }
}
