/// A strict RFC 8259 reader of JSON text into ``JSONLiteral``: one pass over the bytes, member
/// order kept, nesting bounded (no stack overflow on hostile input). Integers that fit `Int` stay
/// integers; other numbers are `Double`s.
public struct JSONParser {
    /// Why a text is not JSON, with the byte offset where reading stopped.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    public var maxDepth: Int

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    public func parse(_ text: String) throws(Failure) -> JSONLiteral {
        try parse(Array(text.utf8))
    }

    public func parse(_ bytes: [UInt8]) throws(Failure) -> JSONLiteral {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw reader.failure("unexpected text after the value") }
        return value
    }
}

private struct Reader {
    let bytes: [UInt8]
    let maxDepth: Int
    var offset = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func failure(_ reason: String) -> JSONParser.Failure { JSONParser.Failure(offset: offset, reason: reason) }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    mutating func expect(_ word: String) throws(JSONParser.Failure) {
        for byte in word.utf8 {
            guard current == byte else { throw failure("expected '\(word)'") }
            offset += 1
        }
    }

    mutating func value(depth: Int) throws(JSONParser.Failure) -> JSONLiteral {
        guard depth < maxDepth else { throw failure("nesting deeper than \(maxDepth) levels") }
        switch current {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case nil: throw failure("unexpected end of text")
        case let byte?:
            guard byte == UInt8(ascii: "-") || ASCII.isDigit(byte) else { throw failure("unexpected character") }
            return try number()
        }
    }

    mutating func object(depth: Int) throws(JSONParser.Failure) -> JSONLiteral {
        offset += 1
        var members: [(key: String, value: JSONLiteral)] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':'") }
            offset += 1
            skipSpace()
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            if current == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
            offset += 1
            return .object(members)
        }
    }

    mutating func array(depth: Int) throws(JSONParser.Failure) -> JSONLiteral {
        offset += 1
        var items: [JSONLiteral] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard current == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
            offset += 1
            return .array(items)
        }
    }

    mutating func number() throws(JSONParser.Failure) -> JSONLiteral {
        let start = offset
        var isInteger = true
        if current == UInt8(ascii: "-") { offset += 1 }
        if current == UInt8(ascii: "0") {
            offset += 1
        } else if let byte = current, ASCII.isDigit(byte) {
            while let byte = current, ASCII.isDigit(byte) { offset += 1 }
        } else {
            throw failure("expected a digit")
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard let byte = current, ASCII.isDigit(byte) else { throw failure("expected a digit after '.'") }
            while let byte = current, ASCII.isDigit(byte) { offset += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            guard let byte = current, ASCII.isDigit(byte) else { throw failure("expected a digit in the exponent") }
            while let byte = current, ASCII.isDigit(byte) { offset += 1 }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else { throw failure("number out of range") }
        return .number(double)
    }

    mutating func string() throws(JSONParser.Failure) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ end: Int) throws(JSONParser.Failure) {
            guard runStart < end else { return }
            guard let text = String(validating: bytes[runStart..<end], as: UTF8.self) else {
                throw JSONParser.Failure(offset: runStart, reason: "invalid UTF-8 in a string")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                try flush(offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(offset)
                offset += 1
                scalars.append(try escape())
                runStart = offset
            case 0..<0x20:
                throw failure("unescaped control character in a string")
            default:
                offset += 1
            }
        }
    }

    mutating func escape() throws(JSONParser.Failure) -> Unicode.Scalar {
        guard let byte = current else { throw failure("unterminated escape") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first) {
                guard current == UInt8(ascii: "\\") else { throw failure("lone high surrogate") }
                offset += 1
                guard current == UInt8(ascii: "u") else { throw failure("lone high surrogate") }
                offset += 1
                let second = try hex4()
                guard (0xDC00..<0xE000).contains(second) else { throw failure("invalid low surrogate") }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw failure("invalid surrogate pair") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw failure("lone low surrogate") }
            return scalar
        default:
            throw failure("invalid escape")
        }
    }

    mutating func hex4() throws(JSONParser.Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, ASCII.isHexDigit(byte) else { throw failure("expected four hexadecimal digits") }
            let digit = ASCII.isDigit(byte) ? UInt32(byte - 0x30) : UInt32((byte | 0x20) - 0x61 + 10)
            value = value * 16 + digit
            offset += 1
        }
        return value
    }
}
