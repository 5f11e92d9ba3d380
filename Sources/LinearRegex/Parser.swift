/// Recursive descent over the pattern's Unicode scalars, following the ECMA-262 grammar
/// (Disjunction, Alternative, Term, Atom, Quantifier) with the `u` flag's strictness: anything
/// that would be read as a literal only by the legacy web grammar is refused, not guessed at.
/// Escapes and classes are in `Parser+Escapes.swift` and `Parser+Classes.swift`.
struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(at offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func parse() throws(LinearRegex.SyntaxError) -> Node {
        let tree = try parseDisjunction()
        if index < scalars.count {
            // parseDisjunction stops only at the end or at a ')'.
            throw LinearRegex.SyntaxError(.invalid, at: index, "')' has no matching '('; escape it as \\) for a literal")
        }
        if tree.size + 1 > LinearRegex.instructionLimit {
            throw tooLarge(at: 0)
        }
        return tree
    }

    func invalid(_ offset: Int, _ reason: String) -> LinearRegex.SyntaxError {
        LinearRegex.SyntaxError(.invalid, at: offset, reason)
    }

    func tooLarge(at offset: Int) -> LinearRegex.SyntaxError {
        LinearRegex.SyntaxError(
            .tooLarge, at: offset,
            "the pattern compiles to more than \(LinearRegex.instructionLimit) instructions (counted repetitions are expanded)")
    }

    private mutating func parseDisjunction() throws(LinearRegex.SyntaxError) -> Node {
        var alternatives = [try parseAlternative()]
        while peek == "|" {
            index += 1
            alternatives.append(try parseAlternative())
        }
        return .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(LinearRegex.SyntaxError) -> Node {
        var terms: [Node] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            terms.append(try parseTerm())
        }
        return .concatenation(terms)
    }

    private mutating func parseTerm() throws(LinearRegex.SyntaxError) -> Node {
        let start = index
        guard let scalar = peek else { return .empty }
        let atom: Node
        var repeatable = true
        switch scalar {
        case "^":
            index += 1
            atom = .single(.assertion(.start))
            repeatable = false
        case "$":
            index += 1
            atom = .single(.assertion(.end))
            repeatable = false
        case "\\":
            switch try parseEscape(inClass: false) {
            case .scalar(let value): atom = .single(.scalar(value))
            case .set(let set): atom = .single(.set(set))
            case .assertion(let assertion):
                atom = .single(.assertion(assertion))
                repeatable = false
            }
        case "(":
            atom = try parseGroup()
        case "[":
            atom = .single(.set(try parseClass()))
        case ".":
            index += 1
            atom = .single(.any)
        case "*", "+", "?":
            throw LinearRegex.SyntaxError(.invalid, at: start, "the quantifier '\(scalar)' has nothing to repeat")
        case "{":
            if (try? parseBraceQuantifier()) != nil {
                throw LinearRegex.SyntaxError(.invalid, at: start, "the quantifier '{' has nothing to repeat")
            }
            throw loneBrace(at: start)
        case "}", "]":
            throw LinearRegex.SyntaxError(
                .invalid, at: start, "'\(scalar)' has no matching opening bracket; escape it as \\\(scalar) for a literal")
        default:
            index += 1
            atom = .single(.scalar(scalar))
        }
        let quantifierStart = index
        guard let (min, max) = try parseQuantifier() else { return atom }
        if !repeatable {
            throw LinearRegex.SyntaxError(.invalid, at: quantifierStart, "an assertion (^, $, \\b, \\B) cannot be repeated")
        }
        let repeated = Node.repetition(atom, min: min, max: max)
        if repeated.size >= LinearRegex.instructionLimit {
            throw tooLarge(at: quantifierStart)
        }
        return repeated
    }

    private func loneBrace(at offset: Int) -> LinearRegex.SyntaxError {
        LinearRegex.SyntaxError(
            .invalid, at: offset,
            "'{' does not start a quantifier {n}, {n,} or {n,m}; escape it as \\{ for a literal")
    }

    /// `(…)`, `(?:…)`, `(?<name>…)`; the other `(?` forms are refused with what they are.
    private mutating func parseGroup() throws(LinearRegex.SyntaxError) -> Node {
        let start = index
        index += 1
        if peek == "?" {
            try parseGroupSpecifier(start: start)
        }
        depth += 1
        if depth > LinearRegex.nestingLimit {
            throw LinearRegex.SyntaxError(.tooLarge, at: start, "groups are nested more than \(LinearRegex.nestingLimit) deep")
        }
        let inner = try parseDisjunction()
        depth -= 1
        guard peek == ")" else {
            throw LinearRegex.SyntaxError(.invalid, at: start, "the group opened here is not closed with ')'")
        }
        index += 1
        return inner
    }

    /// After `(`, at `?`: consumes `?:` or `?<name>`, or throws for the forms outside the subset.
    private mutating func parseGroupSpecifier(start: Int) throws(LinearRegex.SyntaxError) {
        func unsupported(_ reason: String) -> LinearRegex.SyntaxError {
            LinearRegex.SyntaxError(.unsupported, at: start, reason)
        }
        switch (peek(at: 1), peek(at: 2)) {
        case (":", _):
            index += 2
        case ("=", _):
            throw unsupported("lookahead (?=…) is not supported")
        case ("!", _):
            throw unsupported("negative lookahead (?!…) is not supported")
        case ("<", "="):
            throw unsupported("lookbehind (?<=…) is not supported")
        case ("<", "!"):
            throw unsupported("negative lookbehind (?<!…) is not supported")
        case ("<", _):
            index += 2
            try parseGroupName(start: start)
        case ("P", _), ("'", _):
            throw LinearRegex.SyntaxError(.invalid, at: start, "this named-group syntax is not ECMA-262; write (?<name>…)")
        case (">", _):
            throw unsupported("atomic groups (?>…) are not ECMA-262 and are not supported")
        case ("#", _):
            throw unsupported("comments (?#…) are not ECMA-262 and are not supported")
        case (let next?, _) where next.properties.isAlphabetic || next == "-" || next == "^":
            throw unsupported("inline modifiers such as (?i) are not supported")
        default:
            throw LinearRegex.SyntaxError(.invalid, at: start, "'(?' does not start a group (?:…) or (?<name>…)")
        }
    }

    /// A group name up to `>`: an identifier, which only needs checking (captures are not kept).
    private mutating func parseGroupName(start: Int) throws(LinearRegex.SyntaxError) {
        var length = 0
        while let scalar = peek, scalar != ">" {
            let valid =
                scalar == "$" || scalar == "_"
                || (length == 0 ? scalar.properties.isIDStart : scalar.properties.isIDContinue || scalar == "\u{200C}" || scalar == "\u{200D}")
            guard valid else {
                throw LinearRegex.SyntaxError(.invalid, at: index, "a group name must be an identifier (letters, digits, '_' or '$')")
            }
            length += 1
            index += 1
        }
        guard peek == ">", length > 0 else {
            throw LinearRegex.SyntaxError(.invalid, at: start, "a named group needs a name and a closing '>': (?<name>…)")
        }
        index += 1
    }

    /// A quantifier after an atom, if there is one: bounds, then an optional lazy `?`, which does
    /// not change whether there is a match. A second quantifier (`a**`, the possessive `a*+`) is refused.
    private mutating func parseQuantifier() throws(LinearRegex.SyntaxError) -> (Int, Int?)? {
        let bounds: (Int, Int?)
        switch peek {
        case "*":
            index += 1
            bounds = (0, nil)
        case "+":
            index += 1
            bounds = (1, nil)
        case "?":
            index += 1
            bounds = (0, 1)
        case "{":
            bounds = try parseBraceQuantifier()
        default:
            return nil
        }
        if peek == "?" { index += 1 }
        if let next = peek, next == "*" || next == "+" || next == "?" || next == "{" {
            throw LinearRegex.SyntaxError(
                .invalid, at: index,
                "a quantifier cannot follow another quantifier (possessive quantifiers such as a*+ are not ECMA-262)")
        }
        return bounds
    }

    /// `{n}`, `{n,}` or `{n,m}` at `{`; anything else is a lone `{`, which is refused.
    private mutating func parseBraceQuantifier() throws(LinearRegex.SyntaxError) -> (Int, Int?) {
        let start = index
        index += 1
        if peek == "," {
            throw LinearRegex.SyntaxError(.invalid, at: start, "{,n} is not an ECMA-262 quantifier; write {0,n}")
        }
        guard let min = parseNumber() else {
            index = start
            throw loneBrace(at: start)
        }
        var max: Int? = min
        if peek == "," {
            index += 1
            max = parseNumber()
        }
        guard peek == "}" else {
            index = start
            throw loneBrace(at: start)
        }
        index += 1
        if let max, max < min {
            throw LinearRegex.SyntaxError(.invalid, at: start, "the quantifier {\(min),\(max)} has its bounds out of order")
        }
        return (min, max)
    }

    /// Decimal digits, saturating at a billion (the size check refuses a huge count anyway).
    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let scalar = peek, ("0"..."9").contains(scalar) {
            value = Swift.min((value ?? 0) * 10 + Int(scalar.value - 48), 1_000_000_000)
            index += 1
        }
        return value
    }
}
