/// A Swift expression. Structure is kept where the renderer needs it (names to escape, types to
/// print, literals to escape, argument lists and collections to wrap at the line width); `raw`
/// holds a small printed expression with none of those inside.
public enum Expr: Hashable, Sendable {
    /// A bare reference, escaped when a keyword.
    case identifier(String)
    /// `base.name`, or `.name` when `base` is `nil` (an implicit member).
    indirect case member(Expr?, String)
    /// A type used as an expression (`Analysis(from: decoder)`).
    case type(SwiftType)
    /// `Type.self`.
    case metatypeOf(SwiftType)
    indirect case call(Expr, [Argument], trailingClosure: Closure? = nil)
    case string(String)
    case integer(Int)
    /// A number literal as written (`0.5`, `1e-6`).
    case number(String)
    case bool(Bool)
    case `nil`
    case array([Expr])
    case dictionary([DictionaryEntry])
    indirect case closure(Closure)
    indirect case `try`(Expr)
    /// `try?`
    indirect case tryOptional(Expr)
    indirect case `await`(Expr)
    /// `lhs op rhs`, printed with spaces around the operator.
    indirect case binary(Expr, String, Expr)
    /// `!x`, `-x`.
    indirect case prefix(String, Expr)
    /// `x?`, for optional chaining.
    indirect case optionalChain(Expr)
    /// `x!`, for a value the generator has proved present.
    indirect case forceUnwrapped(Expr)
    /// `&x`.
    indirect case `inout`(Expr)
    /// `(x)`.
    indirect case parenthesized(Expr)
    /// `condition ? then : else`.
    indirect case ternary(Expr, Expr, Expr)
    /// `base[arguments]`.
    indirect case `subscript`(Expr, [Argument])
    /// A printed expression holding no type, name or literal that needs the renderer.
    case raw(String)

    /// `base.name`.
    public func dot(_ name: String) -> Expr { .member(self, name) }

    /// `self()`.
    public func call() -> Expr { .call(self, [], trailingClosure: nil) }

    /// `self(arguments)`.
    public func call(_ arguments: [Argument], trailingClosure: Closure? = nil) -> Expr {
        .call(self, arguments, trailingClosure: trailingClosure)
    }

    /// `self(arguments)` with unlabelled arguments.
    public func call(_ arguments: Expr...) -> Expr {
        .call(self, arguments.map { Argument($0) }, trailingClosure: nil)
    }

    /// `Type.self`.
    public static func metatype(_ type: SwiftType) -> Expr { .metatypeOf(type) }

    /// `self`, the receiver.
    public static var selfValue: Expr { .raw("self") }
}

/// One argument of a call: `label: value`, or just `value`.
public struct Argument: Hashable, Sendable {
    public var label: String?
    public var value: Expr

    public init(_ label: String? = nil, _ value: Expr) {
        self.label = label
        self.value = value
    }

    public init(_ value: Expr) {
        self.label = nil
        self.value = value
    }
}

public struct DictionaryEntry: Hashable, Sendable {
    public var key: Expr
    public var value: Expr

    public init(_ key: Expr, _ value: Expr) {
        self.key = key
        self.value = value
    }
}

/// `{ parameters in body }`, optionally with an explicit signature.
public struct Closure: Hashable, Sendable {
    public var parameters: [String]
    /// An explicit signature (`() async throws(E) -> T in`), printed instead of `parameters`.
    public var signature: FunctionType?
    public var body: [Statement]

    public init(parameters: [String] = [], signature: FunctionType? = nil, body: [Statement]) {
        self.parameters = parameters
        self.signature = signature
        self.body = body
    }
}
