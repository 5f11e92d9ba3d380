/// A Swift type expression, kept as structure so that no emitter reads a type's spelling: the
/// element of an array, whether a type is optional, a nested type's path are all questions asked
/// of this value, and only ``Renderer`` turns it into text.
public enum SwiftType: Hashable, Sendable {
    /// A nominal type by its qualified path (`["ComplianceResult", "RequiredPhrase"]`).
    case named([String])
    indirect case optional(SwiftType)
    indirect case array(SwiftType)
    indirect case dictionary(key: SwiftType, value: SwiftType)
    /// A generic type applied to arguments (`Nullable<Int>`).
    case generic([String], [SwiftType])
    /// An existential (`any Decoder`).
    case existential([String])
    /// A function type (`@Sendable () -> Date`).
    indirect case function(FunctionType)

    /// A nominal type of one or more dot-separated components written as one string
    /// (`"String"`, `"Swift.Int"`); the components are split here, once.
    public static func named(_ path: String) -> SwiftType {
        .named(path.split(separator: ".").map(String.init))
    }

    public static var string: SwiftType { .named(["String"]) }
    public static var int: SwiftType { .named(["Int"]) }
    public static var int32: SwiftType { .named(["Int32"]) }
    public static var double: SwiftType { .named(["Double"]) }
    public static var float: SwiftType { .named(["Float"]) }
    public static var bool: SwiftType { .named(["Bool"]) }
    public static var void: SwiftType { .named(["Void"]) }
    public static var date: SwiftType { .named(["Date"]) }
    public static var data: SwiftType { .named(["Data"]) }

    /// `T?`, without doubling an optional.
    public var optional: SwiftType {
        if case .optional = self { return self }
        return .optional(self)
    }

    /// The wrapped type of an optional, or the type itself.
    public var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// The element type when this is an array.
    public var arrayElement: SwiftType? {
        if case .array(let element) = self { return element }
        return nil
    }

    /// The qualified path of a nominal type.
    public var path: [String]? {
        if case .named(let path) = self { return path }
        return nil
    }

    /// A type nested in this nominal type (`Outer.Inner`).
    public func nested(_ name: String) -> SwiftType {
        .named((path ?? []) + [name])
    }
}

/// A function type: parameter types, effects and result.
public struct FunctionType: Hashable, Sendable {
    public var attributes: [String]
    public var parameters: [SwiftType]
    public var isAsync: Bool
    public var throwing: Throwing
    public var result: SwiftType

    public init(
        attributes: [String] = [], parameters: [SwiftType] = [], isAsync: Bool = false,
        throwing: Throwing = .none, result: SwiftType
    ) {
        self.attributes = attributes
        self.parameters = parameters
        self.isAsync = isAsync
        self.throwing = throwing
        self.result = result
    }
}

/// What a function may throw.
public enum Throwing: Hashable, Sendable {
    case none
    /// `throws`.
    case any
    /// `throws(E)`.
    case typed(SwiftType)
}
