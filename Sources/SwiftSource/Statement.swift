/// A Swift statement. Control flow is structured so that the renderer owns its layout; a
/// `raw` statement is one printed line with nothing inside that needs escaping or wrapping.
public enum Statement: Hashable, Sendable {
    case expression(Expr)
    /// `let name: Type = value` (or `var`).
    case binding(Binding)
    /// `target = value`.
    case assignment(Expr, Expr)
    case `return`(Expr?)
    case `throw`(Expr)
    /// `yield value`, in a `_modify` accessor.
    case yield(Expr)
    indirect case `if`([ConditionalBranch], else: [Statement]?)
    /// `for pattern in sequence where condition { body }`.
    indirect case `for`(pattern: Pattern, sequence: Expr, condition: Expr?, body: [Statement])
    indirect case `switch`(Expr, [SwitchCase])
    case `break`
    case raw(String)

    public static func `let`(_ name: String, _ type: SwiftType? = nil, _ value: Expr?) -> Statement {
        .binding(Binding(isMutable: false, name: name, type: type, value: value))
    }

    public static func `var`(_ name: String, _ type: SwiftType? = nil, _ value: Expr?) -> Statement {
        .binding(Binding(isMutable: true, name: name, type: type, value: value))
    }

    /// `if condition { body }`.
    public static func `if`(_ condition: Condition, _ body: [Statement]) -> Statement {
        .if([ConditionalBranch(condition, body)], else: nil)
    }
}

public struct Binding: Hashable, Sendable {
    public var isMutable: Bool
    public var name: String
    public var type: SwiftType?
    public var value: Expr?

    public init(isMutable: Bool, name: String, type: SwiftType?, value: Expr?) {
        self.isMutable = isMutable
        self.name = name
        self.type = type
        self.value = value
    }
}

/// One `if` or `else if` of a chain.
public struct ConditionalBranch: Hashable, Sendable {
    public var condition: Condition
    public var body: [Statement]

    public init(_ condition: Condition, _ body: [Statement]) {
        self.condition = condition
        self.body = body
    }
}

/// What an `if` tests.
public enum Condition: Hashable, Sendable {
    case expression(Expr)
    /// `let name = value`, or `let name` when `value` is `nil` (shorthand unwrapping).
    case optionalBinding(String, Expr?)
    /// `case pattern = value`.
    case matches(Pattern, Expr)
}

/// A pattern in `case`, `for` and `if case`.
public indirect enum Pattern: Hashable, Sendable {
    /// An expression pattern: a literal, `.member`, `nil`.
    case expression(Expr)
    /// `.name(let a, let b)`.
    case enumCase(String, bindings: [String])
    /// `let name`.
    case binding(String)
    /// `(a, b)`.
    case tuple([Pattern])
    /// `pattern?`.
    case optional(Pattern)
    case wildcard
}

/// One case of a `switch`: `case a, b:` or `default:` (no patterns).
public struct SwitchCase: Hashable, Sendable {
    public var patterns: [Pattern]
    public var body: [Statement]

    public init(_ patterns: [Pattern], _ body: [Statement]) {
        self.patterns = patterns
        self.body = body
    }

    public static func `default`(_ body: [Statement]) -> SwitchCase { SwitchCase([], body) }
}
