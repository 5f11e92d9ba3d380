/// What an escape stands for.
enum Escape {
    case scalar(Unicode.Scalar)
    case set(ScalarClass)
    case assertion(Assertion)
}

extension Parser {
    /// An escape at `\`. Inside a class `\b` is backspace and `\B` is refused.
    mutating func parseEscape(inClass: Bool) throws(LinearRegex.SyntaxError) -> Escape {
        let start = index
        index += 1
        guard let letter = peek else {
            throw invalid(start, "the pattern ends with a lone '\\'")
        }
        index += 1
        switch letter {
        case "d": return .set(.digits)
        case "D": return .set(ScalarClass.digits.complemented())
        case "w": return .set(.wordCharacters)
        case "W": return .set(ScalarClass.wordCharacters.complemented())
        case "s": return .set(.whiteSpace)
        case "S": return .set(ScalarClass.whiteSpace.complemented())
        case "b": return inClass ? .scalar("\u{08}") : .assertion(.wordBoundary)
        case "B":
            if inClass { throw invalid(start, "\\B cannot be used inside a character class") }
            return .assertion(.notWordBoundary)
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "v": return .scalar("\u{0B}")
        case "f": return .scalar("\u{0C}")
        case "r": return .scalar("\r")
        case "0":
            if let next = peek, ("0"..."9").contains(next) {
                throw invalid(start, "octal escapes such as \\0\(next) are not supported; write \\xHH or \\uHHHH")
            }
            return .scalar("\u{00}")
        case "1"..."9":
            if inClass {
                throw invalid(start, "\\\(letter) inside a class (an octal escape in legacy JavaScript) is not supported; write \\xHH or \\uHHHH")
            }
            throw LinearRegex.SyntaxError(
                .unsupported, at: start, "a backreference (\\\(letter)) is not supported (it cannot be matched in linear time)")
        case "k":
            if peek == "<" {
                throw LinearRegex.SyntaxError(
                    .unsupported, at: start, "a named backreference (\\k<…>) is not supported (it cannot be matched in linear time)")
            }
            throw unknownEscape(letter, at: start)
        case "x":
            guard let value = parseHex(count: 2) else {
                throw invalid(start, "\\x must be followed by exactly two hexadecimal digits")
            }
            return .scalar(try scalar(value, at: start))
        case "u":
            return .scalar(try parseUnicodeEscape(start: start))
        case "c":
            guard let control = peek, ("a"..."z").contains(control) || ("A"..."Z").contains(control) else {
                throw invalid(start, "\\c must be followed by a letter A-Z")
            }
            index += 1
            return .scalar(try scalar(control.value % 32, at: start))
        case "p", "P":
            return .set(try parseProperty(start: start, excluded: letter == "P"))
        default:
            if letter.isASCII, letter.properties.isAlphabetic || ("0"..."9").contains(letter) {
                throw unknownEscape(letter, at: start)
            }
            return .scalar(letter)
        }
    }

    private func unknownEscape(_ letter: Unicode.Scalar, at offset: Int) -> LinearRegex.SyntaxError {
        let hint: String
        switch letter {
        case "A": hint = "; use ^ for the start of the text"
        case "z", "Z": hint = "; use $ for the end of the text"
        case "h": hint = "; write [\\t ] or \\s"
        default: hint = ""
        }
        return LinearRegex.SyntaxError(.unsupported, at: offset, "\\\(letter) is not an ECMA-262 escape\(hint)")
    }

    private func scalar(_ value: UInt32, at offset: Int) throws(LinearRegex.SyntaxError) -> Unicode.Scalar {
        guard let scalar = Unicode.Scalar(value) else {
            throw invalid(offset, "U+\(String(value, radix: 16, uppercase: true)) is a lone surrogate, which no text can contain")
        }
        return scalar
    }

    /// Exactly `count` hexadecimal digits, or `nil` (consuming nothing).
    private mutating func parseHex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let scalar = peek(at: offset), let digit = Self.hexValue(scalar) else { return nil }
            value = value * 16 + digit
        }
        index += count
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    /// After `\u`: `{H…}` (1 to 6 digits, at most 10FFFF), or four digits, where a high surrogate
    /// followed by `\u` and a low surrogate is one scalar, as with the `u` flag.
    private mutating func parseUnicodeEscape(start: Int) throws(LinearRegex.SyntaxError) -> Unicode.Scalar {
        if peek == "{" {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = peek, let digit = Self.hexValue(scalar) {
                value = Swift.min(value * 16 + digit, 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0, peek == "}", value <= 0x10FFFF else {
                throw invalid(start, "\\u{…} must hold a hexadecimal code point of at most 10FFFF")
            }
            index += 1
            return try scalar(value, at: start)
        }
        guard let value = parseHex(count: 4) else {
            throw invalid(start, "\\u must be followed by four hexadecimal digits or {code point}")
        }
        if (0xD800...0xDBFF).contains(value), peek == "\\", peek(at: 1) == "u" {
            let resume = index
            index += 2
            if let low = parseHex(count: 4), (0xDC00...0xDFFF).contains(low) {
                return try scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00), at: start)
            }
            index = resume
        }
        return try scalar(value, at: start)
    }

    /// After `\p` or `\P`: `{name}` naming a general category.
    private mutating func parseProperty(start: Int, excluded: Bool) throws(LinearRegex.SyntaxError) -> ScalarClass {
        let letter = excluded ? "P" : "p"
        guard peek == "{" else {
            throw invalid(start, "\\\(letter) must be followed by a property name in braces, as in \\\(letter){L}")
        }
        index += 1
        var name = ""
        while let scalar = peek, scalar != "}" {
            name.unicodeScalars.append(scalar)
            index += 1
        }
        guard peek == "}" else {
            throw invalid(start, "\\\(letter){ is not closed with '}'")
        }
        index += 1
        guard let mask = GeneralCategoryMask.named(name) else {
            throw LinearRegex.SyntaxError(
                .unsupported, at: start,
                "the Unicode property \\\(letter){\(name)} is not supported; only general categories such as \\p{L}, \\p{Lu} or \\p{Nd} are")
        }
        return .category(mask, excluded: excluded)
    }
}
