/// Resolution of plain scalars by the YAML 1.2 core schema, written out by hand: it runs once per
/// scalar of every spec, so it avoids regular expressions and allocations.
///
/// `yes`, `no`, `on`, `off` and `y`/`n` stay strings (they are booleans only in YAML 1.1), so an
/// enum value `no` is never turned into `false`.
enum ScalarResolution {
    static let nullTag = "tag:yaml.org,2002:null"
    static let boolTag = "tag:yaml.org,2002:bool"
    static let intTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let stringTag = "tag:yaml.org,2002:str"

    /// The value of a scalar given its text, whether it was plain, and its explicit tag.
    /// Returns `nil` when an explicit core tag contradicts the text (`!!int abc`).
    static func resolve(_ text: String, plain: Bool, tag: String?) -> ScalarValue? {
        switch tag {
        case nil:
            return plain ? resolvePlain(text) : .string(text)
        case "!", stringTag:
            return .string(text)
        case nullTag:
            return resolvePlain(text) == .null ? .null : nil
        case boolTag:
            if case .bool(let value) = resolvePlain(text) { return .bool(value) }
            return nil
        case intTag:
            if case .int(let value) = resolvePlain(text) { return .int(value) }
            return nil
        case floatTag:
            switch resolvePlain(text) {
            case .float(let value): return .float(value)
            case .int(let value): return .float(Double(value))
            default: return nil
            }
        default:
            // Application tags carry no meaning for the core schema; keep the text.
            return .string(text)
        }
    }

    static func resolvePlain(_ text: String) -> ScalarValue {
        var utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
            return .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if text == "true" || text == "True" || text == "TRUE" { return .bool(true) }
            return .string(text)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if text == "false" || text == "False" || text == "FALSE" { return .bool(false) }
            return .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(text, &utf8) ?? .string(text)
        default:
            return .string(text)
        }
    }

    private static func resolveNumber(_ text: String, _ utf8: inout String.UTF8View) -> ScalarValue? {
        let bytes = Array(utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "x") {
                return Int(text.dropFirst(2), radix: 16).map(ScalarValue.int)
            }
            if bytes[1] == UInt8(ascii: "o") {
                return Int(text.dropFirst(2), radix: 8).map(ScalarValue.int)
            }
        }
        var index = 0
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let rest = bytes[index...]
        if rest.elementsEqual(".inf".utf8) || rest.elementsEqual(".Inf".utf8) || rest.elementsEqual(".INF".utf8) {
            return .float(bytes[0] == UInt8(ascii: "-") ? -.infinity : .infinity)
        }
        if index == 0, text == ".nan" || text == ".NaN" || text == ".NAN" { return .float(.nan) }

        var integerDigits = 0
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
            integerDigits += 1
        }
        if index == bytes.count {
            guard integerDigits > 0 else { return nil }
            // Integers beyond 64 bits are kept as numbers, not as strings.
            if let value = Int(text) { return .int(value) }
            return Double(text).map(ScalarValue.float)
        }
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) {
                index += 1
                fractionDigits += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) {
                index += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text).map(ScalarValue.float)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
