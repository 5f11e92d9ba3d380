import Foundation

/// An `application/x-www-form-urlencoded` body, built field by field by a generated method from
/// its body's members, in the schema's order, as OpenAPI's `encoding` says (`style`, `explode`).
@_spi(Generated) public struct FormBody: Sendable {
    /// How a member that is an array or object becomes fields.
    public enum Style: Sendable {
        /// `tags=a&tags=b` (exploded) or `tags=a,b`; an object's members as their own fields
        /// (exploded) or `name=key,value,key,value`.
        case form
        /// `tags=a%20b`: array items joined by a space.
        case spaceDelimited
        /// `tags=a|b`: array items joined by `|`.
        case pipeDelimited
        /// `card[number]=4242&card[exp][month]=1`: an object's members, nested, under its name.
        case deepObject
    }

    public private(set) var fields: [(name: String, value: String)] = []
    /// The first member that could not be encoded (a non-finite number), reported when the body is set.
    private(set) var failure: String?

    public init() {}

    /// Adds the fields of one member; an absent optional adds none.
    public mutating func append<Value: Encodable>(_ name: String, _ value: Value, style: Style = .form, explode: Bool = true) {
        let json: JSONValue?
        do {
            json = try FieldValues.json(value)
        } catch {
            failure = failure ?? "member '\(name)': \(error)"
            return
        }
        guard let json else { return }
        switch json {
        case .array(let items):
            let texts = items.map { FieldValues.text($0) ?? FieldValues.jsonText($0) }
            switch style {
            case .spaceDelimited: fields.append((name, texts.joined(separator: " ")))
            case .pipeDelimited: fields.append((name, texts.joined(separator: "|")))
            case .form, .deepObject:
                if explode { fields += texts.map { (name, $0) } } else { fields.append((name, texts.joined(separator: ","))) }
            }
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            switch style {
            case .deepObject: appendDeep(name, json)
            case .form, .spaceDelimited, .pipeDelimited:
                if explode {
                    fields += sorted.map { ($0.key, FieldValues.text($0.value) ?? FieldValues.jsonText($0.value)) }
                } else {
                    fields.append((name, sorted.flatMap { [$0.key, FieldValues.text($0.value) ?? FieldValues.jsonText($0.value)] }.joined(separator: ",")))
                }
            }
        default:
            fields.append((name, FieldValues.text(json) ?? ""))
        }
    }

    /// Adds a field per member of a JSON object, in name order (a body held as ``JSONValue``).
    public mutating func appendMembers(of value: JSONValue) {
        guard case .object(let members) = value else {
            failure = failure ?? "a form body is an object, not \(FieldValues.jsonText(value).prefix(40))"
            return
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) { append(name, member) }
    }

    private mutating func appendDeep(_ name: String, _ value: JSONValue) {
        switch value {
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) { appendDeep("\(name)[\(key)]", member) }
        case .array(let items):
            for (index, item) in items.enumerated() { appendDeep("\(name)[\(index)]", item) }
        default:
            fields.append((name, FieldValues.text(value) ?? ""))
        }
    }

    /// The body's bytes: `name=value` pairs joined by `&`, each percent-encoded as the WHATWG URL
    /// standard's `application/x-www-form-urlencoded` serializer does (space as `+`).
    public var encoded: Data {
        Data(fields.map { Self.escape($0.name) + "=" + Self.escape($0.value) }.joined(separator: "&").utf8)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): result += "+"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
