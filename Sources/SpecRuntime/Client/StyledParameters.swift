import Foundation

/// The path styles of OpenAPI parameters (RFC 6570 expansions): `simple` (`a,b`), `label`
/// (`.a.b`) and `matrix` (`;id=a;id=b`).
public enum PathStyle: String, Sendable {
    case simple, label, matrix
}

extension OperationRequest {
    /// Fills `{name}` with a value of any JSON shape in `style`: scalars as their text, arrays
    /// as their items, objects as their members (`role,admin` or, exploded, `role=admin`; members
    /// in name order). Each item is percent-encoded; the style's delimiters are not.
    public mutating func setPathParameter<Value: Encodable>(
        _ name: String, _ value: Value, style: PathStyle, explode: Bool = false
    ) throws(APIClientError<Envelope>) {
        let json = try Self.styledJSON(value)
        let text = Self.expanded(name, json, style: style, explode: explode, encode: Self.percentEncoded)
        path = path.replacingOccurrences(of: "{\(name)}", with: text)
    }

    /// Sets a header of any JSON shape in the `simple` style (`a,b`; an object `role,admin`, or
    /// exploded `role=admin`); `nil` leaves it out.
    public mutating func setHeader<Value: Encodable>(_ name: String, _ value: Value, explode: Bool) throws(APIClientError<Envelope>) {
        let json = try Self.styledJSON(value)
        if case .null = json { return }
        setHeader(name, Self.expanded(name, json, style: .simple, explode: explode) { $0 })
    }

    private static func styledJSON<Value: Encodable>(_ value: Value) throws(APIClientError<Envelope>) -> JSONValue {
        do {
            return try JSONValue(encoding: value)
        } catch {
            throw unencodable(String(describing: error))
        }
    }

    /// The RFC 6570 expansion of `value` for `{name}` (`{name}`, `{.name}`, `{;name}`, with `*` when exploded).
    static func expanded(_ name: String, _ value: JSONValue, style: PathStyle, explode: Bool, encode: (String) -> String) -> String {
        var values: [String] = []
        var members: [(key: String, value: String)]?
        var isScalar = false
        switch value {
        case .array(let elements):
            values = elements.map { encode(itemText($0)) }
        case .object(let object):
            members = object.keys.sorted().map { key in (encode(key), encode(object[key].map(itemText) ?? "")) }
        default:
            values = [encode(itemText(value))]
            isScalar = true
        }
        let unexploded = (members?.flatMap { [$0.key, $0.value] } ?? values).joined(separator: ",")
        let pairs = members?.map { $0.key + "=" + $0.value }
        switch style {
        case .simple:
            return explode ? (pairs ?? values).joined(separator: ",") : unexploded
        case .label:
            return "." + (explode ? (pairs ?? values).joined(separator: ".") : unexploded)
        case .matrix:
            let key = encode(name)
            if !explode || isScalar { return ";" + key + "=" + unexploded }
            if let pairs { return pairs.map { ";" + $0 }.joined() }
            return values.map { ";" + key + "=" + $0 }.joined()
        }
    }

    /// An item's text: a scalar as itself, a nested array or object as JSON.
    private static func itemText(_ value: JSONValue) -> String {
        FieldValues.text(value) ?? FieldValues.jsonText(value)
    }
}
