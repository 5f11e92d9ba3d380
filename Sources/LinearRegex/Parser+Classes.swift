/// Character classes `[…]` and `[^…]`; escapes inside them are parsed as in `Parser+Escapes.swift`,
/// except that `\b` is backspace.
extension Parser {
    /// A class at `[`: items, ranges between single scalars, and `^` for the complement.
    mutating func parseClass() throws(LinearRegex.SyntaxError) -> ScalarClass {
        let start = index
        index += 1
        var set = ScalarClass()
        if peek == "^" {
            index += 1
            set.isNegated = true
        }
        while true {
            guard let scalar = peek else {
                throw invalid(start, "the character class opened here is not closed with ']'")
            }
            if scalar == "]" {
                index += 1
                break
            }
            let itemStart = index
            let first = try parseClassAtom()
            guard peek == "-", let after = peek(at: 1), after != "]" else {
                add(first, to: &set)
                continue
            }
            try refuseSetOperation()
            index += 1
            let second = try parseClassAtom()
            guard case .scalar(let low) = first, case .scalar(let high) = second else {
                throw invalid(itemStart, "a class escape such as \\d or \\p{…} cannot be a range endpoint; escape '-' as \\- for a literal")
            }
            guard low <= high else {
                throw invalid(itemStart, "the range \(Self.show(low))-\(Self.show(high)) is out of order")
            }
            set.insert(low.value...high.value)
        }
        set.normalize()
        return set
    }

    private func add(_ atom: Escape, to set: inout ScalarClass) {
        switch atom {
        case .scalar(let scalar): set.insert(scalar.value...scalar.value)
        case .set(let other): set.formUnion(other)
        case .assertion: break  // parseEscape gives none inside a class
        }
    }

    private static func show(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control || scalar == " "
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
    }

    /// One scalar or escape inside a class. An unescaped `[` and the doubled `&&`, `--`, `~~`
    /// nest or combine classes in other dialects (and with ECMA-262's `v` flag), so they are refused.
    private mutating func parseClassAtom() throws(LinearRegex.SyntaxError) -> Escape {
        guard let scalar = peek else {
            throw invalid(index, "the pattern ends inside a character class")
        }
        switch scalar {
        case "\\":
            return try parseEscape(inClass: true)
        case "[":
            let reason =
                peek(at: 1) == ":"
                ? "POSIX classes such as [:alpha:] are not ECMA-262; write the ranges, e.g. [A-Za-z]"
                : "an unescaped '[' inside a class nests classes in other dialects; escape it as \\["
            throw invalid(index, reason)
        default:
            try refuseSetOperation()
            index += 1
            return .scalar(scalar)
        }
    }

    private func refuseSetOperation() throws(LinearRegex.SyntaxError) {
        guard let scalar = peek, scalar == "&" || scalar == "-" || scalar == "~", peek(at: 1) == scalar else { return }
        throw invalid(index, "'\(scalar)\(scalar)' inside a class is a set operation in other dialects; escape it as \\\(scalar)\\\(scalar)")
    }
}
