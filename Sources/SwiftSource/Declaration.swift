/// A Swift declaration: what generated files are made of.
public indirect enum Declaration: Hashable, Sendable {
    case type(TypeDeclaration)
    case `extension`(ExtensionDeclaration)
    case `typealias`(TypealiasDeclaration)
    case enumCase(EnumCaseDeclaration)
    case property(PropertyDeclaration)
    case function(FunctionDeclaration)
}

/// Access levels a declaration may state; `internal` is never printed.
public enum AccessLevel: String, Hashable, Sendable {
    case `public`, package, `internal`, `fileprivate`, `private`
}

/// The modifiers in front of a declaration, printed in Swift's usual order.
public struct Modifiers: Hashable, Sendable {
    public var access: AccessLevel?
    public var isStatic: Bool
    public var isNonisolated: Bool
    public var isMutating: Bool
    /// `indirect` (an enum whose cases are stored out of line).
    public var isIndirect: Bool

    public init(
        access: AccessLevel? = nil, isStatic: Bool = false, isNonisolated: Bool = false, isMutating: Bool = false,
        isIndirect: Bool = false
    ) {
        self.access = access
        self.isStatic = isStatic
        self.isNonisolated = isNonisolated
        self.isMutating = isMutating
        self.isIndirect = isIndirect
    }
}

/// A `///` comment: lines as they will appear after `/// `.
public struct DocComment: Hashable, Sendable {
    public var lines: [String]

    public init(lines: [String]) {
        self.lines = lines
    }

    /// Prose split at line ends, each line stripped of trailing blanks, leading and trailing
    /// blank lines removed; `nil` when there is no text.
    public init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        // The common case, one line with nothing to trim, without splitting.
        let bytes = text.utf8
        if let first = bytes.first, let last = bytes.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09,
            !bytes.contains(where: { $0 == 0x0A || $0 == 0x0D })
        {
            lines = [text]
            return
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return String(line)
        }
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        self.lines = lines
    }

    /// This comment followed by a paragraph (a blank comment line between them).
    public func adding(_ paragraph: [String]) -> DocComment {
        DocComment(lines: lines.isEmpty ? paragraph : lines + [""] + paragraph)
    }
}

/// `struct` or `enum`, with its members (nested types included).
public struct TypeDeclaration: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case `struct`, `enum`, `protocol`
    }

    public var doc: DocComment?
    public var attributes: [String]
    public var modifiers: Modifiers
    public var kind: Kind
    public var name: String
    public var conformances: [SwiftType]
    public var members: [Declaration]

    public init(
        doc: DocComment? = nil, attributes: [String] = [], modifiers: Modifiers = Modifiers(), kind: Kind,
        name: String, conformances: [SwiftType] = [], members: [Declaration] = []
    ) {
        self.doc = doc
        self.attributes = attributes
        self.modifiers = modifiers
        self.kind = kind
        self.name = name
        self.conformances = conformances
        self.members = members
    }
}

public struct ExtensionDeclaration: Hashable, Sendable {
    public var doc: DocComment?
    public var modifiers: Modifiers
    public var extendedType: SwiftType
    public var conformances: [SwiftType]
    public var members: [Declaration]

    public init(
        doc: DocComment? = nil, modifiers: Modifiers = Modifiers(), extendedType: SwiftType,
        conformances: [SwiftType] = [], members: [Declaration]
    ) {
        self.doc = doc
        self.modifiers = modifiers
        self.extendedType = extendedType
        self.conformances = conformances
        self.members = members
    }
}

public struct TypealiasDeclaration: Hashable, Sendable {
    public var doc: DocComment?
    public var attributes: [String]
    public var modifiers: Modifiers
    public var name: String
    public var type: SwiftType

    public init(doc: DocComment? = nil, attributes: [String] = [], modifiers: Modifiers = Modifiers(), name: String, type: SwiftType) {
        self.doc = doc
        self.attributes = attributes
        self.modifiers = modifiers
        self.name = name
        self.type = type
    }
}

/// `case name`, `case name(T)`, `case name = "raw"`.
public struct EnumCaseDeclaration: Hashable, Sendable {
    public var doc: DocComment?
    public var attributes: [String]
    public var name: String
    public var associatedValues: [SwiftType]
    public var rawValue: Expr?

    public init(doc: DocComment? = nil, attributes: [String] = [], name: String, associatedValues: [SwiftType] = [], rawValue: Expr? = nil) {
        self.doc = doc
        self.attributes = attributes
        self.name = name
        self.associatedValues = associatedValues
        self.rawValue = rawValue
    }
}

/// A stored or computed property.
public struct PropertyDeclaration: Hashable, Sendable {
    /// How a computed property's value is got and set.
    public enum Accessors: Hashable, Sendable {
        /// `var x: T { body }`.
        case get([Statement])
        /// `get { … } set { … }`, or with `_modify` for in-place mutation.
        case getSet(get: [Statement], set: [Statement], modify: [Statement]?)
    }

    public var doc: DocComment?
    public var attributes: [String]
    public var modifiers: Modifiers
    public var isMutable: Bool
    public var name: String
    public var type: SwiftType?
    public var initializer: Expr?
    public var accessors: Accessors?

    public init(
        doc: DocComment? = nil, attributes: [String] = [], modifiers: Modifiers = Modifiers(), isMutable: Bool = true,
        name: String, type: SwiftType?, initializer: Expr? = nil, accessors: Accessors? = nil
    ) {
        self.doc = doc
        self.attributes = attributes
        self.modifiers = modifiers
        self.isMutable = isMutable
        self.name = name
        self.type = type
        self.initializer = initializer
        self.accessors = accessors
    }
}

/// A function or an initializer.
public struct FunctionDeclaration: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case function(String)
        case initializer(isFailable: Bool)
    }

    public var doc: DocComment?
    public var attributes: [String]
    public var modifiers: Modifiers
    public var kind: Kind
    public var parameters: [FunctionParameter]
    public var isAsync: Bool
    public var throwing: Throwing
    public var result: SwiftType?
    /// `nil` for a requirement without a body (in a protocol).
    public var body: [Statement]?

    public init(
        doc: DocComment? = nil, attributes: [String] = [], modifiers: Modifiers = Modifiers(), kind: Kind,
        parameters: [FunctionParameter] = [], isAsync: Bool = false, throwing: Throwing = .none, result: SwiftType? = nil,
        body: [Statement]?
    ) {
        self.doc = doc
        self.attributes = attributes
        self.modifiers = modifiers
        self.kind = kind
        self.parameters = parameters
        self.isAsync = isAsync
        self.throwing = throwing
        self.result = result
        self.body = body
    }
}

/// A parameter: `label name: Type = default`; `label` `nil` prints `_`, and a label equal to the
/// name is printed once.
public struct FunctionParameter: Hashable, Sendable {
    public var label: String?
    public var name: String
    public var type: SwiftType
    public var isEscaping: Bool
    public var isInout: Bool
    public var defaultValue: Expr?

    public init(
        label: String?, name: String, type: SwiftType, isEscaping: Bool = false, isInout: Bool = false,
        defaultValue: Expr? = nil
    ) {
        self.label = label
        self.name = name
        self.type = type
        self.isEscaping = isEscaping
        self.isInout = isInout
        self.defaultValue = defaultValue
    }

    /// A parameter whose label is its name.
    public init(_ name: String, _ type: SwiftType, defaultValue: Expr? = nil) {
        self.init(label: name, name: name, type: type, defaultValue: defaultValue)
    }
}

/// `import Module`, optionally with the SPIs (`@_spi(Name)`) of it the file uses.
public struct ImportDeclaration: Hashable, Sendable, ExpressibleByStringLiteral {
    public var module: String
    public var spis: [String]

    public init(_ module: String, spis: [String] = []) {
        self.module = module
        self.spis = spis
    }

    public init(stringLiteral module: String) {
        self.init(module)
    }
}

/// One generated file: header comment lines, imports, declarations.
public struct SourceFile: Hashable, Sendable {
    public var headerComments: [String]
    public var imports: [ImportDeclaration]
    public var declarations: [Declaration]

    public init(headerComments: [String], imports: [ImportDeclaration], declarations: [Declaration]) {
        self.headerComments = headerComments
        self.imports = imports
        self.declarations = declarations
    }
}
