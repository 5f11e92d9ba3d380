/// A regular expression in the ECMA-262 subset that OpenAPI and JSON Schema `pattern` values use,
/// matched in time linear in the input.
///
/// `matches(_:)` simulates the compiled program as a Thompson NFA (a Pike VM without captures):
/// every input scalar is looked at once, against at most one thread per program instruction, so a
/// match takes O(input length × program size) time and O(program size) memory whatever the pattern.
/// A pattern such as `^(a+)+$`, exponential for a backtracking engine, is as fast as `^a+$`.
///
/// Matching is over Unicode scalars (JSON Schema counts code points), with search semantics: the
/// pattern matches if it matches anywhere in the text, and only `^` and `$` anchor it. There are
/// no flags; `^` and `$` are the start and end of the whole text, as in ECMA-262 without `m`.
///
/// Supported syntax:
/// - literals, and `.` (any scalar except the line terminators `\n`, `\r`, U+2028, U+2029);
/// - escapes `\d \D \w \W \s \S` (ECMA-262 sets: `\d` and `\w` are ASCII, `\s` is ECMA-262
///   white space and line terminators), `\b \B`, `\t \n \r \f \v \0`, `\cX`, `\xHH`, `\uHHHH`
///   (a surrogate pair of two `\uHHHH` is one scalar), `\u{H…}`, and any escaped character that
///   is not a letter or digit (`\. \/ \\ \- \$` …);
/// - `\p{…}` and `\P{…}` for Unicode general categories (`L`, `Lu`, `Letter`, `gc=Nd` …);
/// - character classes `[…]` and `[^…]` with ranges and the escapes above (`\b` is backspace);
/// - groups `(…)`, `(?:…)` and `(?<name>…)` (captures are not reported), alternation `|`;
/// - quantifiers `* + ? {n} {n,} {n,m}` and their lazy forms (the same for match or no match);
/// - anchors `^` and `$`.
///
/// Everything else is refused by `init` with a `SyntaxError` giving the reason and the offset:
/// backreferences, lookahead and lookbehind, inline modifiers, other Unicode properties, and the
/// constructs that mean something different in other dialects (possessive quantifiers, `{,n}`,
/// an unescaped `[` or the set operators `&&`, `--`, `~~` inside a class, unknown letter escapes
/// such as `\A` or `\z`). A pattern is never matched by guessing what it meant.
///
/// Limits: a program of at most `instructionLimit` instructions (a counted repetition is expanded,
/// so `(a{100}){200}` is refused) and groups nested at most `nestingLimit` deep.
public struct LinearRegex: Sendable, Hashable, CustomStringConvertible {
    /// The most instructions a compiled pattern may have; `{n,m}` repeats its operand up to `m` times.
    public static let instructionLimit = 10_000
    /// The deepest that groups and classes may nest.
    public static let nestingLimit = 250

    /// The pattern as written.
    public let pattern: String
    let program: Program

    /// Compiles `pattern`, or throws the reason it is outside the supported subset or invalid.
    public init(_ pattern: String) throws(LinearRegex.SyntaxError) {
        var parser = Parser(pattern)
        let tree = try parser.parse()
        self.pattern = pattern
        self.program = Compiler.compile(tree)
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not anchored).
    public func matches(_ text: String) -> Bool {
        Matcher(program: program).matches(text.unicodeScalars)
    }

    /// The number of instructions in the compiled program.
    public var instructionCount: Int { program.instructions.count }

    public var description: String { "/\(pattern)/" }

    public static func == (lhs: LinearRegex, rhs: LinearRegex) -> Bool { lhs.pattern == rhs.pattern }

    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
